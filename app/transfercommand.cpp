// Thin wrappers over the CSV imports, the transcript importer and CommunityExporter.
#include "transfercommand.h"

#include "commandline.h"
#include "communityexporter.h"
#include "csvreader.h"
#include "database.h"
#include "engagementcalculator.h"
#include "memberscsvimporter.h"
#include "postscsvimporter.h"
#include "storageerror.h"
#include "terminal.h"
#include "transcriptimporter.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QTextStream>

namespace {

// Transcripts are typed or pasted text: anything larger is no transcript.
constexpr qint64 maximumTranscriptBytes = 64 * 1024 * 1024;

void setUp(QCommandLineParser &parser, const QString &description, const QString &syntax)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addOption(CommandLine::databaseOption());
    parser.addPositionalArgument(QStringLiteral("file"), CommandLine::tr("The file."), syntax);
}

void printIssues(const QList<CsvImport::Issue> &issues, int skipped)
{
    if (skipped == 0)
        return;
    Terminal::out() << CommandLine::tr("Skipped %n row(s):", nullptr, skipped) << '\n';
    for (const CsvImport::Issue &issue : issues)
        Terminal::out() << "  " << issue.message << '\n';
    if (skipped > issues.size())
        Terminal::out() << "  "
                        << CommandLine::tr("... and %n more.", nullptr, int(skipped - issues.size()))
                        << '\n';
}

// Imported posts count towards engagement: the levels follow, as after an import in the main
// window. The import is stored either way; a failure here is reported and exits 1.
int recomputeEngagement(const Database &database)
{
    try {
        EngagementCalculator(database.connectionName()).recomputeAll({}, Terminal::progress());
    } catch (const StorageError &error) {
        return Terminal::fail(
            CommandLine::tr("The import is stored, but the engagement levels could not be "
                            "recomputed: %1")
                .arg(error.message()));
    }
    Terminal::out() << CommandLine::tr("Engagement levels recomputed.") << Qt::endl;
    return 0;
}

int importCsv(const QStringList &arguments, bool members)
{
    QCommandLineParser parser;
    setUp(parser,
          members ? CommandLine::tr("Import members from a CSV file (name, handle, source, e-mail, "
                                    "tags). Known members are matched, not duplicated.")
                  : CommandLine::tr("Import posts from a CSV file (id, source, discussion_id, "
                                    "discussion, author, time, text, parent)."),
          members ? QStringLiteral("import members-csv FILE")
                  : QStringLiteral("import posts-csv FILE"));
    const QCommandLineOption source(QStringLiteral("source"),
                                    CommandLine::tr("The source of rows that name none (default "
                                                    "\"csv\")."),
                                    CommandLine::tr("NAME"),
                                    QStringLiteral("csv"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    CommandLine::tr("Check the file and show what would be "
                                                    "imported; store nothing."));
    MembersCsvImporter membersImporter;
    PostsCsvImporter postsImporter;
    CsvImport &importer = members ? static_cast<CsvImport &>(membersImporter) : postsImporter;
    const QStringList fields = importer.fieldKeys();
    const QCommandLineOption column(QStringLiteral("column"),
                                    CommandLine::tr("Read FIELD from the column headed HEADER "
                                                    "instead of the guessed one; repeat it for "
                                                    "more fields. Fields: %1.")
                                        .arg(fields.join(QLatin1String(", "))),
                                    CommandLine::tr("FIELD=HEADER"));
    parser.addOptions({source, dryRun, column});
    if (const int code = CommandLine::parseCommand(parser, arguments, 3); code >= 0)
        return code;
    QHash<int, QString> overrides;
    for (const QString &value : parser.values(column)) {
        const qsizetype equals = value.indexOf(QLatin1Char('='));
        const QString field = value.left(equals).trimmed().toLower();
        const QString header = equals < 0 ? QString() : value.mid(equals + 1).trimmed();
        if (equals < 0 || header.isEmpty())
            return Terminal::fail(
                CommandLine::tr("--column needs FIELD=HEADER, as in --column %1=\"%2\", not "
                                "\"%3\".")
                    .arg(fields.constFirst(), importer.fieldLabel(0), value));
        const qsizetype index = fields.indexOf(field);
        if (index < 0)
            return Terminal::fail(
                CommandLine::tr("--column: unknown field \"%1\". Fields: %2.")
                    .arg(value.left(equals).trimmed(), fields.join(QLatin1String(", "))));
        overrides.insert(int(index), header);
    }
    importer.setColumnOverrides(overrides);
    const QString path = parser.positionalArguments().value(2);
    if (path.isEmpty())
        return Terminal::fail(
            CommandLine::tr("%1 needs the CSV file.")
                .arg(parser.positionalArguments().mid(0, 2).join(QLatin1Char(' '))));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Terminal::fail(CommandLine::tr("Cannot read %1: %2").arg(path, file.errorString()));

    importer.setDefaultSource(parser.value(source));
    if (parser.isSet(dryRun)) {
        const CsvImport::Preview preview = importer.preview(&file, 0, Terminal::progress());
        if (!preview.isUsable())
            return Terminal::fail(CommandLine::tr("%1: %2").arg(path, preview.error));
        Terminal::out() << CommandLine::tr("%1 (%2, delimiter \"%3\"): %n row(s) to import; "
                                           "nothing stored.",
                                           nullptr,
                                           preview.rowCount)
                               .arg(path,
                                    preview.encoding,
                                    preview.delimiter == QLatin1Char('\t')
                                        ? QStringLiteral("\\t")
                                        : QString(preview.delimiter))
                        << '\n';
        printIssues(preview.issues, preview.skipped);
        Terminal::out() << Qt::flush;
        return 0;
    }
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        const CsvImport::Result result = importer.import(&file,
                                                         database->connectionName(),
                                                         Terminal::progress());
        if (members) {
            Terminal::out() << CommandLine::tr("Imported %n row(s) from %1: ", nullptr, result.rows)
                                   .arg(path)
                            << CommandLine::tr("%n member(s) matched, ",
                                               nullptr,
                                               result.membersMatched)
                            << CommandLine::tr("%n created.", nullptr, result.summary.membersCreated)
                            << '\n';
        } else {
            Terminal::out() << CommandLine::tr("Imported %n row(s) from %1: ", nullptr, result.rows)
                                   .arg(path)
                            << CommandLine::tr("%n new post(s), ",
                                               nullptr,
                                               result.summary.postsCreated)
                            << CommandLine::tr("%n updated, ", nullptr, result.summary.postsUpdated)
                            << CommandLine::tr("%n new discussion(s), ",
                                               nullptr,
                                               result.summary.discussionsCreated)
                            << CommandLine::tr("%n member(s) created.",
                                               nullptr,
                                               result.summary.membersCreated)
                            << '\n';
        }
        printIssues(result.issues, result.skipped);
        Terminal::out() << Qt::flush;
        return recomputeEngagement(*database);
    } catch (const StorageError &error) {
        return Terminal::fail(CommandLine::tr("%1: %2").arg(path, error.message()));
    }
}

