// Tests EpisodeDownloader against a local server: whole downloads, resumes with Range and
// If-Range, servers that ignore or garble ranges, cancel, errors, names, queueing, the database.
#include "episodedownloader.h"
#include "episodeserver.h"
#include "episodetransfer.h"
#include "feedrepository.h"
#include "testdatabase.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestEpisodeDownloader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void wholeDownload();
    void resumesAfterDrop();
    void resumesAfterCancel();
    void serverIgnoringRangeStartsOver();
    void changedFileStartsOver();
    void weakValidatorIsNotResumed();
    void wrongRangeStartStartsOver();
    void completePartIsFinished();
    void endedEarlyKeepsPart();
    void notFound();
    void silentServerTimesOut();
    void redirectIsFollowed();
    void nameCollision();
    void sameFileIsReused();
    void namesAreSafe();
    void serverNameIsUsed_data();
    void serverNameIsUsed();
    void serverNameSurvivesResume();
    void unwritableFolder();
    void diskFull();
    void atMostTwoAtOnce();
    void destroyedWhileDownloading();
    void enclosureIsRecorded();

private:
    EpisodeDownloadResult run(EpisodeDownloader &downloader, int id);
    EpisodeDownloadResult download(const QUrl &url);
    // Starts a trickled download, cancels it part-way and returns the part it left.
    QByteArray cancelPartWay();
    [[nodiscard]] QString folder() const { return m_dir->path(); }
    [[nodiscard]] QStringList files() const { return QDir(folder()).entryList(QDir::Files); }

    std::unique_ptr<EpisodeServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestEpisodeDownloader::init()
{
    m_server = std::make_unique<EpisodeServer>();
    QVERIFY(m_server->isListening());
    m_server->body = randomBytes(3 * 1024 * 1024, 7);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestEpisodeDownloader::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

EpisodeDownloadResult TestEpisodeDownloader::run(EpisodeDownloader &downloader, int id)
{
    QSignalSpy spy(&downloader, &EpisodeDownloader::finished);
    for (int waited = 0; waited < 100; ++waited) {
        for (const QList<QVariant> &arguments : std::as_const(spy)) {
            const auto result = arguments.at(0).value<EpisodeDownloadResult>();
            if (result.id == id)
                return result;
        }
        spy.wait(200);
    }
    return {};
}

EpisodeDownloadResult TestEpisodeDownloader::download(const QUrl &url)
{
    EpisodeDownloader downloader;
    return run(downloader, downloader.download(url, folder()));
}

void TestEpisodeDownloader::wholeDownload()
{
    EpisodeDownloader downloader;
    QSignalSpy progress(&downloader, &EpisodeDownloader::progress);
    const int id = downloader.download(m_server->url(), folder());
    const EpisodeDownloadResult result = run(downloader, id);
    QVERIFY2(result.succeeded(), qPrintable(result.errorString));
    QCOMPARE(result.id, id);
    QCOMPARE(result.httpStatus, 200);
    QVERIFY(!result.resumed);
    QCOMPARE(result.filePath, QDir(folder()).filePath(QStringLiteral("episode.mp3")));
    QCOMPARE(result.bytes, m_server->body.size());
    QCOMPARE(contents(result.filePath), m_server->body);
    // Nothing but the file is left: no part, no meta.
    QCOMPARE(files(), QStringList{QStringLiteral("episode.mp3")});
    QVERIFY(!progress.isEmpty());
    const QList<QVariant> last = progress.constLast();
    QCOMPARE(last.at(1).toLongLong(), m_server->body.size());
    QCOMPARE(last.at(2).toLongLong(), m_server->body.size());
    QVERIFY(!m_server->distinctRequests().constFirst().headers.contains("range"));
}

void TestEpisodeDownloader::resumesAfterDrop()
{
    m_server->dropAfter = 1024 * 1024;
    m_server->dropCount = 1;
    const EpisodeDownloadResult result = download(m_server->url());
    QVERIFY2(result.succeeded(), qPrintable(result.errorString));
    QVERIFY(result.resumed);
    QCOMPARE(result.httpStatus, 206);
    QCOMPARE(m_server->distinctRequests().size(), 2);
    const EpisodeServer::Request second = m_server->distinctRequests().at(1);
    QCOMPARE(second.headers.value("range"), QByteArray("bytes=1048576-"));
    QCOMPARE(second.headers.value("if-range"), m_server->etag);
    QCOMPARE(contents(result.filePath), m_server->body);
    QCOMPARE(files(), QStringList{QStringLiteral("episode.mp3")});
}

void TestEpisodeDownloader::resumesAfterCancel()
{
    // Cancelling keeps the part, under a name that does not pass for the episode.
    const QByteArray kept = cancelPartWay();
    QVERIFY(kept.size() >= 256 * 1024);
    QVERIFY(kept.size() < m_server->body.size());
    QVERIFY(m_server->body.startsWith(kept));
    QCOMPARE(files(),
             (QStringList{QStringLiteral("episode.mp3.part"),
                          QStringLiteral("episode.mp3.part.meta")}));

    const EpisodeDownloadResult resumed = download(m_server->url());
    QVERIFY2(resumed.succeeded(), qPrintable(resumed.errorString));
    QVERIFY(resumed.resumed);
    QCOMPARE(m_server->distinctRequests().size(), 1);
    QCOMPARE(m_server->distinctRequests().constFirst().headers.value("range"),
             "bytes=" + QByteArray::number(kept.size()) + '-');
    QCOMPARE(contents(resumed.filePath), m_server->body);
    QCOMPARE(files(), QStringList{QStringLiteral("episode.mp3")});
}

void TestEpisodeDownloader::serverIgnoringRangeStartsOver()
{
    m_server->dropAfter = 1000 * 1000;
    m_server->dropCount = 1;
    m_server->ignoreRange = true;
    const EpisodeDownloadResult result = download(m_server->url());
    QVERIFY2(result.succeeded(), qPrintable(result.errorString));
    QVERIFY(!result.resumed);
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(m_server->distinctRequests().size(), 2);
    QVERIFY(m_server->distinctRequests().at(1).headers.contains("range"));
    // The whole file came again and replaced the part instead of being appended to it.
    QCOMPARE(contents(result.filePath), m_server->body);
}

QByteArray TestEpisodeDownloader::cancelPartWay()
{
    m_server->trickleMs = 20;
    EpisodeDownloader downloader;
    QSignalSpy progress(&downloader, &EpisodeDownloader::progress);
    const int id = downloader.download(m_server->url(), folder());
    const auto enough = [&progress] {
        return !progress.isEmpty() && progress.constLast().at(1).toLongLong() >= 256 * 1024;
    };
    if (!QTest::qWaitFor(enough, 10000))
        return {};
    downloader.cancel(id);
    if (!run(downloader, id).cancelled)
        return {};
    m_server->trickleMs = 0;
    m_server->clearRequests();
    return contents(QDir(folder()).filePath(QStringLiteral("episode.mp3.part")));
}

void TestEpisodeDownloader::changedFileStartsOver()
{
    QVERIFY(cancelPartWay().size() >= 256 * 1024);
    const QByteArray newBody = randomBytes(2 * 1024 * 1024, 99);
    m_server->body = newBody;
    m_server->etag = "\"v2\"";
    const EpisodeDownloadResult result = download(m_server->url());
    QVERIFY2(result.succeeded(), qPrintable(result.errorString));
    // If-Range named the old version, so the server sent the new one whole.
    QCOMPARE(m_server->distinctRequests().size(), 1);
    const EpisodeServer::Request request = m_server->distinctRequests().constFirst();
    QVERIFY(request.headers.contains("range"));
    QCOMPARE(request.headers.value("if-range"), QByteArray("\"v1\""));
    QCOMPARE(result.httpStatus, 200);
    QVERIFY(!result.resumed);
    QCOMPARE(contents(result.filePath), newBody);
}

void TestEpisodeDownloader::weakValidatorIsNotResumed()
{
    // A weak ETag cannot vouch for byte ranges: no resume, an error, and the part kept.
    m_server->etag = "W/\"weak\"";
    m_server->dropAfter = 500 * 1000;
    m_server->dropCount = 1;
    const EpisodeDownloadResult result = download(m_server->url());
    QVERIFY(!result.succeeded());
    QVERIFY2(result.errorString.contains(QLatin1String("ended early")),
             qPrintable(result.errorString));
    QCOMPARE(m_server->distinctRequests().size(), 1);
    QCOMPARE(result.bytes, 500 * 1000);
    QVERIFY(!QFile::exists(QDir(folder()).filePath(QStringLiteral("episode.mp3"))));
}

void TestEpisodeDownloader::wrongRangeStartStartsOver()
{
    m_server->dropAfter = 700 * 1000;
    m_server->dropCount = 1;
    m_server->wrongRangeStart = true;
    const EpisodeDownloadResult result = download(m_server->url());
    QVERIFY2(result.succeeded(), qPrintable(result.errorString));
    // Cut, a 206 from byte 0 refused, then a plain request.
    QCOMPARE(m_server->distinctRequests().size(), 3);
    QVERIFY(m_server->distinctRequests().at(1).headers.contains("range"));
    QVERIFY(!m_server->distinctRequests().at(2).headers.contains("range"));
    QCOMPARE(contents(result.filePath), m_server->body);
}

void TestEpisodeDownloader::completePartIsFinished()
{
    // A part that got every byte but was never renamed: the server answers 416.
    QVERIFY(!cancelPartWay().isEmpty());
    QVERIFY(writeFile(QDir(folder()).filePath(QStringLiteral("episode.mp3.part")), m_server->body));
    const EpisodeDownloadResult result = download(m_server->url());
    QVERIFY2(result.succeeded(), qPrintable(result.errorString));
    QCOMPARE(result.httpStatus, 416);
    QCOMPARE(m_server->distinctRequests().size(), 1);
    QCOMPARE(contents(result.filePath), m_server->body);
    QCOMPARE(files(), QStringList{QStringLiteral("episode.mp3")});
}

void TestEpisodeDownloader::endedEarlyKeepsPart()
{
    // Cut again and again: resumed a few times, then an error, and the part stays.
    m_server->dropAfter = 1000;
    m_server->dropCount = 1000;
    const EpisodeDownloadResult result = download(m_server->url());
    QVERIFY(!result.succeeded());
    QVERIFY2(result.errorString.contains(QLatin1String("ended early")),
             qPrintable(result.errorString));
    QCOMPARE(m_server->distinctRequests().size(), 1 + EpisodeTransfer::MaximumResumes);
    const QByteArray part = contents(QDir(folder()).filePath(QStringLiteral("episode.mp3.part")));
    QCOMPARE(part.size(), 1000 * (1 + EpisodeTransfer::MaximumResumes));
    QVERIFY(m_server->body.startsWith(part));
    QVERIFY(result.filePath.isEmpty());
    QVERIFY(!QFile::exists(QDir(folder()).filePath(QStringLiteral("episode.mp3"))));
}

void TestEpisodeDownloader::notFound()
{
    const EpisodeDownloadResult result = download(m_server->url(QStringLiteral("/missing")));
    QVERIFY(!result.succeeded());
    QCOMPARE(result.httpStatus, 404);
    QVERIFY2(result.errorString.contains(QLatin1String("404")), qPrintable(result.errorString));
    // Nothing that looks like an episode; the claimed part name only.
    for (const QString &name : files())
        QVERIFY2(name.endsWith(QLatin1String(".part.meta")), qPrintable(name));
}

void TestEpisodeDownloader::silentServerTimesOut()
{
    EpisodeDownloader downloader;
    downloader.setTimeout(300);
    const EpisodeDownloadResult result
        = run(downloader, downloader.download(m_server->url(QStringLiteral("/silent")), folder()));
    QVERIFY(!result.succeeded());
    QVERIFY(!result.cancelled);
    QVERIFY2(result.errorString.contains(QLatin1String("did not answer")),
             qPrintable(result.errorString));
}

void TestEpisodeDownloader::redirectIsFollowed()
{
    const EpisodeDownloadResult result = download(
        m_server->url(QStringLiteral("/redirect/show/ep%201.mp3")));
    QVERIFY2(result.succeeded(), qPrintable(result.errorString));
    QCOMPARE(m_server->distinctRequests().size(), 2);
    // The name comes from the address asked for.
    QCOMPARE(QFileInfo(result.filePath).fileName(), QStringLiteral("ep 1.mp3"));
    QCOMPARE(contents(result.filePath), m_server->body);
}

void TestEpisodeDownloader::nameCollision()
{
    const QString existing = QDir(folder()).filePath(QStringLiteral("episode.mp3"));
    QVERIFY(writeFile(existing, "someone else's file"));
    QVERIFY(writeFile(QDir(folder()).filePath(QStringLiteral("episode (2).mp3")), "another"));
    const EpisodeDownloadResult result = download(m_server->url());
    QVERIFY2(result.succeeded(), qPrintable(result.errorString));
    QCOMPARE(QFileInfo(result.filePath).fileName(), QStringLiteral("episode (3).mp3"));
    QCOMPARE(contents(result.filePath), m_server->body);
    QCOMPARE(contents(existing), QByteArray("someone else's file"));
}

void TestEpisodeDownloader::sameFileIsReused()
{
    const EpisodeDownloadResult first = download(m_server->url());
    QVERIFY2(first.succeeded(), qPrintable(first.errorString));
    const EpisodeDownloadResult second = download(m_server->url());
    QVERIFY2(second.succeeded(), qPrintable(second.errorString));
    QCOMPARE(second.filePath, first.filePath);
    QCOMPARE(files(), QStringList{QStringLiteral("episode.mp3")});
}

void TestEpisodeDownloader::namesAreSafe()
{
    m_server->mimeType = "audio/mp4";
    // Percent-decoded, separators and reserved characters replaced, extension from the type.
    EpisodeDownloadResult result = download(
        m_server->url(QStringLiteral("/feed/Ep%3A%20%22Caf%C3%A9%22%20%3F%20..%5Cx")));
    QVERIFY2(result.succeeded(), qPrintable(result.errorString));
    QCOMPARE(QFileInfo(result.filePath).fileName(), QStringLiteral("Ep_ _Café_ _ .._x.m4a"));
    QCOMPARE(QFileInfo(result.filePath).absolutePath(), QFileInfo(folder()).absoluteFilePath());

    result = download(m_server->url(QStringLiteral("/")));
    QVERIFY2(result.succeeded(), qPrintable(result.errorString));
    QCOMPARE(QFileInfo(result.filePath).fileName(), QStringLiteral("episode.m4a"));

    result = download(m_server->url(QStringLiteral("/..%2F..%2Fescape.mp3")));
    QVERIFY2(result.succeeded(), qPrintable(result.errorString));
    QCOMPARE(QFileInfo(result.filePath).absolutePath(), QFileInfo(folder()).absoluteFilePath());
}

void TestEpisodeDownloader::serverNameIsUsed_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("name");
    QTest::newRow("quoted") << QByteArray("attachment; filename=\"Show 12 - Guests.mp3\"")
                            << QStringLiteral("Show 12 - Guests.mp3");
    QTest::newRow("token") << QByteArray("attachment; filename=show12.mp3")
                           << QStringLiteral("show12.mp3");
    QTest::newRow("extended first") << QByteArray(
        "attachment; filename=\"fallback.mp3\"; filename*=UTF-8''Caf%C3%A9%20talk.mp3")
                                    << QStringLiteral("Café talk.mp3");
    QTest::newRow("no extension takes the type's")
        << QByteArray("inline; filename=\"talk\"") << QStringLiteral("talk.mp3");
    QTest::newRow("a path is cut to its name")
        << QByteArray("attachment; filename=\"../../etc/passwd\"") << QStringLiteral("passwd.mp3");
    QTest::newRow("no file name") << QByteArray("attachment") << QStringLiteral("episode.mp3");
}

