// `watercooler sync`: one sync run on the command line, one line (or JSON object) per feed.
#include "synccommand.h"

#include "commandline.h"
#include "database.h"
#include "feedsync.h"
#include "storageerror.h"
#include "terminal.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace {

QString outcomeName(FeedSyncReport::Outcome outcome)
{
    switch (outcome) {
    case FeedSyncReport::Outcome::New:
        return QStringLiteral("new");
    case FeedSyncReport::Outcome::Updated:
        return QStringLiteral("updated");
    case FeedSyncReport::Outcome::NotModified:
        return QStringLiteral("not_modified");
    case FeedSyncReport::Outcome::Moved:
        return QStringLiteral("moved");
    case FeedSyncReport::Outcome::Failed:
        return QStringLiteral("failed");
    case FeedSyncReport::Outcome::Gone:
        return QStringLiteral("gone");
    }
    return {};
}

QString outcomeText(const FeedSyncReport &report)
{
    switch (report.outcome) {
    case FeedSyncReport::Outcome::New:
        return CommandLine::tr("new: %n item(s)", nullptr, report.newItems);
    case FeedSyncReport::Outcome::Updated:
        return CommandLine::tr("updated");
    case FeedSyncReport::Outcome::NotModified:
        return CommandLine::tr("not modified");
    case FeedSyncReport::Outcome::Moved:
        return CommandLine::tr("moved to %1").arg(report.movedTo);
    case FeedSyncReport::Outcome::Failed:
        return CommandLine::tr("failed: %1").arg(report.error);
    case FeedSyncReport::Outcome::Gone:
        return CommandLine::tr("gone");
    }
    return {};
}

// The outcome, and for a feed that follows comments what its comments feeds brought.
QString lineText(const FeedSyncReport &report)
{
    QString text = outcomeText(report);
    if (report.commentFeeds > 0)
        text += CommandLine::tr("; %n new comment(s)", nullptr, report.newComments);
    if (report.commentFeedsFailed > 0)
        text += CommandLine::tr("; %n comment feed(s) failed", nullptr, report.commentFeedsFailed);
    return text;
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject reportJson(const FeedSyncReport &report)
{
    return QJsonObject{{QStringLiteral("id"), report.feedId},
                       {QStringLiteral("url"), report.url},
                       {QStringLiteral("outcome"), outcomeName(report.outcome)},
                       {QStringLiteral("new_items"), report.newItems},
                       {QStringLiteral("updated_items"), report.updatedItems},
                       {QStringLiteral("http_status"),
                        report.httpStatus > 0 ? QJsonValue(report.httpStatus) : QJsonValue()},
                       {QStringLiteral("error"), orNull(report.error)},
                       {QStringLiteral("moved_to"), orNull(report.movedTo)},
                       {QStringLiteral("new_comments"), report.newComments},
                       {QStringLiteral("comment_feeds"), report.commentFeeds},
                       {QStringLiteral("comment_feeds_failed"), report.commentFeedsFailed},
                       {QStringLiteral("comment_errors"),
                        QJsonArray::fromStringList(report.commentErrors)}};
}

} // namespace

int SyncCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CommandLine::tr(
        "Fetch the feeds that are due (or those given) and store what they bring."));
    parser.addHelpOption();
    parser.addOption(CommandLine::databaseOption());
    const QCommandLineOption feed(QStringLiteral("feed"),
                                  CommandLine::tr("Sync this feed (see feeds list); repeatable."),
                                  CommandLine::tr("ID"));
    const QCommandLineOption json(QStringLiteral("json"), CommandLine::tr("Print it as JSON."));
    parser.addOptions({feed, json});
    parser.addPositionalArgument(QStringLiteral("sync"),
                                 CommandLine::tr("Fetch feeds once."),
                                 QStringLiteral("sync [--feed ID]... [--json]"));
    if (const int code = CommandLine::parseCommand(parser, arguments, 1); code >= 0)
        return code;
    QList<qint64> feedIds;
    const QStringList values = parser.values(feed);
    for (const QString &value : values) {
        bool ok = false;
        const qint64 id = value.toLongLong(&ok);
        if (!ok || id <= 0)
            return Terminal::fail(
                CommandLine::tr("--feed needs a feed id (see feeds list), not \"%1\".").arg(value));
        feedIds.append(id);
    }

    std::unique_ptr<Database> database;
    try {
        database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
    } catch (const StorageError &error) {
        return Terminal::fail(error.message().simplified());
    }

    QList<FeedSyncReport> reports;
    {
        FeedSync sync(*database);
        // Without a keychain, the password of feeds that need one comes from the environment.
        bool hinted = false;
        sync.setPasswordSource(
            [&hinted](const FeedPasswordRequest &request) -> std::optional<QString> {
                const QString password = qEnvironmentVariable("WATERCOOLER_FEED_PASSWORD");
                if (!password.isEmpty())
                    return password;
                if (!hinted && request.keychainStatus == CredentialStore::Status::Unavailable) {
                    hinted = true;
                    Terminal::err() << CommandLine::tr("The system keychain is not available: give "
                                                       "the feed password in the environment "
                                                       "variable WATERCOOLER_FEED_PASSWORD.")
                                    << Qt::endl;
                }
                return std::nullopt;
            });
        QEventLoop loop;
        QObject::connect(&sync, &FeedSync::feedSynced, &loop, [&](const FeedSyncReport &report) {
            reports.append(report);
            if (parser.isSet(json))
                return;
            Terminal::out() << report.feedId << '\t' << report.url << '\t' << lineText(report)
                            << Qt::endl;
            for (const QString &error : report.commentErrors)
                Terminal::err() << report.feedId << '\t' << error << Qt::endl;
        });
        QObject::connect(&sync, &FeedSync::finished, &loop, &QEventLoop::quit);
        sync.start(feedIds);
        if (sync.isRunning())
            loop.exec();
    }

    bool anyFailed = false;
    QJsonArray array;
    for (const FeedSyncReport &report : std::as_const(reports)) {
        anyFailed = anyFailed || report.outcome == FeedSyncReport::Outcome::Failed;
        array.append(reportJson(report));
    }
    if (parser.isSet(json))
        Terminal::out() << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
    return anyFailed ? 1 : 0;
}
