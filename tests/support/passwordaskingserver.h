// A loopback server that speaks just enough of the PostgreSQL protocol to ask for a clear-text
// password, note the passwords it receives and refuse them all. It runs in its own thread, so
// code under test may connect to it blocking from any thread, the GUI thread included.
#pragma once

#include <QMutex>
#include <QStringList>
#include <QThread>

class PasswordAskingServer final
{
public:
    PasswordAskingServer();
    ~PasswordAskingServer();
    Q_DISABLE_COPY_MOVE(PasswordAskingServer)

    [[nodiscard]] bool isListening() const { return m_port != 0; }
    [[nodiscard]] quint16 port() const { return m_port; }
    // Every password a client sent, oldest first.
    [[nodiscard]] QStringList passwords() const;

private:
    class Worker;
    void record(const QString &password);

    QThread m_thread;
    Worker *m_worker = nullptr;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    QStringList m_passwords;
};
