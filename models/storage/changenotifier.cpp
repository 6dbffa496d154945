// Server notifications on PostgreSQL, data_version polling on SQLite, gathered into one signal.
#include "changenotifier.h"

#include "database.h"
#include "sqldialect.h"
#include "sqlquery.h"
#include "storageerror.h"

#include <QSqlDatabase>

namespace {

const QString channel = QStringLiteral("watercooler_changes");

} // namespace

ChangeNotifier::ChangeNotifier(const Database &database, QObject *parent)
    : QObject(parent)
    , m_connectionName(database.connectionName())
    , m_backend(database.backend())
{
    m_quietTimer.setSingleShot(true);
    m_quietTimer.setInterval(300);
    connect(&m_quietTimer, &QTimer::timeout, this, [this] {
        const QStringList tables = m_unknownTables ? QStringList() : m_tables;
        m_tables.clear();
        m_unknownTables = false;
        Q_EMIT changed(tables);
    });

    if (m_backend == DatabaseLocation::Backend::PostgreSql) {
        QSqlDriver *driver = QSqlDatabase::database(m_connectionName, false).driver();
        if (driver && driver->subscribeToNotification(channel)) {
            m_serverNotifications = true;
            connect(driver, &QSqlDriver::notification, this, &ChangeNotifier::notified);
            return;
        }
    }
    // Without server notifications: watch the database's change counter.
    m_pollTimer.setInterval(2000);
    connect(&m_pollTimer, &QTimer::timeout, this, &ChangeNotifier::poll);
    poll();
    m_pollTimer.start();
}

ChangeNotifier::~ChangeNotifier()
{
    if (m_serverNotifications) {
        if (QSqlDriver *driver = QSqlDatabase::database(m_connectionName, false).driver())
            driver->unsubscribeFromNotification(channel);
    }
}

void ChangeNotifier::poll()
{
    const QString statement = SqlDialect::changeCounterStatement(m_backend);
    if (statement.isEmpty())
        return;
    qint64 version = -1;
    try {
        version = SqlQuery(m_connectionName, statement).scalar().toLongLong();
    } catch (const StorageError &) {
        return; // a closed or broken connection is reported where it is used
    }
    if (m_dataVersion >= 0 && version != m_dataVersion) {
        m_unknownTables = true;
        m_quietTimer.start();
    }
    m_dataVersion = version;
}

void ChangeNotifier::notified(const QString &name,
                              QSqlDriver::NotificationSource source,
                              const QVariant &payload)
{
    // This connection's own changes are already on screen.
    if (name != channel || source == QSqlDriver::SelfSource)
        return;
    collect(payload.toString());
}

void ChangeNotifier::collect(const QString &table)
{
    if (table.isEmpty())
        m_unknownTables = true;
    else if (!m_tables.contains(table))
        m_tables << table;
    m_quietTimer.start();
}
