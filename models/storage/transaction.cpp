// Outermost transactions use the driver's transaction(); inner ones use savepoints.
#include "transaction.h"

#include "sqlquery.h"
#include "storageerror.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>

namespace {

// Connections are per thread, so the depth is per thread too.
thread_local QHash<QString, int> t_depth;

} // namespace

Transaction::Transaction(const QString &connectionName)
    : m_connectionName(connectionName)
{
    int &depth = t_depth[connectionName];
    if (depth == 0) {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (!db.transaction()) {
            throw StorageError(
                QCoreApplication::translate("Transaction", "Could not start a transaction: %1")
                    .arg(db.lastError().text()));
        }
    } else {
        m_savepoint = QStringLiteral("wc_sp_%1").arg(depth);
        SqlQuery::execDirect(connectionName, QStringLiteral("SAVEPOINT ") + m_savepoint);
    }
    ++depth;
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    --t_depth[m_connectionName];
    if (m_savepoint.isEmpty()) {
        QSqlDatabase::database(m_connectionName, false).rollback();
    } else {
        try {
            SqlQuery::execDirect(m_connectionName,
                                 QStringLiteral("ROLLBACK TO SAVEPOINT ") + m_savepoint);
            SqlQuery::execDirect(m_connectionName,
                                 QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint);
        } catch (const StorageError &) {
            // The outer transaction will roll back anyway.
        }
    }
}

void Transaction::commit()
{
    if (m_savepoint.isEmpty()) {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (!db.commit()) {
            const QString error = db.lastError().text();
            db.rollback();
            m_done = true;
            --t_depth[m_connectionName];
            throw StorageError(
                QCoreApplication::translate("Transaction", "Could not save the changes: %1")
                    .arg(error));
        }
    } else {
        SqlQuery::execDirect(m_connectionName, QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint);
    }
    m_done = true;
    --t_depth[m_connectionName];
}
