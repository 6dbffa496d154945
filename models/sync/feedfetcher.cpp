// Downloads feeds over HTTP: conditional requests, redirects, timeouts and size limits.
#include "feedfetcher.h"

#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimeZone>

namespace {

const QByteArray acceptedTypes = QByteArrayLiteral(
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5");

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto effectivePort = [](const QUrl &url) {
        return url.port(
            url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80);
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
           && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
           && effectivePort(a) == effectivePort(b);
}

QString where(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo);
}

// "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 IMF-fixdate), also without the weekday.
QDateTime parseHttpDate(const QString &text)
{
    const QLocale c = QLocale::c();
    QString value = text.trimmed();
    const qsizetype comma = value.indexOf(QLatin1Char(','));
    if (comma >= 0)
        value = value.mid(comma + 1).trimmed();
    if (value.endsWith(QLatin1String(" GMT")) || value.endsWith(QLatin1String(" UTC")))
        value.chop(4);
    QDateTime parsed = c.toDateTime(value, QStringLiteral("dd MMM yyyy HH:mm:ss"));
    if (!parsed.isValid())
        return {};
    return QDateTime(parsed.date(), parsed.time(), QTimeZone::utc());
}

QDateTime parseRetryAfter(const QByteArray &header, const QDateTime &now)
{
    const QString text = QString::fromLatin1(header).trimmed();
    if (text.isEmpty())
        return {};
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber)
        return seconds >= 0 ? now.addSecs(seconds) : QDateTime();
    return parseHttpDate(text);
}

int parseMaxAge(const QByteArray &header)
{
    const QList<QByteArray> directives = header.split(',');
    for (const QByteArray &directive : directives) {
        const QByteArray trimmed = directive.trimmed().toLower();
        if (trimmed.startsWith("max-age=")) {
            bool ok = false;
            const int seconds = trimmed.mid(8).replace('"', QByteArray()).toInt(&ok);
            if (ok && seconds >= 0)
                return seconds;
        }
    }
    return -1;
}

} // namespace

