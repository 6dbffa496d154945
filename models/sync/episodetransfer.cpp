// One episode download: part file, resume with Range and If-Range, atomic rename at the end.
#include "episodetransfer.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSaveFile>

namespace {

const QLatin1String partSuffix(".part");
const QLatin1String metaSuffix(".meta");
constexpr int maximumNumberedNames = 999;

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QString where(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo);
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

// The extension of a file name: a short run of letters and digits after the last dot.
QString extensionOf(const QString &name)
{
    static const QRegularExpression extension(QStringLiteral("\\.([A-Za-z0-9]{1,8})$"));
    return extension.match(name).captured(1);
}

// Extensions of the types podcasts use, before the MIME database (which may lack them).
QString suffixForMimeType(const QString &mimeType)
{
    const QString type = mimeType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    static const QHash<QString, QString> known = {
        {QStringLiteral("audio/mpeg"), QStringLiteral("mp3")},
        {QStringLiteral("audio/mp3"), QStringLiteral("mp3")},
        {QStringLiteral("audio/mp4"), QStringLiteral("m4a")},
        {QStringLiteral("audio/x-m4a"), QStringLiteral("m4a")},
        {QStringLiteral("audio/aac"), QStringLiteral("aac")},
        {QStringLiteral("audio/ogg"), QStringLiteral("ogg")},
        {QStringLiteral("audio/opus"), QStringLiteral("opus")},
        {QStringLiteral("audio/flac"), QStringLiteral("flac")},
        {QStringLiteral("audio/wav"), QStringLiteral("wav")},
        {QStringLiteral("audio/x-wav"), QStringLiteral("wav")},
        {QStringLiteral("video/mp4"), QStringLiteral("mp4")},
        {QStringLiteral("video/x-m4v"), QStringLiteral("m4v")},
        {QStringLiteral("video/webm"), QStringLiteral("webm")},
        {QStringLiteral("application/pdf"), QStringLiteral("pdf")},
    };
    if (const auto it = known.constFind(type); it != known.constEnd())
        return it.value();
    if (type.isEmpty() || type == QLatin1String("application/octet-stream"))
        return {};
    const QMimeType mime = QMimeDatabase().mimeTypeForName(type);
    return mime.isValid() ? mime.preferredSuffix() : QString();
}

// A name every common file system accepts: no separators, reserved or control characters, no
// leading dot (hidden), no trailing dot or space, no Windows device name, not too long.
QString sanitisedName(const QString &raw)
{
    static const QString forbidden = QStringLiteral("/\\:*?\"<>|");
    QString name;
    for (const QChar c : raw)
        name += c.unicode() < 0x20 || c.unicode() == 0x7f || forbidden.contains(c)
                    ? QLatin1Char('_')
                    : c;
    name = name.trimmed();
    while (name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1Char(' ')))
        name.remove(0, 1);
    while (name.endsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char(' ')))
        name.chop(1);
    static const QRegularExpression reserved(QStringLiteral(
                                                 "^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])$"),
                                             QRegularExpression::CaseInsensitiveOption);
    if (reserved.match(name.section(QLatin1Char('.'), 0, 0).trimmed()).hasMatch())
        name.prepend(QLatin1Char('_'));
    // File systems allow 255 bytes; room stays for " (999)" and ".part.meta".
    constexpr qsizetype maximumBytes = 200;
    if (name.toUtf8().size() > maximumBytes) {
        const QString extension = extensionOf(name);
        QString stem = extension.isEmpty() ? name : name.left(name.size() - extension.size() - 1);
        const qsizetype room = maximumBytes - extension.size() - 1;
        while (stem.toUtf8().size() > room)
            stem.chop(1);
        if (!stem.isEmpty() && stem.back().isHighSurrogate())
            stem.chop(1);
        name = extension.isEmpty() ? stem : stem + QLatin1Char('.') + extension;
    }
    return name;
}

// The file name for an address: the last segment of its path, decoded and made safe, with an
// extension from the MIME type when it has none.
QString nameForUrl(const QUrl &url, const QString &mimeType)
{
    QString name = sanitisedName(url.fileName(QUrl::FullyDecoded));
    if (name.isEmpty())
        name = QStringLiteral("episode");
    if (extensionOf(name).isEmpty()) {
        const QString suffix = suffixForMimeType(mimeType);
        if (!suffix.isEmpty())
            name += QLatin1Char('.') + suffix;
    }
    return name;
}

