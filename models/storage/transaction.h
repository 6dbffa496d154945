// RAII transaction: commits on commit(), rolls back when left without it. Transactions nest
// flat: an inner one joins the outermost (SQLite savepoints get slower the larger the
// transaction, and every caller here lets a failure end the whole unit of work anyway). An inner
// transaction left without commit() dooms the outer one, whose commit() then rolls back and
// throws.
#pragma once

#include <QString>

class Transaction final
{
public:
    explicit Transaction(const QString &connectionName);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    void commit();
    // False when it joined a transaction already open on the connection.
    [[nodiscard]] bool isOutermost() const { return m_outermost; }

    // How often an outermost transaction on this connection (in this thread) was rolled back;
    // caches of ids written earlier compare it to know when to forget them.
    [[nodiscard]] static quint64 rollbackCount(const QString &connectionName);

private:
    void rollback();

    QString m_connectionName;
    bool m_outermost = false;
    bool m_done = false;
};
