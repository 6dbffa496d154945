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

} // namespace

SqlQuery::SqlQuery(const QString &connectionName, const QString &sql)
    : m_query(QSqlDatabase::database(connectionName, false))
    , m_sql(sql)
{
    m_query.setForwardOnly(true);
    if (!m_query.prepare(sql))
        throw StorageError(describe(m_query.lastError(), sql));
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
        throw StorageError(describe(m_query.lastError(), m_sql));
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
        throw StorageError(describe(query.lastError(), sql));
}
