// The PostgreSQL start-up and password exchange, server side, ending in "password authentication
// failed".
#include "passwordaskingserver.h"

#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtEndian>

class PasswordAskingServer::Worker final : public QObject
{
public:
    explicit Worker(PasswordAskingServer *owner)
        : m_owner(owner)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    m_buffers.remove(socket);
                    m_started.remove(socket);
                    socket->deleteLater();
                });
            }
        });
    }

    quint16 listen()
    {
        return m_server.listen(QHostAddress::LocalHost) ? m_server.serverPort() : 0;
    }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const bool started = m_started.value(socket);
            // Before start-up a message is length + body; after it, a type byte comes first.
            const int header = started ? 5 : 4;
            if (buffer.size() < header)
                return;
            const quint32 length = qFromBigEndian<quint32>(buffer.constData() + header - 4);
            const qsizetype total = header - 4 + qsizetype(length);
            if (buffer.size() < total)
                return;
            const QByteArray message = buffer.left(total);
            buffer.remove(0, total);
            if (!started) {
                const quint32 code = qFromBigEndian<quint32>(message.constData() + 4);
                if (code == 80877103 || code == 80877104) { // SSL or GSS encryption request
                    socket->write("N");
                    continue;
                }
                m_started[socket] = true;
                QByteArray request("R");
                appendInt(request, 8);
                appendInt(request, 3); // AuthenticationCleartextPassword
                socket->write(request);
                continue;
            }
            if (message.at(0) == 'p') {
                m_owner->record(QString::fromUtf8(message.mid(5).chopped(1)));
                QByteArray fields;
                for (const char *field : {"SFATAL",
                                          "VFATAL",
                                          "C28P01",
                                          "Mpassword authentication failed for user \"reader\""}) {
                    fields += field;
                    fields += '\0';
                }
                fields += '\0';
                QByteArray error("E");
                appendInt(error, quint32(4 + fields.size()));
                socket->write(error + fields);
                socket->disconnectFromHost();
                return;
            }
        }
    }

    static void appendInt(QByteArray &bytes, quint32 value)
    {
        char data[4];
        qToBigEndian(value, data);
        bytes.append(data, 4);
    }

    PasswordAskingServer *m_owner;
    QTcpServer m_server{this}; // a child, so it moves to the thread with the worker
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QTcpSocket *, bool> m_started;
};

PasswordAskingServer::PasswordAskingServer()
    : m_worker(new Worker(this))
{
    m_worker->moveToThread(&m_thread);
    // The worker and its sockets go in their own thread, when it ends.
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker, [this] { m_port = m_worker->listen(); }, Qt::BlockingQueuedConnection);
}

PasswordAskingServer::~PasswordAskingServer()
{
    m_thread.quit();
    m_thread.wait();
}

QStringList PasswordAskingServer::passwords() const
{
    const QMutexLocker locker(&m_mutex);
    return m_passwords;
}

void PasswordAskingServer::record(const QString &password)
{
    const QMutexLocker locker(&m_mutex);
    m_passwords << password;
}
