// Tests EpisodeDownloadBar: what it shows for an item's episode, downloading into the remembered
// folder with progress, cancel and resume, and hiding for items without enclosures.
#include "downloadfolder.h"
#include "episodedownloadbar.h"
#include "episodedownloader.h"
#include "episodeserver.h"
#include "feedrepository.h"
#include "testdatabase.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

class tst_EpisodeDownloadBar final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsTheEpisode();
    void downloadsIntoTheChosenFolder();
    void cancelThenResume();
    void severalEnclosures();

private:
    template<typename T>
    [[nodiscard]] T *child(const char *name) const
    {
        return m_bar->findChild<T *>(QLatin1String(name));
    }
    // Saves a picture of the bar when WATERCOOLER_GRAB_DIR names a folder, for looking at it.
    void grab(const QString &name) const;

    QTemporaryDir m_settingsDir;
    std::unique_ptr<EpisodeServer> m_server;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<EpisodeDownloadBar> m_bar;
    QList<qint64> m_items;
};

void tst_EpisodeDownloadBar::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
}

void tst_EpisodeDownloadBar::init()
{
    m_server = std::make_unique<EpisodeServer>();
    m_server->body = QByteArray(3 * 1024 * 1024, 'e');
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_items = m_db->addPodcastItems(QStringLiteral("https://pod.example.org/feed"),
                                    {{m_server->url(QStringLiteral("/shows/Welcome%20aboard.mp3"))
                                          .toString()},
                                     {},
                                     {m_server->url(QStringLiteral("/a.mp3")).toString(),
                                      m_server->url(QStringLiteral("/b.mp3")).toString()}});
    QVERIFY2(m_items.size() == 3, qPrintable(m_db->errorString()));
    m_folder = std::make_unique<QTemporaryDir>();
    DownloadFolder::choose(m_folder->path());
    m_bar = std::make_unique<EpisodeDownloadBar>(m_db->database());
    m_bar->resize(760, m_bar->sizeHint().height());
}

void tst_EpisodeDownloadBar::cleanup()
{
    m_bar.reset();
    m_folder.reset();
    m_db.reset();
    m_server.reset();
}

void tst_EpisodeDownloadBar::grab(const QString &name) const
{
    const QString dir = qEnvironmentVariable("WATERCOOLER_GRAB_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents(); // the layout, as the window would before painting
    m_bar->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

void tst_EpisodeDownloadBar::showsTheEpisode()
{
    m_bar->show();
    m_bar->setItemId(m_items.at(1)); // no enclosures
    QVERIFY(m_bar->isHidden());
    m_bar->setItemId(m_items.at(0));
    QVERIFY(m_bar->isVisible());
    const QString info = child<QLabel>("episodeInfo")->text();
    QVERIFY2(info.contains(QLatin1String("3.00 MiB")) || info.contains(QLatin1String("3.0 MiB")),
             qPrintable(info));
    QVERIFY2(info.contains(QLatin1String("1:01:01")), qPrintable(info));
    QVERIFY(child<QToolButton>("episodeDownload")->isVisible());
    QVERIFY(!child<QPushButton>("episodeOpen")->isVisible());
    QVERIFY(!child<QProgressBar>("episodeProgress")->isVisible());
    QVERIFY(!child<QComboBox>("episodeChoice")->isVisible());
    grab(QStringLiteral("episode-ready"));
    m_bar->setItemId(0);
    QVERIFY(m_bar->isHidden());
}

void tst_EpisodeDownloadBar::downloadsIntoTheChosenFolder()
{
    m_bar->show();
    m_bar->setItemId(m_items.at(0));
    child<QToolButton>("episodeDownload")->click();
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>("episodeOpen")->isVisible(), 10000);
    QVERIFY(child<QPushButton>("episodeShowInFolder")->isVisible());
    QVERIFY(!child<QToolButton>("episodeDownload")->isVisible());
    QVERIFY(!child<QProgressBar>("episodeProgress")->isVisible());
    const QString path = QDir(m_folder->path()).filePath(QStringLiteral("Welcome aboard.mp3"));
    QCOMPARE(QFileInfo(path).size(), m_server->body.size());
    const QList<FeedRepository::Enclosure> enclosures = FeedRepository(m_db->connectionName())
                                                            .enclosures(m_items.at(0));
    QCOMPARE(enclosures.at(0).localPath, path);
    QVERIFY2(child<QLabel>("episodeNote")->text().contains(QLatin1String("Welcome aboard.mp3")),
             qPrintable(child<QLabel>("episodeNote")->text()));
    grab(QStringLiteral("episode-saved"));

    // Another item and back: the saved file is still offered.
    m_bar->setItemId(m_items.at(2));
    QVERIFY(child<QToolButton>("episodeDownload")->isVisible());
    m_bar->setItemId(m_items.at(0));
    QVERIFY(child<QPushButton>("episodeOpen")->isVisible());
}

void tst_EpisodeDownloadBar::cancelThenResume()
{
    m_server->trickleMs = 30;
    m_bar->show();
    m_bar->setItemId(m_items.at(0));
    child<QToolButton>("episodeDownload")->click();
    auto *progress = child<QProgressBar>("episodeProgress");
    QVERIFY(progress->isVisible());
    QVERIFY(child<QPushButton>("episodeCancel")->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, 10000);
    QVERIFY2(progress->text().contains(QLatin1String("of")), qPrintable(progress->text()));
    grab(QStringLiteral("episode-downloading"));

    QSignalSpy finished(m_bar->downloader(), &EpisodeDownloader::finished);
    child<QPushButton>("episodeCancel")->click();
    QVERIFY(finished.wait(10000));
    QVERIFY(!progress->isVisible());
    auto *download = child<QToolButton>("episodeDownload");
    QVERIFY(download->isVisible());
    QCOMPARE(download->text(), QStringLiteral("Resume"));
    QVERIFY(!child<QLabel>("episodeNote")->text().isEmpty());
    grab(QStringLiteral("episode-cancelled"));

    m_server->trickleMs = 0;
    m_server->clearRequests();
    download->click();
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>("episodeOpen")->isVisible(), 10000);
    QVERIFY(m_server->distinctRequests().constFirst().headers.contains("range"));
    const QString path = QDir(m_folder->path()).filePath(QStringLiteral("Welcome aboard.mp3"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), m_server->body);
}

void tst_EpisodeDownloadBar::severalEnclosures()
{
    m_bar->show();
    m_bar->setItemId(m_items.at(2));
    auto *choice = child<QComboBox>("episodeChoice");
    QVERIFY(choice->isVisible());
    QCOMPARE(choice->count(), 2);
    QCOMPARE(choice->itemText(1), QStringLiteral("b.mp3"));
    choice->setCurrentIndex(1);
    child<QToolButton>("episodeDownload")->click();
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>("episodeOpen")->isVisible(), 10000);
    QVERIFY(QFile::exists(QDir(m_folder->path()).filePath(QStringLiteral("b.mp3"))));
    QVERIFY(!QFile::exists(QDir(m_folder->path()).filePath(QStringLiteral("a.mp3"))));
    choice->setCurrentIndex(0);
    QVERIFY(child<QToolButton>("episodeDownload")->isVisible());
    grab(QStringLiteral("episode-several"));
}

QTEST_MAIN(tst_EpisodeDownloadBar)
#include "tst_episodedownloadbar.moc"
