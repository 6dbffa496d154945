// Parsing and dispatch of the CLI commands.
#include "commandline.h"

#include "database.h"
#include "databasecopier.h"
#include "demogenerator.h"
#include "feedscommand.h"
#include "memberscommand.h"
#include "storageerror.h"
#include "synccommand.h"
#include "terminal.h"
#include "transfercommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <functional>

#include <unistd.h>

namespace {} // namespace

QCommandLineOption CommandLine::databaseOption()
{
    return {{QStringLiteral("d"), QStringLiteral("database")},
            CommandLine::tr(
                "Open the community database at PATH (an SQLite file) or a postgresql:// URL."),
            CommandLine::tr("PATH")};
}

int CommandLine::parseCommand(QCommandLineParser &parser,
                              const QStringList &arguments,
                              qsizetype positionals)
{
    if (!parser.parse(arguments))
        return Terminal::fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        Terminal::out() << parser.helpText();
        return 0;
    }
    if (parser.positionalArguments().size() > positionals) {
        return Terminal::fail(CommandLine::tr("Unexpected argument: %1")
                                  .arg(parser.positionalArguments().at(positionals)));
    }
    return -1;
}

std::unique_ptr<Database> CommandLine::openDatabase(const QString &argument)
{
    auto database = std::make_unique<Database>(databaseLocation(argument));
    database->open();
    return database;
}

