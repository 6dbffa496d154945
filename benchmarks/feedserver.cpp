// Serves generated feeds over HTTP on many loopback addresses, from a thread of its own.
#include "feedserver.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QMetaObject>

#include <ctime>

namespace {

const QByteArray lastModified = QByteArrayLiteral("Sun, 01 Mar 2026 09:30:00 GMT");

QByteArray etagOf(qint64 feedIndex)
{
    return "\"feed-" + QByteArray::number(feedIndex) + "-v1\"";
}

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    const QList<QPair<QByteArray, QByteArray>> headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

FeedServer::FeedServer(QList<QByteArray> bodies, int hostCount)
    : m_bodies(std::move(bodies))
    , m_hostCount(qBound(1, hostCount, 250))
    , m_context(std::make_unique<QObject>())
{
    m_context->moveToThread(&m_thread);
}

FeedServer::~FeedServer()
{
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(
            m_context.get(),
            [this] {
                delete m_server;
                m_server = nullptr;
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
}

QString FeedServer::host(int feedIndex) const
{
    return QStringLiteral("127.0.0.%1").arg(2 + feedIndex % m_hostCount);
}

QString FeedServer::url(int feedIndex) const
{
    return QStringLiteral("http://%1:%2/feed/%3").arg(host(feedIndex)).arg(m_port).arg(feedIndex);
}

void FeedServer::resetCounters()
{
    m_full = 0;
    m_notModified = 0;
}

double FeedServer::cpuSeconds()
{
    double seconds = 0;
    QMetaObject::invokeMethod(
        m_context.get(),
        [&seconds] {
            timespec now{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
            seconds = double(now.tv_sec) + double(now.tv_nsec) / 1e9;
        },
        Qt::BlockingQueuedConnection);
    return seconds;
}

bool FeedServer::start(QString *error)
{
    m_thread.start();
    bool ok = false;
    QMetaObject::invokeMethod(
        m_context.get(),
        [this, error, &ok] {
            m_server = new QHttpServer(m_context.get());
            m_server
                ->route(QStringLiteral("/feed/<arg>"),
                        [this](qint64 index, const QHttpServerRequest &request) {
                            using Status = QHttpServerResponse::StatusCode;
                            if (index < 0 || index >= m_bodies.size())
                                return QHttpServerResponse(Status::NotFound);
                            const QByteArray etag = etagOf(index);
                            if (header(request, "If-None-Match") == etag
                                || header(request, "If-Modified-Since") == lastModified) {
                                ++m_notModified;
                                QHttpServerResponse response(Status::NotModified);
                                response.addHeader(QByteArrayLiteral("ETag"), etag);
                                return response;
                            }
                            ++m_full;
                            QHttpServerResponse response(QByteArrayLiteral(
                                                             "application/rss+xml; charset=UTF-8"),
                                                         m_bodies.at(index));
                            response.addHeader(QByteArrayLiteral("ETag"), etag);
                            response.addHeader(QByteArrayLiteral("Last-Modified"), lastModified);
                            return response;
                        });
            for (int i = 0; i < m_hostCount; ++i) {
                const QHostAddress address(host(i));
                const quint16 port = m_server->listen(address, m_port);
                if (port == 0) {
                    *error = QStringLiteral("Cannot listen on %1:%2.").arg(host(i)).arg(m_port);
                    return;
                }
                m_port = port;
            }
            ok = true;
        },
        Qt::BlockingQueuedConnection);
    return ok;
}
