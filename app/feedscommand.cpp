// Adding, listing and removing feed subscriptions; no network access.
#include "feedscommand.h"

#include "commandline.h"
#include "database.h"
#include "feedrepository.h"
#include "storageerror.h"
#include "terminal.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QUrl>

namespace {

// A parser with the options every feeds command shares.
void setUp(QCommandLineParser &parser, const QString &usage)
{
    parser.setApplicationDescription(usage);
    parser.addHelpOption();
    parser.addOption(CommandLine::databaseOption());
}

// Parses and answers --help; returns -1 to go on, else the exit code.
int parse(QCommandLineParser &parser, const QStringList &arguments, qsizetype positionals)
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

int add(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser, CommandLine::tr("Subscribe to a feed. Nothing is fetched until the next sync."));
    const QCommandLineOption folder(QStringLiteral("folder"),
                                    CommandLine::tr("Put the feed in this folder (\"A/B\" nests)."),
                                    CommandLine::tr("NAME"));
    const QCommandLineOption comments(QStringLiteral("follow-comments"),
                                      CommandLine::tr("Also fetch the comments of its items."));
    parser.addOptions({folder, comments});
    parser.addPositionalArgument(QStringLiteral("url"),
                                 CommandLine::tr("The feed's address."),
                                 QStringLiteral("feeds add URL"));
    if (const int code = parse(parser, arguments, 4); code >= 0)
        return code;
    const QStringList positionals = parser.positionalArguments();
    if (positionals.size() < 3)
        return Terminal::fail(CommandLine::tr("feeds add needs the feed's URL."));
    const QUrl url = QUrl::fromUserInput(positionals.at(2));
    if (!url.isValid()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")
            && url.scheme() != QLatin1String("file"))) {
        return Terminal::fail(CommandLine::tr("\"%1\" is not a feed address (http, https or file).")
                                  .arg(positionals.at(2)));
    }
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        FeedRepository::NewFeed feed;
        feed.url = url.toString();
        feed.folderPath = parser.value(folder);
        feed.followComments = parser.isSet(comments);
        const qint64 id = FeedRepository(database->connectionName()).addFeed(feed);
        Terminal::out() << id << Qt::endl;
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    return 0;
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

int list(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser, CommandLine::tr("List the feed subscriptions."));
    const QCommandLineOption json(QStringLiteral("json"), CommandLine::tr("Print them as JSON."));
    parser.addOption(json);
    if (const int code = parse(parser, arguments, 3); code >= 0)
        return code;
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        const FeedRepository repository(database->connectionName());
        const QList<FeedRepository::Feed> feeds = repository.feeds();
        if (parser.isSet(json)) {
            QJsonArray array;
            for (const FeedRepository::Feed &feed : feeds) {
                array.append(
                    QJsonObject{{QStringLiteral("id"), feed.id},
                                {QStringLiteral("url"), feed.url},
                                {QStringLiteral("title"), feed.title},
                                {QStringLiteral("folder"), repository.folderPath(feed.folderId)},
                                {QStringLiteral("last_fetched"),
                                 feed.lastFetched.isValid()
                                     ? QJsonValue(feed.lastFetched.toUTC().toString(Qt::ISODate))
                                     : QJsonValue()},
                                {QStringLiteral("http_status"),
                                 feed.httpStatus > 0 ? QJsonValue(feed.httpStatus) : QJsonValue()},
                                {QStringLiteral("error"), orNull(feed.errorText)},
                                {QStringLiteral("status"), feed.status},
                                {QStringLiteral("items"), feed.itemCount},
                                {QStringLiteral("unread"), feed.unreadCount}});
            }
            Terminal::out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return 0;
        }
        for (const FeedRepository::Feed &feed : feeds) {
            const QString folderPath = repository.folderPath(feed.folderId);
            Terminal::out() << feed.id << '\t' << (feed.title.isEmpty() ? feed.url : feed.title)
                            << '\t' << feed.url;
            if (!folderPath.isEmpty())
                Terminal::out() << '\t' << CommandLine::tr("in %1").arg(folderPath);
            if (!feed.errorText.isEmpty())
                Terminal::out() << '\t' << CommandLine::tr("error: %1").arg(feed.errorText);
            Terminal::out() << '\n';
        }
        Terminal::out() << Qt::flush;
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    return 0;
}

int remove(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser, CommandLine::tr("End a feed subscription. What it brought in stays."));
    parser.addPositionalArgument(QStringLiteral("id"),
                                 CommandLine::tr("The feed's id (see feeds list)."),
                                 QStringLiteral("feeds remove ID"));
    if (const int code = parse(parser, arguments, 4); code >= 0)
        return code;
    const QStringList positionals = parser.positionalArguments();
    bool ok = false;
    const qint64 id = positionals.value(2).toLongLong(&ok);
    if (!ok || id <= 0)
        return Terminal::fail(CommandLine::tr("feeds remove needs a feed id (see feeds list)."));
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        if (!FeedRepository(database->connectionName()).removeFeed(id))
            return Terminal::fail(CommandLine::tr("There is no feed %1.").arg(id));
        Terminal::out() << CommandLine::tr("Removed feed %1.").arg(id) << Qt::endl;
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    return 0;
}

} // namespace

int FeedsCommand::run(const QStringList &arguments)
{
    // arguments: program [--database X] feeds SUBCOMMAND ...
    const qsizetype at = arguments.indexOf(QLatin1String("feeds"));
    const QString subcommand = at >= 0 ? arguments.value(at + 1) : QString();
    if (subcommand == QLatin1String("add"))
        return add(arguments);
    if (subcommand == QLatin1String("list"))
        return list(arguments);
    if (subcommand == QLatin1String("remove"))
        return remove(arguments);
    if (subcommand.isEmpty() || subcommand == QLatin1String("--help")
        || subcommand == QLatin1String("-h")) {
        Terminal::out() << CommandLine::tr(
            "Usage: watercooler [--database PATH] feeds add|list|remove ...\n"
            "See feeds COMMAND --help.")
                        << Qt::endl;
        return subcommand.isEmpty() ? 1 : 0;
    }
    return Terminal::fail(
        CommandLine::tr("Unknown feeds command \"%1\". Commands: add, list, remove.")
            .arg(subcommand));
}