void TestEpisodeDownloader::serverNameIsUsed()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, name);
    m_server->contentDisposition = header;
    const EpisodeDownloadResult result = download(m_server->url());
    QVERIFY2(result.succeeded(), qPrintable(result.errorString));
    QCOMPARE(QFileInfo(result.filePath).fileName(), name);
    QCOMPARE(QFileInfo(result.filePath).absolutePath(), QFileInfo(folder()).absoluteFilePath());
    QCOMPARE(contents(result.filePath), m_server->body);
}

void TestEpisodeDownloader::serverNameSurvivesResume()
{
    // The name comes with the first answer and is kept beside the part: the answer that
    // resumes it (206) need not repeat it.
    m_server->contentDisposition = "attachment; filename=\"Named by server.mp3\"";
    QVERIFY(cancelPartWay().size() >= 256 * 1024);
    m_server->contentDisposition.clear();
    const EpisodeDownloadResult resumed = download(m_server->url());
    QVERIFY2(resumed.succeeded(), qPrintable(resumed.errorString));
    QVERIFY(resumed.resumed);
    QCOMPARE(QFileInfo(resumed.filePath).fileName(), QStringLiteral("Named by server.mp3"));
    QCOMPARE(contents(resumed.filePath), m_server->body);
    QCOMPARE(files(), QStringList{QStringLiteral("Named by server.mp3")});
}

