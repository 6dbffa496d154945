// Remote resources are refused by default: a feed item must not tell its author who read it.
#include "feedreader.h"

#include <QDesktopServices>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QScrollBar>
#include <QTextDocument>
#include <QTimer>

namespace {

constexpr qint64 MaximumImageBytes = 10 * 1024 * 1024;

bool isRemote(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https")
           || scheme == QLatin1String("ftp") || url.host().size() > 0;
}

} // namespace

FeedReader::FeedReader(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        Q_EMIT linkActivated(url);
        const QString scheme = url.scheme().toLower();
        if (scheme == QLatin1String("http") || scheme == QLatin1String("https")
            || scheme == QLatin1String("mailto"))
            QDesktopServices::openUrl(url);
    });
}

void FeedReader::showHtml(const QString &html, bool remoteImagesAllowed)
{
    m_allowed = remoteImagesAllowed;
    m_blocked.clear();
    m_html = html;
    setHtml(html);
    if (!m_blocked.isEmpty())
        Q_EMIT remoteImagesBlocked(int(m_blocked.size()));
}

void FeedReader::allowRemoteImages()
{
    if (m_allowed)
        return;
    m_allowed = true;
    m_blocked.clear();
    setHtml(m_html);
}

QVariant FeedReader::loadResource(int type, const QUrl &name)
{
    if (!isRemote(name)) {
        // Inline images only; a feed item never reads the user's files.
        const QString scheme = name.scheme().toLower();
        if (scheme == QLatin1String("data") || scheme == QLatin1String("qrc"))
            return QTextBrowser::loadResource(type, name);
        return {};
    }
    // Style sheets and anything else from the network are never loaded.
    if (type != QTextDocument::ImageResource)
        return {};
    if (!m_allowed) {
        m_blocked.insert(name);
        return {};
    }
    const auto cached = m_images.constFind(name);
    if (cached != m_images.cend())
        return cached.value();
    fetch(name);
    return {};
}

void FeedReader::fetch(const QUrl &url)
{
    if (m_pending.contains(url))
        return;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    m_pending.insert(url);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(30 * 1000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > MaximumImageBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        m_pending.remove(url);
        QImage image;
        if (reply->error() == QNetworkReply::NoError)
            image.loadFromData(reply->readAll());
        // A failed image is remembered as empty, so it is not asked for again and again.
        m_images.insert(url, image);
        if (!image.isNull() && !m_reporting) {
            m_reporting = true;
            QTimer::singleShot(0, this, &FeedReader::relayout);
        }
    });
}

void FeedReader::relayout()
{
    m_reporting = false;
    const int scroll = verticalScrollBar()->value();
    setHtml(m_html);
    verticalScrollBar()->setValue(scroll);
}
