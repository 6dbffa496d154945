// Brings a database schema up to date from numbered SQL files, one transaction per file.
#pragma once

#include "databaselocation.h"

#include <QList>
#include <QString>

class Migrator final
{
public:
    struct Migration
    {
        int version = 0;
        QString name;
        QString filePath; // empty when only the other backend has something to do
    };

    Migrator(QString connectionName,
             DatabaseLocation::Backend backend,
             QString migrationsDir = QStringLiteral(":/migrations"));

    [[nodiscard]] QList<Migration> migrations() const;
    [[nodiscard]] int latestVersion() const;
    // 0 for an empty database. Throws StorageError if the database holds tables but is not ours.
    [[nodiscard]] int currentVersion() const;
    // Applies every migration newer than currentVersion(). Throws StorageError on failure;
    // the failing migration is rolled back and earlier ones stay applied.
    void migrate() const;

private:
    void apply(const Migration &migration) const;

    QString m_connectionName;
    DatabaseLocation::Backend m_backend;
    QString m_migrationsDir;
};