void TestEpisodeDownloader::unwritableFolder()
{
    // A file where the folder should be: no folder can be made there, whoever runs the test.
    const QString file = QDir(folder()).filePath(QStringLiteral("not-a-folder"));
    QVERIFY(writeFile(file, "x"));
    EpisodeDownloader downloader;
    const EpisodeDownloadResult result = run(downloader,
                                             downloader.download(m_server->url(),
                                                                 file + QStringLiteral("/sub")));
    QVERIFY(!result.succeeded());
    QVERIFY2(result.errorString.contains(QLatin1String("cannot be created")),
             qPrintable(result.errorString));
    QVERIFY(m_server->distinctRequests().isEmpty());
}

void TestEpisodeDownloader::diskFull()
{
    // The part file leads to a device that is always full.
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QFAIL("/dev/full is needed to simulate a full disk");
    const QString part = QDir(folder()).filePath(QStringLiteral("episode.mp3.part"));
    QVERIFY(QFile::link(QStringLiteral("/dev/full"), part));
    const EpisodeDownloadResult result = download(m_server->url());
    QVERIFY(!result.succeeded());
    QVERIFY2(result.errorString.contains(QLatin1String("Cannot write")),
             qPrintable(result.errorString));
    QVERIFY2(result.errorString.contains(QLatin1String("space"), Qt::CaseInsensitive),
             qPrintable(result.errorString));
    QVERIFY(!QFile::exists(QDir(folder()).filePath(QStringLiteral("episode.mp3"))));
}