// The file name a Content-Disposition header suggests (RFC 6266): filename* (RFC 8187, UTF-8 or
// ISO-8859-1) before filename; only its last path segment, made safe. Empty when it has none.
QString dispositionName(const QByteArray &header)
{
    QString plain;
    QString extended;
    qsizetype at = header.indexOf(';');
    while (at >= 0 && at < header.size()) {
        ++at;
        while (at < header.size() && (header.at(at) == ' ' || header.at(at) == '\t'))
            ++at;
        const qsizetype equals = header.indexOf('=', at);
        if (equals < 0)
            break;
        const QByteArray name = header.mid(at, equals - at).trimmed().toLower();
        QByteArray value;
        qsizetype next = equals + 1;
        if (next < header.size() && header.at(next) == '"') {
            for (++next; next < header.size() && header.at(next) != '"'; ++next) {
                if (header.at(next) == '\\' && next + 1 < header.size())
                    ++next;
                value += header.at(next);
            }
            next = header.indexOf(';', next);
        } else {
            next = header.indexOf(';', next);
            value = header.mid(equals + 1, next < 0 ? -1 : next - equals - 1).trimmed();
        }
        if (name == "filename") {
            plain = QString::fromUtf8(value);
        } else if (name == "filename*") {
            // charset'language'percent-encoded
            const QList<QByteArray> parts = value.split('\'');
            if (parts.size() == 3) {
                const QByteArray bytes = QByteArray::fromPercentEncoding(parts.at(2));
                const QByteArray charset = parts.at(0).toLower();
                if (charset == "utf-8")
                    extended = QString::fromUtf8(bytes);
                else if (charset == "iso-8859-1")
                    extended = QString::fromLatin1(bytes);
            }
        }
        at = next;
    }
    QString name = extended.isEmpty() ? plain : extended;
    // Only a name, never a path: the server does not choose the folder.
    name = name.mid(qMax(name.lastIndexOf(QLatin1Char('/')), name.lastIndexOf(QLatin1Char('\\')))
                    + 1);
    return sanitisedName(name);
}

// "name.ext", "name (2).ext", "name (3).ext"...
QString numbered(const QString &name, int number)
{
    if (number <= 1)
        return name;
    const QString extension = extensionOf(name);
    const QString tag = QStringLiteral(" (%1)").arg(number);
    if (extension.isEmpty())
        return name + tag;
    return name.left(name.size() - extension.size() - 1) + tag + QLatin1Char('.') + extension;
}

bool sameContent(const QString &a, const QString &b)
{
    QFile first(a);
    QFile second(b);
    if (first.size() != second.size() || !first.open(QIODevice::ReadOnly)
        || !second.open(QIODevice::ReadOnly))
        return false;
    constexpr qint64 chunk = 1024 * 1024;
    while (!first.atEnd()) {
        if (first.read(chunk) != second.read(chunk))
            return false;
    }
    return true;
}

struct ContentRange
{
    qint64 start = -1;
    qint64 total = -1; // -1 for "*"
};

// "bytes 100-199/200", "bytes 100-199/*" or, with 416, "bytes */200".
ContentRange parseContentRange(const QByteArray &header)
{
    static const QRegularExpression
        pattern(QStringLiteral("^\\s*bytes\\s+(?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)\\s*$"),
                QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(header));
    ContentRange range;
    if (!match.hasMatch())
        return range;
    if (match.capturedLength(1) > 0)
        range.start = match.captured(1).toLongLong();
    if (match.captured(3) != QLatin1String("*"))
        range.total = match.captured(3).toLongLong();
    return range;
}

} // namespace

EpisodeTransfer::EpisodeTransfer(EpisodeDownloadRequest request, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_timeoutMs(timeoutMs)
{
    m_result.id = m_request.id;
    m_result.enclosureId = m_request.enclosureId;
    m_result.url = m_request.url;
}

EpisodeTransfer::~EpisodeTransfer()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void EpisodeTransfer::start(QNetworkAccessManager *network)
{
    m_network = network;
    const QString folder = m_request.folder;
    if (folder.isEmpty()) {
        fail(tr("No folder was given to save %1 in.").arg(where(m_request.url)));
        return;
    }
    if (!QFileInfo(folder).isDir() && (QFileInfo::exists(folder) || !QDir().mkpath(folder))) {
        fail(tr("The folder %1 does not exist and cannot be created.").arg(native(folder)));
        return;
    }
    if (!claimPartFile()) {
        fail(m_error);
        return;
    }
    m_visited.append(m_request.url);
    sendRequest(m_request.url);
}

void EpisodeTransfer::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    if (m_reply) {
        // Emits finished(), which ends the transfer.
        m_reply->abort();
        return;
    }
    m_result.cancelled = true;
    finish();
}

