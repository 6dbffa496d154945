// Copies a whole community from one database to another (SQLite or PostgreSQL either way), ids
// kept, in one transaction on the target.
#pragma once

#include "databaselocation.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class Database;

class DatabaseCopier final
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseCopier)

public:
    // Called with rows copied and rows to copy; returning false cancels the copy
    // (OperationCancelled is thrown and nothing is written to the target).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    struct TableCount
    {
        QString table;
        qint64 rows = 0;
    };

    struct Summary
    {
        QString target;           // the target's display name (never with a password)
        QList<TableCount> tables; // every copied table, in copy order, empty ones included
        [[nodiscard]] qint64 total() const;
        [[nodiscard]] qint64 rows(const QString &table) const;
    };

    // The copier opens the source if it is not open yet, and opens (creates, migrates) the
    // target itself, in the thread that uses the copier.
    DatabaseCopier(Database &source, DatabaseLocation target);
    ~DatabaseCopier();
    Q_DISABLE_COPY_MOVE(DatabaseCopier)

    // Deletes the target's rows first (in the same transaction) instead of refusing a target
    // that already holds a community.
    void setReplace(bool replace) { m_replace = replace; }
    // Rows read per query and so held in memory at once.
    void setBatchSize(int rows);

    [[nodiscard]] const DatabaseLocation &targetLocation() const { return m_targetLocation; }

    // Opens the target and tells whether any copied table holds a row. Throws StorageError.
    [[nodiscard]] bool targetIsEmpty();

    // Copies every table. Throws StorageError (OperationCancelled when cancelled); then nothing
    // is written, and a target file the copier created is removed again.
    Summary copy(const Progress &progress = {});

    // Every table of a community, parents before children: the one list the copy follows.
    [[nodiscard]] static QStringList tables();
    // Tables of the database on this connection that tables() does not name (the schema's
    // bookkeeping and the engine's own tables aside): empty unless the list is out of date.
    [[nodiscard]] static QStringList unknownTables(const QString &connectionName,
                                                   DatabaseLocation::Backend backend);

private:
    struct TableCopy;

    Database &openTarget();
    void checkNotSameDatabase() const;
    [[nodiscard]] bool hasRows(const QString &connectionName) const;
    qint64 copyTable(const TableCopy &table,
                     const QString &targetConnection,
                     qint64 done,
                     qint64 total,
                     const Progress &progress) const;
    void removeCreatedTarget();

    Database &m_source;
    DatabaseLocation m_targetLocation;
    std::unique_ptr<Database> m_target;
    bool m_targetCreated = false;
    bool m_replace = false;
    int m_batchSize = 1000;
};