int importTranscript(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser,
          CommandLine::tr("Import a chat transcript as one discussion: a numbered list of tweets, "
                          "a Zoom chat, or \"Name: text\" lines."),
          QStringLiteral("import transcript FILE"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    CommandLine::tr(
                                        "The transcript's format: tweets, zoom or lines "
                                        "(default: detected)."),
                                    CommandLine::tr("FORMAT"));
    const QCommandLineOption discussion(QStringLiteral("discussion"),
                                        CommandLine::tr("The discussion's title (default: the file "
                                                        "name)."),
                                        CommandLine::tr("TITLE"));
    const QCommandLineOption source(QStringLiteral("source"),
                                    CommandLine::tr("The source the members are known on (default: "
                                                    "twitter, zoom or chat)."),
                                    CommandLine::tr("NAME"));
    parser.addOptions({format, discussion, source});
    if (const int code = CommandLine::parseCommand(parser, arguments, 3); code >= 0)
        return code;
    const QString path = parser.positionalArguments().value(2);
    if (path.isEmpty())
        return Terminal::fail(CommandLine::tr("import transcript needs the transcript file."));
    TranscriptParser::Format chosen = TranscriptParser::Format::Unknown;
    if (parser.isSet(format)) {
        chosen = TranscriptParser::formatFromKey(parser.value(format));
        if (chosen == TranscriptParser::Format::Unknown)
            return Terminal::fail(
                CommandLine::tr("--format needs tweets, zoom or lines, not \"%1\".")
                    .arg(parser.value(format)));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Terminal::fail(CommandLine::tr("Cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > maximumTranscriptBytes)
        return Terminal::fail(CommandLine::tr("%1 is too large for a transcript.").arg(path));
    QString text;
    QString decodeError;
    if (!CsvReader::decodeText(file.readAll(), &text, &decodeError))
        return Terminal::fail(CommandLine::tr("%1: %2").arg(path, decodeError));
    const QFileInfo info(path);
    const QDateTime modified = info.lastModified().toUTC();
    const TranscriptParser::Result transcript = TranscriptParser::parse(text,
                                                                        chosen,
                                                                        modified.date());
    if (transcript.format == TranscriptParser::Format::Unknown || transcript.messages.isEmpty()) {
        const QString reason = transcript.issues.isEmpty() ? CommandLine::tr("no messages found.")
                                                           : transcript.issues.constFirst().message;
        for (const TranscriptIssue &issue : transcript.issues) {
            if (issue.line > 0)
                Terminal::err() << CommandLine::tr("Line %1: %2").arg(issue.line).arg(issue.message)
                                << '\n';
        }
        return Terminal::fail(CommandLine::tr("%1: %2").arg(path, reason));
    }
    TranscriptImporter::Options options;
    options.title = parser.isSet(discussion) ? parser.value(discussion) : info.completeBaseName();
    options.sourceName = parser.value(source);
    options.start = modified;
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        const ImportBatch batch = TranscriptImporter::batch(transcript, options);
        const WriteSummary summary = TranscriptImporter::import(database->connectionName(), batch);
        Terminal::out() << CommandLine::tr("Imported %n message(s)",
                                           nullptr,
                                           int(transcript.messages.size()))
                        << ' '
                        << CommandLine::tr("(%1) into \"%2\" on %3: ")
                               .arg(TranscriptParser::formatName(transcript.format),
                                    batch.discussions.constFirst().title,
                                    batch.sourceName)
                        << CommandLine::tr("%n new post(s), ", nullptr, summary.postsCreated)
                        << CommandLine::tr("%n member(s) created, ", nullptr, summary.membersCreated)
                        << CommandLine::tr("%n mention(s).", nullptr, summary.mentions) << '\n';
        for (const TranscriptIssue &issue : transcript.issues)
            Terminal::out() << "  "
                            << CommandLine::tr("Line %1: %2").arg(issue.line).arg(issue.message)
                            << '\n';
        Terminal::out() << Qt::flush;
        return recomputeEngagement(*database);
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
}

int exportCsv(const QStringList &arguments, bool members)
{
    QCommandLineParser parser;
    setUp(parser,
          members ? CommandLine::tr("Write every member to a CSV file.")
                  : CommandLine::tr("Write every post to a CSV file that import posts-csv reads."),
          members ? QStringLiteral("export members-csv FILE")
                  : QStringLiteral("export posts-csv FILE"));
    if (const int code = CommandLine::parseCommand(parser, arguments, 3); code >= 0)
        return code;
    const QString path = parser.positionalArguments().value(2);
    if (path.isEmpty())
        return Terminal::fail(
            CommandLine::tr("%1 needs the file to write.")
                .arg(parser.positionalArguments().mid(0, 2).join(QLatin1Char(' '))));
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        const CommunityExporter exporter(database->connectionName());
        const qint64 rows = CommunityExporter::saveFile(path, [&](QIODevice *device) {
            return members ? exporter.writeMembersCsv(device, Terminal::progress())
                           : exporter.writePostsCsv(device, Terminal::progress());
        });
        Terminal::out() << (members
                                ? CommandLine::tr("Wrote %n member(s) to %1.", nullptr, int(rows))
                                : CommandLine::tr("Wrote %n post(s) to %1.", nullptr, int(rows)))
                               .arg(path)
                        << Qt::endl;
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    return 0;
}

int exportMember(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CommandLine::tr("Print everything stored about one member as JSON: fields, identities, "
                        "tags, notes, posts with their discussions, and mentions of them."));
    parser.addHelpOption();
    parser.addOption(CommandLine::databaseOption());
    const QCommandLineOption json(QStringLiteral("json"),
                                  CommandLine::tr("Print JSON (the only format)."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("id"),
                                 CommandLine::tr("The member's id."),
                                 QStringLiteral("export member ID --json"));
    if (const int code = CommandLine::parseCommand(parser, arguments, 3); code >= 0)
        return code;
    bool ok = false;
    const qint64 id = parser.positionalArguments().value(2).toLongLong(&ok);
    if (!ok || id <= 0)
        return Terminal::fail(CommandLine::tr("export member needs a member id."));
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        const QJsonObject object = CommunityExporter(database->connectionName()).memberJson(id);
        Terminal::out() << QJsonDocument(object).toJson(QJsonDocument::Indented) << Qt::flush;
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    return 0;
}

// The subcommand after `command`, or empty.
QString subcommandOf(const QStringList &arguments, const QString &command)
{
    const qsizetype at = arguments.indexOf(command);
    return at >= 0 ? arguments.value(at + 1) : QString();
}

int usage(const QString &subcommand, const QString &command, const QString &commands)
{
    if (subcommand.isEmpty() || subcommand == QLatin1String("--help")
        || subcommand == QLatin1String("-h")) {
        Terminal::out() << CommandLine::tr("Usage: watercooler [--database PATH] %1 %2 ...\n"
                                           "See %1 COMMAND --help.")
                               .arg(command, commands)
                        << Qt::endl;
        return subcommand.isEmpty() ? 1 : 0;
    }
    return Terminal::fail(CommandLine::tr("Unknown %1 command \"%2\". Commands: %3.")
                              .arg(command, subcommand, commands));
}

} // namespace

int TransferCommand::runImport(const QStringList &arguments)
{
    const QString subcommand = subcommandOf(arguments, QStringLiteral("import"));
    if (subcommand == QLatin1String("members-csv"))
        return importCsv(arguments, true);
    if (subcommand == QLatin1String("posts-csv"))
        return importCsv(arguments, false);
    if (subcommand == QLatin1String("transcript"))
        return importTranscript(arguments);
    return usage(subcommand,
                 QStringLiteral("import"),
                 QStringLiteral("members-csv|posts-csv|transcript"));
}

int TransferCommand::runExport(const QStringList &arguments)
{
    const QString subcommand = subcommandOf(arguments, QStringLiteral("export"));
    if (subcommand == QLatin1String("members-csv"))
        return exportCsv(arguments, true);
    if (subcommand == QLatin1String("posts-csv"))
        return exportCsv(arguments, false);
    if (subcommand == QLatin1String("member"))
        return exportMember(arguments);
    return usage(subcommand,
                 QStringLiteral("export"),
                 QStringLiteral("members-csv|posts-csv|member"));
}