// Picks "name.ext.part": the one this address left behind (its meta file names it), else the
// first free one. Writing the meta file claims it before any byte arrives.
bool EpisodeTransfer::claimPartFile()
{
    const QDir dir(m_request.folder);
    const QString base = nameForUrl(m_request.url, m_request.mimeType);
    const QString url = m_request.url.toString(QUrl::FullyEncoded);
    for (int number = 1; number <= maximumNumberedNames; ++number) {
        const QString partName = numbered(base, number) + partSuffix;
        const QString partPath = dir.filePath(partName);
        const QString metaPath = partPath + metaSuffix;
        if (QFileInfo::exists(metaPath)) {
            QFile file(metaPath);
            const QJsonObject meta = file.open(QIODevice::ReadOnly)
                                         ? QJsonDocument::fromJson(file.readAll()).object()
                                         : QJsonObject();
            if (meta.value(QLatin1String("url")).toString() != url)
                continue;
            m_partName = partName;
            m_metaPath = metaPath;
            m_etag = meta.value(QLatin1String("etag")).toString();
            m_lastModified = meta.value(QLatin1String("last_modified")).toString();
            m_total = meta.value(QLatin1String("total")).toInteger(-1);
            m_serverName = meta.value(QLatin1String("server_name")).toString();
            m_received = QFileInfo(partPath).size();
            return true;
        }
        // A part nobody claims may still be someone's; an empty one holds nothing to lose.
        if (QFileInfo(partPath).size() > 0)
            continue;
        m_partName = partName;
        m_metaPath = metaPath;
        m_received = 0;
        return writeMeta();
    }
    m_error = tr("There are too many partial downloads named like %1 in %2.")
                  .arg(base, native(m_request.folder));
    return false;
}

bool EpisodeTransfer::writeMeta()
{
    const QJsonObject meta{{QStringLiteral("url"), m_request.url.toString(QUrl::FullyEncoded)},
                           {QStringLiteral("etag"), m_etag},
                           {QStringLiteral("last_modified"), m_lastModified},
                           {QStringLiteral("total"), m_total},
                           {QStringLiteral("server_name"), m_serverName}};
    const QByteArray json = QJsonDocument(meta).toJson(QJsonDocument::Compact);
    QSaveFile file(m_metaPath);
    if (file.open(QIODevice::WriteOnly) && file.write(json) == json.size() && file.commit())
        return true;
    m_error = tr("Cannot write in the folder %1: %2")
                  .arg(native(m_request.folder), file.errorString());
    return false;
}

void EpisodeTransfer::sendRequest(const QUrl &url)
{
    m_answer = Answer::None;
    m_offset = m_received;
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("Watercooler/" WATERCOOLER_VERSION));
    // Ranges count the bytes of the file itself, not of a compressed form.
    request.setRawHeader("Accept-Encoding", "identity");
    // A weak ETag cannot vouch for single bytes (RFC 9110, If-Range).
    const QString validator = !m_etag.isEmpty() && !m_etag.startsWith(QLatin1String("W/"))
                                  ? m_etag
                                  : m_lastModified;
    m_askedRange = m_offset > 0 && !validator.isEmpty();
    if (m_askedRange) {
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_offset) + '-');
        request.setRawHeader("If-Range", validator.toLatin1());
    }
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        if (reply == m_reply)
            onMetaData();
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        if (reply == m_reply)
            onReadyRead();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        if (reply == m_reply)
            onFinished();
    });
}

