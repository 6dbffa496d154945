// The bar under the feed reader for an item with enclosures (podcast episodes): what the file
// is, Download (into a folder asked for once), progress with Cancel, then Open and Show in Folder.
#pragma once

#include "feedrepository.h"

#include <QFrame>
#include <QHash>

class Database;
class EpisodeDownloader;
struct EpisodeDownloadResult;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;

class EpisodeDownloadBar final : public QFrame
{
    Q_OBJECT

public:
    explicit EpisodeDownloadBar(const Database &database, QWidget *parent = nullptr);

    // Shows the enclosures of this feed item; hidden when it has none (and for 0). Downloads of
    // other items go on meanwhile.
    void setItemId(qint64 itemId);
    [[nodiscard]] qint64 itemId() const { return m_itemId; }
    [[nodiscard]] EpisodeDownloader *downloader() const { return m_downloader; }

    // Asks for the folder episodes are saved in and remembers it; false when none was chosen.
    bool chooseFolder();
    // Downloads the shown enclosure, asking for the folder the first time.
    void download();

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    void loadEnclosures();
    void updateState();
    void onProgress(int id, qint64 received, qint64 total);
    void onFinished(const EpisodeDownloadResult &result);
    void openLocal(const QString &path);
    [[nodiscard]] FeedRepository::Enclosure current() const;
    [[nodiscard]] static QString describe(const FeedRepository::Enclosure &enclosure);

    const Database &m_database;
    EpisodeDownloader *m_downloader = nullptr;
    qint64 m_itemId = 0;
    QList<FeedRepository::Enclosure> m_enclosures;
    QHash<qint64, QString> m_notes; // per enclosure: the last error, or that it was cancelled
    QComboBox *m_choice = nullptr;
    QLabel *m_info = nullptr;
    QLabel *m_note = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QToolButton *m_download = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_showInFolder = nullptr;
};
