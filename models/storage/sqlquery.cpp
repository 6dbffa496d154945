// Thin exception-raising wrapper around QSqlQuery.
#include "sqlquery.h"

#include "storageerror.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>

namespace {

QString describe(const QSqlError &error, const QString &sql)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    return QCoreApplication::translate("SqlQuery", "Database error: %1 (in: %2)")
        .arg(text, sql.simplified().left(160));
}

// True when the statement failed because the connection itself is gone, not the statement.
bool connectionLost(const QSqlError &error)
{
    if (error.type() == QSqlError::ConnectionError)
        return true;
    // The PostgreSQL driver reports a statement on a dead connection with no text at all.
    if (error.databaseText().trimmed().isEmpty() && error.driverText().trimmed().isEmpty())
        return true;
    const QString state = error.nativeErrorCode();
    if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P")))
        return true; // SQLSTATE connection exception, operator intervention
    const QString text = error.databaseText() + error.driverText();
    for (const char *sign : {"no connection to the server",
                             "server closed the connection",
                             "terminating connection",
                             "connection to server"}) {
        if (text.contains(QLatin1String(sign), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

[[noreturn]] void raise(const QSqlError &error, const QString &sql)
{
    if (connectionLost(error)) {
        throw ConnectionLostError(ConnectionLostError::tr(
            "The connection to the database server was lost. Nothing was saved by the last "
            "step; reconnect to go on."));
    }
    throw StorageError(describe(error, sql));
}

} // namespace

SqlQuery::SqlQuery(const QString &connectionName, const QString &sql)
    : m_query(QSqlDatabase::database(connectionName, false))
    , m_sql(sql)
{
    m_query.setForwardOnly(true);
    if (!m_query.prepare(sql))
        raise(m_query.lastError(), sql);
}

SqlQuery &SqlQuery::bind(const QVariant &value)
{
    m_query.bindValue(m_bindIndex++, value);
    return *this;
}

SqlQuery &SqlQuery::bindNull(QMetaType type)
{
    return bind(QVariant(type));
}

void SqlQuery::exec()
{
    // Positions restart, so a prepared statement can be bound and run again.
    m_bindIndex = 0;
    if (!m_query.exec())
        raise(m_query.lastError(), m_sql);
}

QVariant SqlQuery::scalar()
{
    exec();
    const QVariant value = m_query.next() ? m_query.value(0) : QVariant();
    m_query.finish();
    return value;
}

void SqlQuery::execDirect(const QString &connectionName, const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(connectionName, false));
    if (!query.exec(sql))
        raise(query.lastError(), sql);
}