void EpisodeTransfer::onMetaData()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_result.httpStatus = status;
    if (isRedirect(status)) {
        m_answer = Answer::Redirect;
        return;
    }
    if (status == 416) {
        m_answer = Answer::RangeNotSatisfiable;
        return;
    }
    if (status != 200 && status != 206) {
        m_answer = Answer::Failed;
        return;
    }
    // Qt may send the request again by itself; each answer starts from the request's offset.
    m_part.close();
    m_part.setFileName(QDir(m_request.folder).filePath(m_partName));
    QIODevice::OpenMode mode = QIODevice::WriteOnly | QIODevice::Unbuffered;
    if (status == 206) {
        // Only the rest of the very bytes we have will do.
        const ContentRange range = parseContentRange(m_reply->rawHeader("Content-Range"));
        if (!m_askedRange || range.start != m_offset || QFileInfo(m_part).size() < m_offset
            || (QFileInfo(m_part).size() > m_offset && !m_part.resize(m_offset))) {
            m_answer = Answer::WrongRange;
            m_reply->abort();
            return;
        }
        m_received = m_offset;
        m_total = range.total;
        m_result.resumed = true;
        mode |= QIODevice::Append;
    } else {
        // The whole file, from zero: new validators and a new part.
        m_offset = 0;
        m_received = 0;
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        m_total = length.isValid() ? length.toLongLong() : -1;
        m_etag = QString::fromLatin1(m_reply->rawHeader("ETag"));
        m_lastModified = QString::fromLatin1(m_reply->rawHeader("Last-Modified"));
        m_serverName = dispositionName(m_reply->rawHeader("Content-Disposition"));
        if (!writeMeta()) {
            m_answer = Answer::Failed;
            m_reply->abort();
            return;
        }
        mode |= QIODevice::Truncate;
    }
    if (!m_part.open(mode)) {
        m_error = tr("Cannot write %1: %2").arg(native(m_part.fileName()), m_part.errorString());
        m_answer = Answer::Failed;
        m_reply->abort();
        return;
    }
    m_contentType = QString::fromLatin1(m_reply->rawHeader("Content-Type"));
    m_answer = Answer::Body;
    emitProgress(true);
}

void EpisodeTransfer::onReadyRead()
{
    const QByteArray data = m_reply->readAll();
    // Bodies of redirects and errors are not kept.
    if (m_answer != Answer::Body || data.isEmpty())
        return;
    if (m_total >= 0 && m_received + data.size() > m_total) {
        m_error = tr("The server sent more than the %1 it announced for %2.")
                      .arg(size(m_total), where(m_request.url));
        m_answer = Answer::Failed;
        m_reply->abort();
        return;
    }
    const qint64 written = m_part.write(data);
    if (written > 0)
        m_received += written;
    if (written != data.size()) {
        m_error = tr("Cannot write %1: %2").arg(native(m_part.fileName()), m_part.errorString());
        m_answer = Answer::Failed;
        m_reply->abort();
        return;
    }
    emitProgress(false);
}

void EpisodeTransfer::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (m_answer == Answer::Body && reply->isOpen() && reply->bytesAvailable() > 0)
        onReadyRead();
    dropReply();
    m_part.close();
    if (m_cancelled) {
        m_result.cancelled = true;
        m_result.bytes = m_received;
        finish();
        return;
    }
    const int status = m_result.httpStatus;
    const QUrl url = reply->url();
    switch (m_answer) {
    case Answer::Redirect: {
        const QUrl target = url.resolved(QUrl::fromEncoded(reply->rawHeader("Location").trimmed()));
        if (!target.isValid()
            || (target.scheme() != QLatin1String("http")
                && target.scheme() != QLatin1String("https"))) {
            fail(tr("%1 redirects to an address that is not a web address: %2")
                     .arg(where(url), where(target)));
        } else if (m_visited.contains(target)) {
            fail(tr("%1 redirects in a loop.").arg(where(m_request.url)));
        } else if (m_visited.size() > MaximumRedirects) {
            fail(tr("%1 redirects more than %2 times.")
                     .arg(where(m_request.url))
                     .arg(MaximumRedirects));
        } else {
            m_visited.append(target);
            sendRequest(target);
        }
        return;
    }
    case Answer::WrongRange:
        restartFromZero(url);
        return;
    case Answer::RangeNotSatisfiable: {
        // The part may hold the whole file already (the rename was all that was missing).
        const ContentRange range = parseContentRange(reply->rawHeader("Content-Range"));
        const qint64 whole = range.total >= 0 ? range.total : m_total;
        if (m_askedRange && whole >= 0 && m_received == whole) {
            m_total = whole;
            complete();
        } else {
            restartFromZero(url);
        }
        return;
    }
    case Answer::Failed:
        if (!m_error.isEmpty())
            fail(m_error);
        else if (status == 404 || status == 410)
            fail(tr("The episode at %1 was not found (HTTP %2).").arg(where(url)).arg(status));
        else if (status == 401 || status == 403)
            fail(tr("The server at %1 refused access to the episode (HTTP %2).")
                     .arg(url.host())
                     .arg(status));
        else if (status >= 500)
            fail(
                tr("The server at %1 had an internal error (HTTP %2).").arg(url.host()).arg(status));
        else
            fail(tr("The server at %1 answered with HTTP status %2.").arg(url.host()).arg(status));
        return;
    case Answer::None:
        fail(networkError(reply));
        return;
    case Answer::Body:
        break;
    }
    const bool whole = m_total >= 0 ? m_received == m_total
                                    : reply->error() == QNetworkReply::NoError;
    if (whole) {
        complete();
        return;
    }
    // The connection dropped: go on where it stopped while each try brings bytes.
    const bool resumable = !m_lastModified.isEmpty()
                           || (!m_etag.isEmpty() && !m_etag.startsWith(QLatin1String("W/")));
    if (resumable && m_received > m_offset && m_resumes < MaximumResumes) {
        ++m_resumes;
        sendRequest(url);
        return;
    }
    if (reply->error() != QNetworkReply::NoError
        && reply->error() != QNetworkReply::RemoteHostClosedError) {
        fail(networkError(reply));
    } else {
        fail(tr("The download of %1 ended early: %2 of %3 arrived.")
                 .arg(where(m_request.url),
                      size(m_received),
                      m_total >= 0 ? size(m_total) : tr("an unknown size")));
    }
}

