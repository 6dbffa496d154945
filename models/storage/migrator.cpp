// Reads numbered migrations ("0001_initial.sql") and applies the pending ones.
#include "migrator.h"

#include "sqldialect.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSqlDatabase>

#include <algorithm>

Migrator::Migrator(QString connectionName, DatabaseLocation::Backend backend, QString migrationsDir)
    : m_connectionName(std::move(connectionName))
    , m_backend(backend)
    , m_migrationsDir(std::move(migrationsDir))
{}

QList<Migrator::Migration> Migrator::migrations() const
{
    // "0002_name.sql" applies to both backends; "0002_name.postgresql.sql" or
    // "0002_name.sqlite.sql" to one. A version that only the other backend needs is still
    // recorded here, with nothing to run, so both count versions alike.
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4})_([a-z0-9_]+)(?:\\.(sqlite|postgresql))?\\.sql$"));
    const QString ownBackend = m_backend == DatabaseLocation::Backend::Sqlite
                                   ? QStringLiteral("sqlite")
                                   : QStringLiteral("postgresql");
    QMap<int, Migration> byVersion;
    const QDir dir(m_migrationsDir);
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto match = pattern.match(file);
        if (!match.hasMatch())
            continue;
        const int version = match.captured(1).toInt();
        const QString backend = match.captured(3);
        Migration &migration = byVersion[version];
        migration.version = version;
        migration.name = match.captured(2);
        if (backend.isEmpty() || backend == ownBackend)
            migration.filePath = dir.filePath(file);
    }
    return byVersion.values();
}

int Migrator::latestVersion() const
{
    const auto list = migrations();
    return list.isEmpty() ? 0 : list.constLast().version;
}

int Migrator::currentVersion() const
{
    const QStringList tables = QSqlDatabase::database(m_connectionName, false).tables();
    if (!tables.contains(QLatin1String("schema_migrations"))) {
        if (!tables.isEmpty()) {
            throw StorageError(QCoreApplication::translate(
                "Migrator", "This database holds other data and is not a Watercooler database."));
        }
        return 0;
    }
    SqlQuery query(m_connectionName, QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    return query.scalar().toInt();
}

void Migrator::migrate() const
{
    const int current = currentVersion();
    const auto list = migrations();
    for (const Migration &migration : list) {
        if (migration.version > current)
            apply(migration);
    }
}

void Migrator::apply(const Migration &migration) const
{
    QString sql;
    if (!migration.filePath.isEmpty()) {
        QFile file(migration.filePath);
        if (!file.open(QIODevice::ReadOnly)) {
            throw StorageError(QCoreApplication::translate("Migrator", "Cannot read migration %1.")
                                   .arg(migration.filePath));
        }
        sql = SqlDialect::expandMigration(QString::fromUtf8(file.readAll()), m_backend);
    }

    Transaction transaction(m_connectionName);
    SqlQuery::execDirect(m_connectionName,
                         QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                        " version INTEGER PRIMARY KEY,"
                                        " name TEXT NOT NULL,"
                                        " applied_at BIGINT NOT NULL)"));
    const QStringList statements = SqlDialect::splitStatements(sql);
    for (const QString &statement : statements) {
        try {
            SqlQuery::execDirect(m_connectionName, statement);
        } catch (const StorageError &error) {
            throw StorageError(QCoreApplication::translate("Migrator",
                                                           "Upgrading the database to version %1 "
                                                           "failed: %2")
                                   .arg(migration.version)
                                   .arg(error.message()));
        }
    }
    SqlQuery
        insert(m_connectionName,
               QStringLiteral(
                   "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
    insert.bind(migration.version)
        .bind(migration.name)
        .bind(QDateTime::currentSecsSinceEpoch())
        .exec();
    transaction.commit();
}