void TestEpisodeDownloader::atMostTwoAtOnce()
{
    m_server->body = randomBytes(512 * 1024, 3);
    m_server->trickleMs = 10;
    EpisodeDownloader downloader;
    QSignalSpy finished(&downloader, &EpisodeDownloader::finished);
    QList<int> ids;
    for (int i = 1; i <= 4; ++i)
        ids << downloader.download(m_server->url(QStringLiteral("/e%1.mp3").arg(i)), folder());
    // The same address again is the same download.
    QCOMPARE(downloader.download(m_server->url(QStringLiteral("/e1.mp3")), folder()), ids.at(0));
    QCOMPARE(downloader.runningCount(), 2);
    QCOMPARE(downloader.queuedCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 20000);
    QCOMPARE(m_server->peakConnections(), 2);
    for (const QList<QVariant> &arguments : std::as_const(finished))
        QVERIFY(arguments.at(0).value<EpisodeDownloadResult>().succeeded());
    QCOMPARE(files().size(), 4);
}

void TestEpisodeDownloader::destroyedWhileDownloading()
{
    // Closing the window mid-download: no report, no crash, and the part stays for a resume.
    m_server->trickleMs = 20;
    {
        EpisodeDownloader downloader;
        QSignalSpy progress(&downloader, &EpisodeDownloader::progress);
        downloader.download(m_server->url(), folder());
        downloader.download(m_server->url(QStringLiteral("/queued.mp3")), folder());
        downloader.download(m_server->url(QStringLiteral("/waiting.mp3")), folder());
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty()
                                     && progress.constLast().at(1).toLongLong() > 64 * 1024,
                                 10000);
    }
    const QByteArray part = contents(QDir(folder()).filePath(QStringLiteral("episode.mp3.part")));
    QVERIFY(!part.isEmpty());
    QVERIFY(m_server->body.startsWith(part));
    QVERIFY(!QFile::exists(QDir(folder()).filePath(QStringLiteral("episode.mp3"))));
    QVERIFY(!QFile::exists(QDir(folder()).filePath(QStringLiteral("waiting.mp3.part"))));
}