void EpisodeTransfer::restartFromZero(const QUrl &url)
{
    if (m_restarted) {
        fail(tr("The server at %1 keeps sending the wrong part of %2.")
                 .arg(url.host(), where(m_request.url)));
        return;
    }
    m_restarted = true;
    QFile::remove(QDir(m_request.folder).filePath(m_partName));
    m_received = 0;
    m_total = -1;
    m_etag.clear();
    m_lastModified.clear();
    sendRequest(url);
}

QString EpisodeTransfer::finalBaseName() const
{
    // The name the server gives the file, else the one from its address.
    QString name = m_serverName.isEmpty() ? m_partName.chopped(partSuffix.size()) : m_serverName;
    if (extensionOf(name).isEmpty()) {
        const QString suffix = suffixForMimeType(m_contentType);
        if (!suffix.isEmpty())
            name += QLatin1Char('.') + suffix;
    }
    return name;
}

// The part becomes the final file by a rename that never replaces another file: a file of the
// same name with the same bytes is this episode already, a different one gets " (2)" and on.
void EpisodeTransfer::complete()
{
    const QDir dir(m_request.folder);
    const QString partPath = dir.filePath(m_partName);
    const QString base = finalBaseName();
    for (int number = 1; number <= maximumNumberedNames; ++number) {
        const QString candidate = dir.filePath(numbered(base, number));
        const QFileInfo info(candidate);
        if (info.exists() || info.isSymLink()) {
            if (!info.isFile() || !sameContent(candidate, partPath))
                continue;
            QFile::remove(partPath);
        } else if (!QFile::rename(partPath, candidate)) {
            if (QFileInfo::exists(candidate))
                continue; // taken in the meantime
            QFile part(partPath);
            fail(tr("Cannot rename %1 to %2: %3")
                     .arg(native(partPath), native(candidate), part.errorString()));
            return;
        }
        QFile::remove(m_metaPath);
        m_result.filePath = QFileInfo(candidate).absoluteFilePath();
        m_result.bytes = QFileInfo(candidate).size();
        emitProgress(true);
        finish();
        return;
    }
    fail(tr("There are too many files named like %1 in %2.").arg(base, native(dir.path())));
}

QString EpisodeTransfer::networkError(QNetworkReply *reply) const
{
    const QString host = reply->url().host();
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return tr("The server at %1 did not answer within %2 seconds.")
            .arg(host, QLocale().toString(m_timeoutMs / 1000.0, 'g', 3));
    case QNetworkReply::ConnectionRefusedError:
        return tr("The server at %1 refused the connection.").arg(host);
    case QNetworkReply::HostNotFoundError:
        return tr("The host %1 was not found.").arg(host);
    case QNetworkReply::RemoteHostClosedError:
        return tr("The connection to %1 closed before the download was complete.").arg(host);
    default:
        return tr("Could not download %1: %2").arg(where(reply->url()), reply->errorString());
    }
}

void EpisodeTransfer::emitProgress(bool force)
{
    // Often enough for a smooth bar, rarely enough not to flood the receiving thread.
    if (!force && m_sinceProgress.isValid() && m_sinceProgress.elapsed() < 100)
        return;
    m_sinceProgress.start();
    Q_EMIT progress(m_request.id, m_received, m_total);
}

void EpisodeTransfer::fail(const QString &message)
{
    m_part.close();
    m_result.errorString = message;
    m_result.bytes = m_received;
    finish();
}

void EpisodeTransfer::finish()
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(m_result);
}

void EpisodeTransfer::dropReply()
{
    if (!m_reply)
        return;
    m_reply->disconnect(this);
    m_reply->deleteLater();
    m_reply = nullptr;
}