namespace {

void addGlobalOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(CommandLine::tr(
        "Watercooler shows who talks with whom in your community, about what and how often.\n"
        "Without a command it opens the main window."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(CommandLine::databaseOption());
    parser.addPositionalArgument(QStringLiteral("command"),
                                 CommandLine::tr("Optional command: %1.")
                                     .arg(CommandLine::commandNames().join(QLatin1String(", "))),
                                 QStringLiteral("[command]"));
}

bool parsePositiveInt(const QString &text, int *value)
{
    bool ok = false;
    const int parsed = text.toInt(&ok);
    if (!ok || parsed < 0)
        return false;
    *value = parsed;
    return true;
}

int runDemo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CommandLine::tr("Fill the database with a generated sample community."));
    parser.addHelpOption();
    parser.addOption(CommandLine::databaseOption());
    const QCommandLineOption members(QStringLiteral("members"),
                                     CommandLine::tr("Number of members (default 60)."),
                                     CommandLine::tr("N"),
                                     QStringLiteral("60"));
    const QCommandLineOption
        discussions(QStringLiteral("discussions"),
                    CommandLine::tr(
                        "Number of discussions (default 40, or posts/10 for large communities)."),
                    CommandLine::tr("N"));
    const QCommandLineOption posts(QStringLiteral("posts"),
                                   CommandLine::tr("Number of posts (default 400)."),
                                   CommandLine::tr("N"),
                                   QStringLiteral("400"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  CommandLine::tr(
                                      "Random seed; the same seed gives the same community."),
                                  CommandLine::tr("S"),
                                  QStringLiteral("1"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  CommandLine::tr("Print the summary as JSON."));
    parser.addOptions({members, discussions, posts, seed, json});
    parser.addPositionalArgument(QStringLiteral("demo"),
                                 CommandLine::tr("Generate a sample community."));
    if (const int code = CommandLine::parseCommand(parser, arguments, 1); code >= 0)
        return code;

    DemoGenerator::Options options;
    if (!parsePositiveInt(parser.value(members), &options.members) || options.members == 0)
        return Terminal::fail(CommandLine::tr("--members needs a whole number above 0, not \"%1\".")
                                  .arg(parser.value(members)));
    if (!parsePositiveInt(parser.value(posts), &options.posts))
        return Terminal::fail(
            CommandLine::tr("--posts needs a whole number, not \"%1\".").arg(parser.value(posts)));
    options.discussions = DemoGenerator::defaultDiscussions(options.posts);
    if (parser.isSet(discussions)
        && !parsePositiveInt(parser.value(discussions), &options.discussions))
        return Terminal::fail(CommandLine::tr("--discussions needs a whole number, not \"%1\".")
                                  .arg(parser.value(discussions)));
    bool seedOk = false;
    options.seed = parser.value(seed).toUInt(&seedOk);
    if (!seedOk)
        return Terminal::fail(
            CommandLine::tr("--seed needs a whole number, not \"%1\".").arg(parser.value(seed)));

    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        const DemoGenerator::Result result
            = DemoGenerator(options).generate(database->connectionName(), Terminal::progress());
        if (parser.isSet(json)) {
            const QJsonObject object{{QStringLiteral("database"),
                                      database->location().displayName()},
                                     {QStringLiteral("members"), result.members},
                                     {QStringLiteral("discussions"), result.discussions},
                                     {QStringLiteral("posts"), result.posts},
                                     {QStringLiteral("mentions"), result.mentions},
                                     {QStringLiteral("feeds"), result.feeds},
                                     {QStringLiteral("feed_items"), result.feedItems},
                                     {QStringLiteral("assessments"), result.assessments}};
            Terminal::out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
        } else {
            Terminal::out() << CommandLine::tr("Created a sample community in %1:")
                                   .arg(database->location().displayName())
                            << '\n'
                            << CommandLine::tr("  %n member(s)", nullptr, result.members) << '\n'
                            << CommandLine::tr("  %n discussion(s)", nullptr, result.discussions)
                            << '\n'
                            << CommandLine::tr("  %n post(s) with %1 mention(s)",
                                               nullptr,
                                               result.posts)
                                   .arg(result.mentions)
                            << '\n'
                            << CommandLine::tr("  %n feed(s) with %1 item(s)", nullptr, result.feeds)
                                   .arg(result.feedItems)
                            << '\n'
                            << CommandLine::tr("  %n maturity assessment(s)",
                                               nullptr,
                                               result.assessments)
                            << Qt::endl;
        }
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    return 0;
}

// `db copy --to TARGET [--replace] [--json]`: the whole community into another database.
int runDbCopy(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CommandLine::tr(
        "Copy the whole community into another database, an SQLite file or a PostgreSQL server."));
    parser.addHelpOption();
    parser.addOption(CommandLine::databaseOption());
    const QCommandLineOption to(QStringLiteral("to"),
                                CommandLine::tr(
                                    "The database to copy to: an SQLite file or a postgresql:// "
                                    "URL."),
                                CommandLine::tr("TARGET"));
    const QCommandLineOption replace(QStringLiteral("replace"),
                                     CommandLine::tr("Delete what the target holds first, instead "
                                                     "of refusing a target that is not empty."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  CommandLine::tr("Print the summary as JSON."));
    parser.addOptions({to, replace, json});
    parser.addPositionalArgument(QStringLiteral("db"), CommandLine::tr("Database commands."));
    parser.addPositionalArgument(QStringLiteral("copy"),
                                 CommandLine::tr("Copy the community to --to."));
    if (const int code = CommandLine::parseCommand(parser, arguments, 2); code >= 0)
        return code;
    if (parser.value(to).isEmpty())
        return Terminal::fail(
            CommandLine::tr("db copy needs --to TARGET: an SQLite file or a postgresql:// URL."));

    try {
        const auto source = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        DatabaseCopier copier(*source, DatabaseLocation::fromArgument(parser.value(to)));
        const QString target = copier.targetLocation().displayName();
        copier.setReplace(parser.isSet(replace));
        if (!parser.isSet(replace) && !copier.targetIsEmpty())
            return Terminal::fail(
                CommandLine::tr("%1 is not empty; use --replace to overwrite it.").arg(target));
        const DatabaseCopier::Summary summary = copier.copy(Terminal::progress());
        if (parser.isSet(json)) {
            QJsonObject tables;
            for (const DatabaseCopier::TableCount &count : summary.tables)
                tables.insert(count.table, count.rows);
            const QJsonObject object{{QStringLiteral("target"), target},
                                     {QStringLiteral("tables"), tables},
                                     {QStringLiteral("total"), summary.total()}};
            Terminal::out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
        } else {
            Terminal::out() << CommandLine::tr("Copied %1 to %2:")
                                   .arg(source->location().displayName(), target)
                            << '\n';
            qsizetype width = 0;
            for (const DatabaseCopier::TableCount &count : summary.tables)
                width = std::max(width, count.table.size());
            for (const DatabaseCopier::TableCount &count : summary.tables) {
                if (count.rows > 0)
                    Terminal::out()
                        << "  " << count.table.leftJustified(width) << "  " << count.rows << '\n';
            }
            Terminal::out() << CommandLine::tr("  Total: %n row(s)", nullptr, int(summary.total()))
                            << Qt::endl;
        }
    } catch (const StorageError &error) {
        // Server messages can run over several lines; the CLI reports one.
        return Terminal::fail(error.message().simplified());
    }
    return 0;
}

// `db SUBCOMMAND ...`: commands that work on the database as a whole.
int runDb(const QStringList &arguments)
{
    // The arguments are the program, the database option if given, "db" and what follows.
    const qsizetype at = arguments.value(1) == QLatin1String("--database") ? 3 : 1;
    const QString subcommand = arguments.value(at + 1);
    if (subcommand == QLatin1String("copy"))
        return runDbCopy(arguments);
    if (subcommand == QLatin1String("--help") || subcommand == QLatin1String("-h")) {
        Terminal::out() << CommandLine::tr(
                               "Usage: %1 [--database PATH] db copy --to TARGET [--replace] "
                               "[--json]")
                               .arg(QCoreApplication::applicationName())
                        << '\n'
                        << CommandLine::tr("Database commands: copy. See db copy --help.")
                        << Qt::endl;
        return 0;
    }
    if (subcommand.isEmpty())
        return Terminal::fail(CommandLine::tr("db needs a command: copy. See db --help."));
    return Terminal::fail(
        CommandLine::tr("Unknown db command \"%1\". Commands: copy. See db --help.").arg(subcommand));
}

} // namespace

QStringList CommandLine::commandNames()
{
    return {QStringLiteral("demo"),
            QStringLiteral("db"),
            QStringLiteral("feeds"),
            QStringLiteral("members"),
            QStringLiteral("sync"),
            QStringLiteral("import"),
            QStringLiteral("export")};
}

bool CommandLine::wantsCommandLine(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")
            || argument == QLatin1String("--help-all") || argument == QLatin1String("--version")
            || argument == QLatin1String("-v"))
            return true;
        if (argument == QLatin1String("-d") || argument == QLatin1String("--database")) {
            ++i; // skip the value
            continue;
        }
        if (!argument.startsWith(QLatin1Char('-')))
            return true; // a command (or a mistyped one, which the CLI reports)
    }
    return false;
}

