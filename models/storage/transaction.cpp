// Flat nesting over the driver's transaction().
#include "transaction.h"

#include "storageerror.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>

namespace {

struct State
{
    int depth = 0;
    bool doomed = false;
    quint64 rollbacks = 0;
};

// Connections are per thread, so the state is per thread too.
thread_local QHash<QString, State> t_states;

} // namespace

Transaction::Transaction(const QString &connectionName)
    : m_connectionName(connectionName)
{
    State &state = t_states[connectionName];
    if (state.depth == 0) {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (!db.transaction()) {
            throw StorageError(
                QCoreApplication::translate("Transaction", "Could not start a transaction: %1")
                    .arg(db.lastError().text()));
        }
        state.doomed = false;
        m_outermost = true;
    }
    ++state.depth;
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    State &state = t_states[m_connectionName];
    --state.depth;
    if (m_outermost)
        rollback();
    else
        state.doomed = true;
}

void Transaction::rollback()
{
    QSqlDatabase::database(m_connectionName, false).rollback();
    ++t_states[m_connectionName].rollbacks;
}

void Transaction::commit()
{
    if (m_done)
        return;
    m_done = true;
    State &state = t_states[m_connectionName];
    --state.depth;
    if (!m_outermost)
        return;
    if (state.doomed) {
        rollback();
        throw StorageError(QCoreApplication::translate(
            "Transaction", "The changes were not saved because a step of them failed."));
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.commit()) {
        const QString error = db.lastError().text();
        rollback();
        throw StorageError(
            QCoreApplication::translate("Transaction", "Could not save the changes: %1").arg(error));
    }
}

quint64 Transaction::rollbackCount(const QString &connectionName)
{
    return t_states.value(connectionName).rollbacks;
}
