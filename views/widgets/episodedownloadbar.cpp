// Episode info, download with progress and cancel, and the finished file one click away.
#include "episodedownloadbar.h"

#include "database.h"
#include "downloadfolder.h"
#include "episodedownloader.h"
#include "storageerror.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMimeDatabase>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QUrl>

namespace {

constexpr int progressSteps = 1000;

QString duration(int seconds)
{
    const QString minutesAndSeconds = QStringLiteral("%1:%2")
                                          .arg((seconds / 60) % 60,
                                               seconds >= 3600 ? 2 : 1,
                                               10,
                                               QLatin1Char('0'))
                                          .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return seconds >= 3600 ? QStringLiteral("%1:").arg(seconds / 3600) + minutesAndSeconds
                           : minutesAndSeconds;
}

} // namespace

EpisodeDownloadBar::EpisodeDownloadBar(const Database &database, QWidget *parent)
    : QFrame(parent)
    , m_database(database)
    , m_downloader(new EpisodeDownloader(&database, this))
{
    setObjectName(QStringLiteral("episodeDownloadBar"));
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    auto *icon = new QLabel(QStringLiteral("\u266A"), this);
    m_choice = new QComboBox(this);
    m_choice->setObjectName(QStringLiteral("episodeChoice"));
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("episodeInfo"));
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("episodeNote"));
    m_note->setWordWrap(true);
    m_note->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("episodeProgress"));
    m_progress->setFixedWidth(
        fontMetrics().horizontalAdvance(QStringLiteral("0000.00 KiB of 000.00 MiB")) + 24);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("episodeCancel"));
    m_download = new QToolButton(this);
    m_download->setObjectName(QStringLiteral("episodeDownload"));
    m_download->setText(tr("Download"));
    m_download->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_download->setPopupMode(QToolButton::MenuButtonPopup);
    auto *menu = new QMenu(m_download);
    QAction *changeFolder = menu->addAction(tr("Change Folder..."));
    m_download->setMenu(menu);
    m_open = new QPushButton(tr("Open"), this);
    m_open->setObjectName(QStringLiteral("episodeOpen"));
    m_showInFolder = new QPushButton(tr("Show in Folder"), this);
    m_showInFolder->setObjectName(QStringLiteral("episodeShowInFolder"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(icon);
    layout->addWidget(m_choice);
    layout->addWidget(m_info);
    layout->addWidget(m_note, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    layout->addWidget(m_download);
    layout->addWidget(m_open);
    layout->addWidget(m_showInFolder);

    connect(m_choice, &QComboBox::currentIndexChanged, this, &EpisodeDownloadBar::updateState);
    connect(m_download, &QToolButton::clicked, this, &EpisodeDownloadBar::download);
    connect(changeFolder, &QAction::triggered, this, &EpisodeDownloadBar::chooseFolder);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_downloader->cancel(m_downloader->downloadOf(current().id));
    });
    connect(m_open, &QPushButton::clicked, this, [this] { openLocal(current().localPath); });
    connect(m_showInFolder, &QPushButton::clicked, this, [this] {
        openLocal(QFileInfo(current().localPath).absolutePath());
    });
    connect(m_downloader, &EpisodeDownloader::started, this, &EpisodeDownloadBar::updateState);
    connect(m_downloader, &EpisodeDownloader::progress, this, &EpisodeDownloadBar::onProgress);
    connect(m_downloader, &EpisodeDownloader::finished, this, &EpisodeDownloadBar::onFinished);
    hide();
}

void EpisodeDownloadBar::setItemId(qint64 itemId)
{
    m_itemId = itemId;
    loadEnclosures();
}

void EpisodeDownloadBar::loadEnclosures()
{
    m_enclosures.clear();
    if (m_itemId > 0) {
        try {
            m_enclosures = FeedRepository(m_database.connectionName()).enclosures(m_itemId);
        } catch (const StorageError &error) {
            Q_EMIT errorOccurred(error.message());
        }
    }
    const int shown = std::max(0, m_choice->currentIndex());
    const QSignalBlocker blocker(m_choice);
    m_choice->clear();
    for (const FeedRepository::Enclosure &enclosure : std::as_const(m_enclosures))
        m_choice->addItem(QUrl(enclosure.url).fileName(QUrl::FullyDecoded));
    m_choice->setCurrentIndex(shown < m_choice->count() ? shown : 0);
    m_choice->setVisible(m_enclosures.size() > 1);
    setVisible(!m_enclosures.isEmpty());
    updateState();
}

