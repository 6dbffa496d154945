// A community database: opens SQLite or PostgreSQL, checks and migrates the schema, and
// hands out one connection per thread (a QSqlDatabase may only be used where it was made).
#pragma once

#include "databaselocation.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSet>
#include <QString>

class Database final
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    explicit Database(DatabaseLocation location,
                      QString migrationsDir = QStringLiteral(":/migrations"));
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Opens the database, refuses files that are not ours or too new, backs up and upgrades an
    // older schema. Throws StorageError with a message for the user; a refused file is not
    // modified.
    void open();

    // The connection of the calling thread, opened on first use.
    [[nodiscard]] QString connectionName() const;
    // Whether the calling thread's connection still reaches the database.
    [[nodiscard]] bool isConnected() const;
    // Opens the calling thread's connection again after it was lost (ConnectionLostError).
    // Throws ConnectionLostError while the server is still out of reach.
    void reconnect() const;
    // Closes the calling thread's connection (worker threads call this when they finish).
    void releaseThreadConnection() const;

    [[nodiscard]] const DatabaseLocation &location() const { return m_location; }
    [[nodiscard]] DatabaseLocation::Backend backend() const { return m_location.backend; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }
    // The copy made before the last upgrade, or empty when none was needed.
    [[nodiscard]] QString backupPath() const { return m_backupPath; }
    // True when the current PostgreSQL role may only read (or the SQLite file is read-only); known
    // after open(). The panes then offer no edits, so nobody sees failing writes.
    [[nodiscard]] bool isReadOnly() const { return m_readOnly; }

private:
    [[nodiscard]] QString threadConnectionName() const;
    void checkSqliteFile() const;
    void openConnection(const QString &name) const;
    void backUpSqlite(int fromVersion);
    [[nodiscard]] bool mayUpgrade(const QString &connection) const;
    [[nodiscard]] bool checkReadOnly(const QString &connection) const;

    DatabaseLocation m_location;
    QString m_migrationsDir;
    QString m_baseName;
    int m_schemaVersion = 0;
    QString m_backupPath;
    bool m_readOnly = false;
    mutable QMutex m_mutex;
    mutable QSet<QString> m_connections;
};
