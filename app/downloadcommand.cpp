// Downloads an item's enclosures with EpisodeDownloader, like the Feeds pane does.
#include "downloadcommand.h"

#include "commandline.h"
#include "database.h"
#include "downloadfolder.h"
#include "episodedownloader.h"
#include "feedrepository.h"
#include "storageerror.h"
#include "terminal.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace {

struct Outcome
{
    FeedRepository::Enclosure enclosure;
    EpisodeDownloadResult result;
    bool alreadyThere = false;
};

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject outcomeJson(const Outcome &outcome)
{
    const EpisodeDownloadResult &result = outcome.result;
    return QJsonObject{{QStringLiteral("enclosure_id"), outcome.enclosure.id},
                       {QStringLiteral("url"), outcome.enclosure.url},
                       {QStringLiteral("path"), orNull(result.filePath)},
                       {QStringLiteral("bytes"), result.bytes},
                       {QStringLiteral("resumed"), result.resumed},
                       {QStringLiteral("already_downloaded"), outcome.alreadyThere},
                       {QStringLiteral("http_status"),
                        result.httpStatus > 0 ? QJsonValue(result.httpStatus) : QJsonValue()},
                       {QStringLiteral("error"), orNull(result.errorString)}};
}

// Downloads the enclosures not yet in the folder; progress of them all on stderr.
void download(const Database &database, const QString &folder, QList<Outcome> *outcomes)
{
    EpisodeDownloader downloader(&database);
    QHash<int, qsizetype> indexOf;
    QHash<int, std::pair<qint64, qint64>> progress; // received, total
    const auto report = Terminal::progress();
    QEventLoop loop;
    QObject::connect(&downloader,
                     &EpisodeDownloader::progress,
                     &loop,
                     [&](int id, qint64 received, qint64 total) {
                         progress.insert(id, {received, total});
                         qint64 allReceived = 0;
                         qint64 allTotal = 0;
                         for (const auto &[done, whole] : std::as_const(progress)) {
                             if (whole < 0)
                                 return;
                             allReceived += done;
                             allTotal += whole;
                         }
                         if (report && allTotal > 0 && allReceived < allTotal)
                             report(allReceived, allTotal);
                     });
    QObject::connect(&downloader,
                     &EpisodeDownloader::finished,
                     &loop,
                     [&](const EpisodeDownloadResult &result) {
                         (*outcomes)[indexOf.take(result.id)].result = result;
                         if (indexOf.isEmpty())
                             loop.quit();
                     });
    for (qsizetype i = 0; i < outcomes->size(); ++i) {
        Outcome &outcome = (*outcomes)[i];
        const QFileInfo existing(outcome.enclosure.localPath);
        if (!outcome.enclosure.localPath.isEmpty() && existing.isFile()
            && existing.absoluteDir() == QDir(folder)) {
            outcome.alreadyThere = true;
            outcome.result.enclosureId = outcome.enclosure.id;
            outcome.result.filePath = existing.absoluteFilePath();
            outcome.result.bytes = existing.size();
            continue;
        }
        indexOf.insert(downloader.download(outcome.enclosure.id, folder), i);
    }
    if (!indexOf.isEmpty())
        loop.exec();
    if (report)
        Terminal::err() << Qt::endl;
}

} // namespace

int DownloadCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CommandLine::tr("Download the enclosures (podcast episodes) of a feed item. A download "
                        "that was cut short is resumed."));
    parser.addHelpOption();
    parser.addOption(CommandLine::databaseOption());
    const QCommandLineOption to(QStringLiteral("to"),
                                CommandLine::tr("Save into this folder (default: the podcast "
                                                "download folder of the settings, else Music or "
                                                "Downloads)."),
                                CommandLine::tr("DIR"));
    const QCommandLineOption json(QStringLiteral("json"), CommandLine::tr("Print it as JSON."));
    parser.addOptions({to, json});
    parser.addPositionalArgument(QStringLiteral("id"),
                                 CommandLine::tr("The item's id."),
                                 QStringLiteral("feeds download ITEM_ID"));
    if (const int code = CommandLine::parseCommand(parser, arguments, 4); code >= 0)
        return code;
    bool ok = false;
    const qint64 itemId = parser.positionalArguments().value(2).toLongLong(&ok);
    if (!ok || itemId <= 0)
        return Terminal::fail(CommandLine::tr("feeds download needs a feed item id."));
    const QString folder = QFileInfo(parser.isSet(to) ? parser.value(to) : DownloadFolder::current())
                               .absoluteFilePath();

    std::unique_ptr<Database> database;
    QList<Outcome> outcomes;
    try {
        database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        const QList<FeedRepository::Enclosure> enclosures
            = FeedRepository(database->connectionName()).enclosures(itemId);
        for (const FeedRepository::Enclosure &enclosure : enclosures)
            outcomes.append({enclosure, {}, false});
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    if (outcomes.isEmpty())
        return Terminal::fail(
            CommandLine::tr("There is no feed item %1 with an enclosure to download.").arg(itemId));

    download(*database, folder, &outcomes);

    QString firstError;
    QJsonArray array;
    for (const Outcome &outcome : std::as_const(outcomes)) {
        const EpisodeDownloadResult &result = outcome.result;
        if (firstError.isEmpty() && !result.succeeded())
            firstError = result.errorString;
        if (parser.isSet(json)) {
            array.append(outcomeJson(outcome));
        } else if (result.succeeded()) {
            Terminal::out() << outcome.enclosure.id << '\t'
                            << QDir::toNativeSeparators(result.filePath);
            if (outcome.alreadyThere)
                Terminal::out() << '\t' << CommandLine::tr("already downloaded");
            else if (result.resumed)
                Terminal::out() << '\t' << CommandLine::tr("resumed");
            Terminal::out() << '\n';
        }
    }
    if (parser.isSet(json))
        Terminal::out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    Terminal::out() << Qt::flush;
    return firstError.isEmpty() ? 0 : Terminal::fail(firstError);
}
