// Where a community database lives: an SQLite file or a PostgreSQL server, parsed from --database.
#pragma once

#include <QSqlDatabase>
#include <QString>

struct DatabaseLocation
{
    enum class Backend { Sqlite, PostgreSql };

    Backend backend = Backend::Sqlite;
    QString filePath; // SQLite
    QString host;     // PostgreSQL
    int port = 5432;
    QString databaseName;
    QString userName;
    QString password;
    QString options; // driver connect options, e.g. sslmode

    [[nodiscard]] static DatabaseLocation fromArgument(const QString &argument);
    [[nodiscard]] static DatabaseLocation sqlite(const QString &filePath);
    [[nodiscard]] static QString defaultSqlitePath();

    [[nodiscard]] bool isSqlite() const { return backend == Backend::Sqlite; }
    // Registers a connection named `name` to this database with the driver and its settings,
    // not yet opened.
    [[nodiscard]] QSqlDatabase addConnection(const QString &name) const;

    // For titles and messages; never contains the password.
    [[nodiscard]] QString displayName() const;
};