FeedRepository::Enclosure EpisodeDownloadBar::current() const
{
    return m_enclosures.value(std::max(0, m_choice->currentIndex()));
}

QString EpisodeDownloadBar::describe(const FeedRepository::Enclosure &enclosure)
{
    QStringList parts;
    const QMimeType type = QMimeDatabase().mimeTypeForName(enclosure.mimeType);
    if (type.isValid() && !type.comment().isEmpty())
        parts << type.comment();
    else if (!enclosure.mimeType.isEmpty())
        parts << enclosure.mimeType;
    if (enclosure.lengthBytes > 0)
        parts << QLocale().formattedDataSize(enclosure.lengthBytes);
    if (enclosure.durationSeconds > 0)
        parts << duration(enclosure.durationSeconds);
    if (parts.isEmpty())
        parts << QUrl(enclosure.url).fileName(QUrl::FullyDecoded);
    return parts.join(QStringLiteral(" \u00B7 "));
}

void EpisodeDownloadBar::updateState()
{
    const FeedRepository::Enclosure enclosure = current();
    m_info->setText(describe(enclosure));
    m_info->setToolTip(enclosure.url);
    const int id = m_downloader->downloadOf(enclosure.id);
    const bool busy = id != 0;
    const QFileInfo local(enclosure.localPath);
    const bool saved = !busy && !enclosure.localPath.isEmpty() && local.isFile();
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_download->setVisible(!busy && !saved);
    m_open->setVisible(saved);
    m_showInFolder->setVisible(saved);
    const QString folder = DownloadFolder::chosen();
    m_download->setToolTip(folder.isEmpty()
                               ? tr("Asks for a folder the first time.")
                               : tr("Saves into %1").arg(QDir::toNativeSeparators(folder)));

    QString note;
    if (busy && !m_downloader->isRunning(id)) {
        m_progress->setRange(0, progressSteps);
        m_progress->setValue(0);
        m_progress->setFormat(tr("Waiting..."));
    } else if (saved) {
        note = tr("Saved as %1").arg(local.fileName());
        m_note->setToolTip(QDir::toNativeSeparators(local.absoluteFilePath()));
    } else if (!busy) {
        note = m_notes.value(enclosure.id);
        m_note->setToolTip(note);
    }
    m_note->setText(note);
    m_download->setText(m_notes.contains(enclosure.id) ? tr("Resume") : tr("Download"));
}

bool EpisodeDownloadBar::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this,
                                                             tr("Folder for Podcast Episodes"),
                                                             DownloadFolder::current());
    if (folder.isEmpty())
        return false;
    DownloadFolder::choose(folder);
    updateState();
    return true;
}

void EpisodeDownloadBar::download()
{
    const FeedRepository::Enclosure enclosure = current();
    if (enclosure.id == 0 || (DownloadFolder::chosen().isEmpty() && !chooseFolder()))
        return;
    m_notes.remove(enclosure.id);
    m_downloader->download(enclosure.id, DownloadFolder::chosen());
    updateState();
}

void EpisodeDownloadBar::onProgress(int id, qint64 received, qint64 total)
{
    if (id == 0 || id != m_downloader->downloadOf(current().id))
        return;
    if (total > 0) {
        m_progress->setRange(0, progressSteps);
        m_progress->setValue(int(received * progressSteps / total));
        m_progress->setFormat(
            tr("%1 of %2")
                .arg(QLocale().formattedDataSize(received), QLocale().formattedDataSize(total)));
    } else {
        m_progress->setRange(0, 0); // busy: the size is unknown
        m_progress->setFormat(QLocale().formattedDataSize(received));
    }
}

void EpisodeDownloadBar::onFinished(const EpisodeDownloadResult &result)
{
    if (result.cancelled)
        m_notes.insert(result.enclosureId, tr("Cancelled. Resume goes on where it stopped."));
    else if (!result.succeeded())
        m_notes.insert(result.enclosureId, result.errorString);
    else
        m_notes.remove(result.enclosureId);
    const bool shown = std::any_of(m_enclosures.cbegin(),
                                   m_enclosures.cend(),
                                   [&result](const FeedRepository::Enclosure &enclosure) {
                                       return enclosure.id == result.enclosureId;
                                   });
    if (shown)
        loadEnclosures(); // the recorded file
}

void EpisodeDownloadBar::openLocal(const QString &path)
{
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        m_note->setText(tr("Nothing here can open %1.").arg(QDir::toNativeSeparators(path)));
}
