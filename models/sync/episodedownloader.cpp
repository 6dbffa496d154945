// Queue and thread of the episode downloads; the transfers themselves run on that thread.
#include "episodedownloader.h"

#include "database.h"
#include "episodetransfer.h"
#include "feedrepository.h"
#include "storageerror.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QThread>
#include <QTimer>

EpisodeDownloader::EpisodeDownloader(const Database *database, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_thread(new QThread(this))
{
    qRegisterMetaType<EpisodeDownloadResult>();
    static const bool systemProxy = [] {
        QNetworkProxyFactory::setUseSystemConfiguration(true);
        return true;
    }();
    Q_UNUSED(systemProxy)
    m_thread->setObjectName(QStringLiteral("EpisodeDownloader"));
    // Made here, used only there: the network and the files never hold up this thread.
    m_network = new QNetworkAccessManager;
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_network->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_network, &QObject::deleteLater);
    m_thread->start();
}

EpisodeDownloader::~EpisodeDownloader()
{
    // Transfers go before the network they use; their parts stay for a later resume.
    for (EpisodeTransfer *transfer : std::as_const(m_running))
        transfer->deleteLater();
    m_running.clear();
    m_thread->quit();
    m_thread->wait();
}

void EpisodeDownloader::setTimeout(int milliseconds)
{
    m_timeoutMs = milliseconds;
}

int EpisodeDownloader::download(const QUrl &url, const QString &folder)
{
    EpisodeDownloadRequest request;
    request.url = url;
    request.folder = folder;
    return enqueue(request);
}

int EpisodeDownloader::download(qint64 enclosureId, const QString &folder)
{
    if (const int existing = downloadOf(enclosureId))
        return existing;
    EpisodeDownloadRequest request;
    request.enclosureId = enclosureId;
    request.folder = folder;
    EpisodeDownloadResult failure;
    if (!m_database) {
        failure.errorString = tr("Episodes can only be downloaded by address here.");
    } else {
        try {
            const FeedRepository::Enclosure enclosure = FeedRepository(m_database->connectionName())
                                                            .enclosure(enclosureId);
            if (enclosure.id == 0)
                failure.errorString = tr("There is no enclosure %1.").arg(enclosureId);
            request.url = QUrl(enclosure.url);
            request.mimeType = enclosure.mimeType;
        } catch (const StorageError &error) {
            failure.errorString = error.message();
        }
    }
    if (failure.errorString.isEmpty()) {
        if (!request.url.isValid()
            || (request.url.scheme() != QLatin1String("http")
                && request.url.scheme() != QLatin1String("https")))
            failure.errorString = tr("The enclosure's address is not a web address: %1")
                                      .arg(request.url.toDisplayString());
        else
            return enqueue(request);
    }
    failure.id = ++m_lastId;
    failure.enclosureId = enclosureId;
    failure.url = request.url;
    reportLater(failure);
    return failure.id;
}

int EpisodeDownloader::enqueue(EpisodeDownloadRequest request)
{
    const QString folder = QDir::cleanPath(request.folder);
    for (const EpisodeDownloadRequest &other : std::as_const(m_requests)) {
        if (other.url == request.url && QDir::cleanPath(other.folder) == folder)
            return other.id;
    }
    request.id = ++m_lastId;
    m_requests.insert(request.id, request);
    m_queue.append(request);
    startNext();
    return request.id;
}

void EpisodeDownloader::startNext()
{
    while (m_running.size() < MaximumRunning && !m_queue.isEmpty()) {
        const EpisodeDownloadRequest request = m_queue.takeFirst();
        auto *transfer = new EpisodeTransfer(request, m_timeoutMs);
        connect(transfer, &EpisodeTransfer::progress, this, &EpisodeDownloader::progress);
        connect(transfer, &EpisodeTransfer::finished, this, &EpisodeDownloader::onTransferFinished);
        transfer->moveToThread(m_thread);
        m_running.insert(request.id, transfer);
        QMetaObject::invokeMethod(transfer,
                                  [transfer, network = m_network] { transfer->start(network); });
        Q_EMIT started(request.id);
    }
}

void EpisodeDownloader::cancel(int id)
{
    if (EpisodeTransfer *transfer = m_running.value(id)) {
        QMetaObject::invokeMethod(transfer, [transfer] { transfer->cancel(); });
        return;
    }
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (m_queue.at(i).id != id)
            continue;
        const EpisodeDownloadRequest request = m_queue.takeAt(i);
        m_requests.remove(id);
        EpisodeDownloadResult result;
        result.id = id;
        result.enclosureId = request.enclosureId;
        result.url = request.url;
        result.cancelled = true;
        reportLater(result);
        return;
    }
}

void EpisodeDownloader::cancelAll()
{
    // Queued ones first, so none of them starts when a running one ends.
    const QList<EpisodeDownloadRequest> queued = m_queue;
    for (const EpisodeDownloadRequest &request : queued)
        cancel(request.id);
    const QList<int> running = m_running.keys();
    for (const int id : running)
        cancel(id);
}

int EpisodeDownloader::downloadOf(qint64 enclosureId) const
{
    if (enclosureId <= 0)
        return 0;
    for (const EpisodeDownloadRequest &request : std::as_const(m_requests)) {
        if (request.enclosureId == enclosureId)
            return request.id;
    }
    return 0;
}

void EpisodeDownloader::onTransferFinished(EpisodeDownloadResult result)
{
    if (EpisodeTransfer *transfer = m_running.take(result.id))
        transfer->deleteLater();
    m_requests.remove(result.id);
    if (result.succeeded() && result.enclosureId > 0 && m_database) {
        try {
            FeedRepository(m_database->connectionName())
                .setEnclosureLocalPath(result.enclosureId, result.filePath);
        } catch (const StorageError &error) {
            result.errorString = tr("Saved %1, but could not record it: %2")
                                     .arg(QDir::toNativeSeparators(result.filePath),
                                          error.message());
        }
    }
    Q_EMIT finished(result);
    startNext();
}

// Results that are known at once still arrive after download() returned, like the others.
void EpisodeDownloader::reportLater(const EpisodeDownloadResult &result)
{
    QTimer::singleShot(0, this, [this, result] { Q_EMIT finished(result); });
}