QString CommandLine::databaseArgument(const QStringList &arguments)
{
    QCommandLineParser parser;
    addGlobalOptions(parser);
    parser.parse(arguments);
    return parser.value(QStringLiteral("database"));
}

DatabaseLocation CommandLine::databaseLocation(const QString &argument)
{
    if (!argument.isEmpty())
        return DatabaseLocation::fromArgument(argument);
    // The default file's folder is ours to create; a folder the user names is not.
    const DatabaseLocation location = DatabaseLocation::sqlite(
        DatabaseLocation::defaultSqlitePath());
    QDir().mkpath(QFileInfo(location.filePath).absolutePath());
    return location;
}

int CommandLine::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    addGlobalOptions(parser);
    // Options after the command belong to it; only parse up to the command here.
    QStringList global{arguments.value(0)};
    qsizetype i = 1;
    for (; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (!argument.startsWith(QLatin1Char('-')))
            break;
        global << argument;
        if ((argument == QLatin1String("-d") || argument == QLatin1String("--database"))
            && i + 1 < arguments.size())
            global << arguments.at(++i);
    }
    if (!parser.parse(global))
        return Terminal::fail(parser.errorText());
    if (parser.isSet(QStringLiteral("version"))) {
        Terminal::out() << QCoreApplication::applicationName() << ' '
                        << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    if (i >= arguments.size() || parser.isSet(QStringLiteral("help"))) {
        Terminal::out() << parser.helpText();
        return 0;
    }

    const QString command = arguments.at(i);
    // The command sees the database option wherever it was given.
    QStringList commandArguments{arguments.value(0)};
    if (parser.isSet(QStringLiteral("database")))
        commandArguments << QStringLiteral("--database")
                         << parser.value(QStringLiteral("database"));
    commandArguments << arguments.mid(i);
    if (command == QLatin1String("demo"))
        return runDemo(commandArguments);
    if (command == QLatin1String("db"))
        return runDb(commandArguments);
    if (command == QLatin1String("feeds"))
        return FeedsCommand::run(commandArguments);
    if (command == QLatin1String("members"))
        return MembersCommand::run(commandArguments);
    if (command == QLatin1String("sync"))
        return SyncCommand::run(commandArguments);
    if (command == QLatin1String("import"))
        return TransferCommand::runImport(commandArguments);
    if (command == QLatin1String("export"))
        return TransferCommand::runExport(commandArguments);
    return Terminal::fail(CommandLine::tr("Unknown command \"%1\". Commands: %2. See --help.")
                              .arg(command, commandNames().join(QLatin1String(", "))));
}
