// RAII transaction: commits on commit(), rolls back when left without it. Nested
// transactions on the same connection become savepoints, so a writer can run inside a
// larger unit of work (e.g. the whole demo community) and still be atomic on its own.
#pragma once

#include <QString>

class Transaction final
{
public:
    explicit Transaction(const QString &connectionName);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    void commit();

private:
    QString m_connectionName;
    QString m_savepoint; // empty for the outermost transaction
    bool m_done = false;
};
