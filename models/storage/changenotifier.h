// Tells when someone else changed the community database (another window, another person on
// the team database, a background job): PostgreSQL notifications, or SQLite's data_version
// watched on a timer.
#pragma once

#include "databaselocation.h"

#include <QObject>
#include <QSqlDriver>
#include <QStringList>
#include <QTimer>

class Database;

class ChangeNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeNotifier)

public:
    // Listens on the connection of the thread that creates it (normally the GUI thread).
    explicit ChangeNotifier(const Database &database, QObject *parent = nullptr);
    ~ChangeNotifier() override;

    [[nodiscard]] bool usesServerNotifications() const { return m_serverNotifications; }
    // How often SQLite is checked, and how long changes are gathered before changed() is sent.
    void setPollInterval(int milliseconds) { m_pollTimer.setInterval(milliseconds); }
    void setQuietPeriod(int milliseconds) { m_quietTimer.setInterval(milliseconds); }

Q_SIGNALS:
    // The tables that changed, or an empty list when that is not known.
    void changed(const QStringList &tables);

private:
    void poll();
    void notified(const QString &name,
                  QSqlDriver::NotificationSource source,
                  const QVariant &payload);
    void collect(const QString &table);

    QString m_connectionName;
    DatabaseLocation::Backend m_backend;
    bool m_serverNotifications = false;
    qint64 m_dataVersion = -1;
    QTimer m_pollTimer;
    QTimer m_quietTimer;
    QStringList m_tables;
    bool m_unknownTables = false;
};