FeedFetcher::FeedFetcher(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    static const bool systemProxy = [] {
        QNetworkProxyFactory::setUseSystemConfiguration(true);
        return true;
    }();
    Q_UNUSED(systemProxy)
    // Redirects are followed here, to report permanent moves and to keep credentials at home.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

FeedFetcher::~FeedFetcher()
{
    abortAll();
}

void FeedFetcher::setTimeout(int milliseconds)
{
    m_timeoutMs = milliseconds;
}

void FeedFetcher::setMaximumSize(qint64 bytes)
{
    m_maximumSize = bytes;
}

void FeedFetcher::fetch(const FetchRequest &request)
{
    Transfer transfer;
    transfer.request = request;
    transfer.result.feedId = request.feedId;
    transfer.result.itemId = request.itemId;
    transfer.result.requestedUrl = request.url;
    transfer.timer.start();
    startRequest(std::move(transfer), request.url);
}

void FeedFetcher::abortAll()
{
    const QList<QNetworkReply *> replies = m_transfers.keys();
    m_transfers.clear();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void FeedFetcher::startRequest(Transfer transfer, const QUrl &url)
{
    transfer.visited.append(url);
    transfer.result.finalUrl = url;

    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", acceptedTypes);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("Watercooler/" WATERCOOLER_VERSION));
    if (!transfer.request.etag.isEmpty())
        request.setRawHeader("If-None-Match", transfer.request.etag.toLatin1());
    if (!transfer.request.lastModified.isEmpty())
        request.setRawHeader("If-Modified-Since", transfer.request.lastModified.toLatin1());
    transfer.result.sentCredentials = transfer.request.credentials
                                      && sameOrigin(url, transfer.request.url);
    if (transfer.result.sentCredentials) {
        const FetchCredentials &credentials = *transfer.request.credentials;
        const QByteArray pair = credentials.user.toUtf8() + ':' + credentials.password.toUtf8();
        request.setRawHeader("Authorization", "Basic " + pair.toBase64());
    }

    QNetworkReply *reply = m_network->get(request);
    m_transfers.insert(reply, std::move(transfer));
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        const auto it = m_transfers.find(reply);
        if (it == m_transfers.end())
            return;
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_maximumSize)
            abortTooLarge(reply, *it);
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { onReadyRead(reply); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void FeedFetcher::onReadyRead(QNetworkReply *reply)
{
    const auto it = m_transfers.find(reply);
    if (it == m_transfers.end() || it->tooLarge)
        return;
    it->result.body += reply->readAll();
    if (it->result.body.size() > m_maximumSize)
        abortTooLarge(reply, *it);
}

void FeedFetcher::abortTooLarge(QNetworkReply *reply, Transfer &transfer)
{
    if (transfer.tooLarge)
        return;
    transfer.tooLarge = true;
    transfer.result.body.clear();
    // May emit finished() at once, which ends the transfer: nothing may touch it afterwards.
    reply->abort();
}

void FeedFetcher::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    const auto it = m_transfers.find(reply);
    if (it == m_transfers.end())
        return;
    Transfer transfer = std::move(*it);
    m_transfers.erase(it);
    // A reply ended by its transfer timeout is closed already.
    if (!transfer.tooLarge && reply->isOpen()) {
        transfer.result.body += reply->readAll();
        if (transfer.result.body.size() > m_maximumSize) {
            transfer.tooLarge = true;
            transfer.result.body.clear();
        }
    }
    FetchResult &result = transfer.result;
    const QUrl url = reply->url();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.httpStatus = status;

    if (transfer.tooLarge) {
        result.errorString = tr("The feed at %1 is larger than the limit of %2 MB.")
                                 .arg(where(url))
                                 .arg(QLocale().toString(double(m_maximumSize) / (1024 * 1024),
                                                         'g',
                                                         3));
        finish(transfer);
        return;
    }

    if (isRedirect(status) && reply->hasRawHeader("Location")) {
        const QUrl target = url.resolved(QUrl::fromEncoded(reply->rawHeader("Location").trimmed()));
        if (!target.isValid()
            || (target.scheme() != QLatin1String("http")
                && target.scheme() != QLatin1String("https"))) {
            result.errorString = tr("%1 redirects to an address that is not a web address: %2")
                                     .arg(where(url), where(target));
        } else if (transfer.visited.contains(target)) {
            result.errorString = tr("%1 redirects in a loop.").arg(where(transfer.request.url));
        } else if (transfer.visited.size() > MaximumRedirects) {
            result.errorString = tr("%1 redirects more than %2 times.")
                                     .arg(where(transfer.request.url))
                                     .arg(MaximumRedirects);
        } else {
            if (transfer.permanentSoFar && (status == 301 || status == 308))
                result.movedPermanently = target;
            else
                transfer.permanentSoFar = false;
            result.body.clear();
            startRequest(std::move(transfer), target);
            return;
        }
        result.body.clear();
        finish(transfer);
        return;
    }

    const QString contentType = QString::fromLatin1(reply->rawHeader("Content-Type"));
    const QStringList typeParts = contentType.split(QLatin1Char(';'));
    result.contentType = typeParts.value(0).trimmed().toLower();
    for (qsizetype i = 1; i < typeParts.size(); ++i) {
        const QString parameter = typeParts.at(i).trimmed();
        if (parameter.startsWith(QLatin1String("charset="), Qt::CaseInsensitive)) {
            result.charset = parameter.mid(8).remove(QLatin1Char('"')).trimmed();
            break;
        }
    }
    result.etag = QString::fromLatin1(reply->rawHeader("ETag"));
    result.lastModified = QString::fromLatin1(reply->rawHeader("Last-Modified"));
    result.maxAgeSeconds = parseMaxAge(reply->rawHeader("Cache-Control"));
    if (status == 429 || status == 503)
        result.retryAfter = parseRetryAfter(reply->rawHeader("Retry-After"),
                                            QDateTime::currentDateTimeUtc());
    result.notModified = status == 304;
    result.gone = status == 410;

    const QNetworkReply::NetworkError error = reply->error();
    const QByteArray contentEncoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
    const QString host = url.host();
    if (status == 304) {
        result.body.clear();
    } else if (status >= 200 && status < 300 && error == QNetworkReply::NoError) {
        // The body is the feed, or whatever the server sent in its place: parsing decides.
    } else {
        result.body.clear();
        if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
            result.errorString = tr("The server at %1 did not answer within %2 seconds.")
                                     .arg(host, QLocale().toString(m_timeoutMs / 1000.0, 'g', 3));
        } else if (status >= 200 && status < 300 && error == QNetworkReply::RemoteHostClosedError) {
            result.errorString = tr("The connection to %1 closed before the feed was complete.")
                                     .arg(host);
        } else if (status >= 200 && status < 300 && !contentEncoding.isEmpty()
                   && contentEncoding != "identity"
                   && (error == QNetworkReply::UnknownContentError
                       || error == QNetworkReply::ProtocolFailure)) {
            // Qt unpacks gzip and deflate itself and fails the reply when it cannot.
            result.errorString = tr("The feed at %1 was sent compressed (%2), but the compressed "
                                    "data is damaged.")
                                     .arg(where(url), QString::fromLatin1(contentEncoding));
        } else if (status >= 200 && status < 300) {
            result.errorString = tr("The feed at %1 could not be read completely: %2")
                                     .arg(where(url), reply->errorString());
        } else if (status == 410) {
            result.errorString = tr("The feed at %1 is gone for good (HTTP 410).").arg(where(url));
        } else if (status == 404) {
            result.errorString = tr("The feed at %1 was not found (HTTP 404).").arg(where(url));
        } else if ((status == 401 || status == 403) && result.sentCredentials) {
            result.errorString = tr("The server at %1 refused the user name and password of this "
                                    "feed (HTTP %2). Check them in the feed's properties.")
                                     .arg(host)
                                     .arg(status);
        } else if (status == 401 || status == 403) {
            result.errorString = tr("The server at %1 wants a user name and password for this "
                                    "feed (HTTP %2). Set them in the feed's properties.")
                                     .arg(host)
                                     .arg(status);
        } else if (status == 429 || status == 503) {
            result.errorString
                = tr("The server at %1 asks to wait before fetching again (HTTP %2).")
                      .arg(host)
                      .arg(status);
        } else if (status >= 500) {
            result.errorString
                = tr("The server at %1 had an internal error (HTTP %2).").arg(host).arg(status);
        } else if (status > 0) {
            result.errorString
                = tr("The server at %1 answered with HTTP status %2.").arg(host).arg(status);
        } else if (error == QNetworkReply::ConnectionRefusedError) {
            result.errorString = tr("The server at %1 refused the connection.").arg(host);
        } else if (error == QNetworkReply::HostNotFoundError) {
            result.errorString = tr("The host %1 was not found.").arg(host);
        } else if (error == QNetworkReply::RemoteHostClosedError) {
            result.errorString = tr("The connection to %1 closed before the feed was complete.")
                                     .arg(host);
        } else {
            result.errorString = tr("Could not fetch the feed at %1: %2")
                                     .arg(where(url), reply->errorString());
        }
    }
    finish(transfer);
}

void FeedFetcher::finish(Transfer &transfer)
{
    transfer.result.elapsedMs = transfer.timer.elapsed();
    Q_EMIT finished(transfer.result);
}
