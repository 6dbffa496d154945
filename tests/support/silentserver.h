// A TCP server on 127.0.0.1 that accepts connections and never answers: what talks to it only
// ends by a timeout or by being cancelled.
#pragma once

#include <QList>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

class SilentServer final : public QTcpServer
{
    Q_OBJECT

public:
    explicit SilentServer(QObject *parent = nullptr);

    [[nodiscard]] QUrl url(const QString &path = QStringLiteral("/")) const;
    [[nodiscard]] int connections() const { return int(m_sockets.size()); }

private:
    QList<QTcpSocket *> m_sockets;
};
