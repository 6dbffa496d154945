// Serves generated feeds over HTTP on many loopback addresses, from a thread of its own.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

class QHttpServer;

class FeedServer final
{
public:
    // Feed i is served at http://127.0.0.<2 + i % hostCount>:<port>/feed/<i>, with an ETag and a
    // Last-Modified date; a request that repeats either is answered 304 Not Modified.
    FeedServer(QList<QByteArray> bodies, int hostCount);
    ~FeedServer();
    Q_DISABLE_COPY_MOVE(FeedServer)

    // Starts the thread and listens; false with a message when an address cannot be bound.
    bool start(QString *error);
    [[nodiscard]] QString url(int feedIndex) const;

    [[nodiscard]] int fullResponses() const { return m_full.load(); }
    [[nodiscard]] int notModifiedResponses() const { return m_notModified.load(); }
    void resetCounters();
    // Processor time the server thread has used so far.
    [[nodiscard]] double cpuSeconds();

private:
    [[nodiscard]] QString host(int feedIndex) const;

    QList<QByteArray> m_bodies;
    int m_hostCount = 1;
    quint16 m_port = 0;
    QThread m_thread;
    std::unique_ptr<QObject> m_context; // lives on m_thread; parent of the server
    QHttpServer *m_server = nullptr;
    std::atomic<int> m_full = 0;
    std::atomic<int> m_notModified = 0;
};