void TestEpisodeDownloader::enclosureIsRecorded()
{
    TestDatabase db;
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    const QList<qint64> items = db.addPodcastItems(QStringLiteral("https://pod.example.org/feed"),
                                                   {{m_server->url().toString()}});
    QVERIFY2(items.size() == 1, qPrintable(db.errorString()));
    FeedRepository repository(db.connectionName());
    const QList<FeedRepository::Enclosure> enclosures = repository.enclosures(items.at(0));
    QCOMPARE(enclosures.size(), 1);

    EpisodeDownloader downloader(&db.database());
    const EpisodeDownloadResult result = run(downloader,
                                             downloader.download(enclosures.at(0).id, folder()));
    QVERIFY2(result.succeeded(), qPrintable(result.errorString));
    QCOMPARE(result.enclosureId, enclosures.at(0).id);
    QCOMPARE(repository.enclosure(enclosures.at(0).id).localPath, result.filePath);

    const EpisodeDownloadResult unknown = run(downloader,
                                              downloader.download(qint64(9999), folder()));
    QVERIFY(!unknown.succeeded());
    QVERIFY2(unknown.errorString.contains(QLatin1String("9999")), qPrintable(unknown.errorString));
}

QTEST_GUILESS_MAIN(TestEpisodeDownloader)
#include "tst_episodedownloader.moc"
