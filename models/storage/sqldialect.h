// The one place where SQLite and PostgreSQL differ: column types in migrations, connection
// set-up, backups and the statement splitter for migration files.
#pragma once

#include "databaselocation.h"

#include <QStringList>

class SqlDialect final
{
public:
    using Backend = DatabaseLocation::Backend;

    // Replaces the portable type placeholders used in migration files:
    //   {{PK}}   auto-numbered 64-bit primary key
    //   {{BLOB}} binary data
    [[nodiscard]] static QString expandMigration(const QString &sql, Backend backend);

    // Splits a migration file into single statements. Understands quotes, comments,
    // CREATE TRIGGER ... BEGIN ... END blocks and PostgreSQL $$ bodies.
    [[nodiscard]] static QStringList splitStatements(const QString &sql);

    // Statements run on every new connection (SQLite: WAL, foreign keys, busy timeout).
    [[nodiscard]] static QStringList connectionSetup(Backend backend);

    // A read that fails on a file that is not a database of this backend, before anything is
    // written to it.
    [[nodiscard]] static QString probeStatement(Backend backend);

    // SQLite only: writes a consistent copy of the database (WAL content included) to the file
    // bound as its one value.
    [[nodiscard]] static QString sqliteBackupStatement();

    // The SQL driver name for QSqlDatabase::addDatabase().
    [[nodiscard]] static QString driverName(Backend backend);
};
