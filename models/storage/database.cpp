// Opening, checking and upgrading a community database.
#include "database.h"

#include "connectionerror.h"
#include "migrator.h"
#include "sqldialect.h"
#include "sqlquery.h"
#include "storageerror.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QThread>

namespace {

QAtomicInt s_instanceCounter;

} // namespace

Database::Database(DatabaseLocation location, QString migrationsDir)
    : m_location(std::move(location))
    , m_migrationsDir(std::move(migrationsDir))
    , m_baseName(QStringLiteral("watercooler-%1").arg(s_instanceCounter.fetchAndAddRelaxed(1)))
{}

Database::~Database()
{
    const QMutexLocker locker(&m_mutex);
    for (const QString &name : std::as_const(m_connections))
        QSqlDatabase::removeDatabase(name);
}

void Database::checkSqliteFile() const
{
    const QString path = m_location.filePath;
    if (path.isEmpty())
        throw StorageError(Database::tr("No database file was given."));
    const QFileInfo info(path);
    if (info.isDir())
        throw StorageError(Database::tr("%1 is a folder, not a database file.").arg(path));
    if (!info.exists()) {
        const QFileInfo dir(info.absolutePath());
        if (!dir.isDir())
            throw StorageError(Database::tr("Cannot create %1: the folder %2 does not exist.")
                                   .arg(path, dir.filePath()));
        if (!dir.isWritable())
            throw StorageError(Database::tr("Cannot create %1: the folder %2 is not writable.")
                                   .arg(path, dir.filePath()));
        return;
    }
    if (!info.isReadable())
        throw StorageError(Database::tr("%1 cannot be read: permission denied.").arg(path));
    if (!info.isWritable())
        throw StorageError(
            Database::tr("%1 is read-only: Watercooler needs to write to its database.").arg(path));
    if (info.size() > 0) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && !file.read(16).startsWith("SQLite format 3"))
            throw StorageError(Database::tr("%1 is not a Watercooler database.").arg(path));
    }
}

void Database::open()
{
    const bool sqlite = m_location.isSqlite();
    const bool existedBefore = sqlite && QFileInfo::exists(m_location.filePath);
    if (sqlite)
        checkSqliteFile();

    const QString name = connectionName();
    try {
        Migrator migrator(name, m_location.backend, m_migrationsDir);
        int current = 0;
        try {
            current = migrator.currentVersion();
        } catch (const StorageError &error) {
            throw StorageError(
                Database::tr("%1: %2").arg(m_location.displayName(), error.message()));
        }
        const int latest = migrator.latestVersion();
        if (current > latest) {
            throw StorageError(
                Database::tr("%1 was saved by a newer version of Watercooler (schema %2; this "
                             "version reads up to %3). Update Watercooler to open it.")
                    .arg(m_location.displayName())
                    .arg(current)
                    .arg(latest));
        }
        for (const QString &statement : SqlDialect::connectionSetup(m_location.backend))
            SqlQuery::execDirect(name, statement);
        if (current < latest && !mayUpgrade(name)) {
            throw StorageError(
                Database::tr("%1 needs an upgrade (schema %2 to %3), which this role may not do; "
                             "ask the database owner to open it once with Watercooler.")
                    .arg(m_location.displayName())
                    .arg(current)
                    .arg(latest));
        }
        if (current < latest && current > 0 && sqlite)
            backUpSqlite(current);
        migrator.migrate();
        m_readOnly = checkReadOnly(name);
        m_schemaVersion = latest;
    } catch (const StorageError &) {
        releaseThreadConnection();
        if (sqlite && !existedBefore)
            QFile::remove(m_location.filePath);
        throw;
    }
}

void Database::backUpSqlite(int fromVersion)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(
        QStringLiteral("yyyyMMdd-HHmmss"));
    const QString path
        = QStringLiteral("%1.v%2-%3.bak").arg(m_location.filePath).arg(fromVersion).arg(stamp);
    QFile::remove(path);
    SqlQuery backup(connectionName(), SqlDialect::sqliteBackupStatement());
    backup.bind(path).exec();
    m_backupPath = path;
}

bool Database::mayUpgrade(const QString &connection) const
{
    // Checked before the first statement of an upgrade, so a role that may only read gets a
    // message that says so instead of "permission denied" half-way, and nothing is written.
    if (m_location.isSqlite())
        return true;
    return SqlQuery(connection, SqlDialect::postgreSqlUpgradeAccessStatement()).scalar().toBool();
}

bool Database::checkReadOnly(const QString &connection) const
{
    if (m_location.isSqlite())
        return !QFileInfo(m_location.filePath).isWritable();
    return !SqlQuery(connection, SqlDialect::postgreSqlWriteAccessStatement()).scalar().toBool();
}

QString Database::threadConnectionName() const
{
    return m_baseName + QLatin1Char('@')
           + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()), 16);
}

QString Database::connectionName() const
{
    const QString name = threadConnectionName();
    {
        const QMutexLocker locker(&m_mutex);
        if (m_connections.contains(name))
            return name;
    }
    openConnection(name);
    const QMutexLocker locker(&m_mutex);
    m_connections.insert(name);
    return name;
}

void Database::openConnection(const QString &name) const
{
    QSqlDatabase db = m_location.addConnection(name);
    if (!db.open()) {
        const QSqlError error = db.lastError();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        throw ConnectionError(Database::tr("Cannot open %1: %2")
                                  .arg(m_location.displayName(), ConnectionError::describe(error)),
                              !m_location.isSqlite() && ConnectionError::isPasswordError(error));
    }
    try {
        SqlQuery(name, SqlDialect::probeStatement(m_location.backend)).exec();
        if (m_schemaVersion > 0) {
            for (const QString &statement : SqlDialect::connectionSetup(m_location.backend))
                SqlQuery::execDirect(name, statement);
        }
    } catch (const StorageError &error) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        throw StorageError(Database::tr("%1 is not a Watercooler database (%2).")
                               .arg(m_location.displayName(), error.message()));
    }
}

bool Database::isConnected() const
{
    try {
        SqlQuery(connectionName(), SqlDialect::probeStatement(m_location.backend)).exec();
    } catch (const StorageError &) {
        return false; // a probe fails only on a broken connection
    }
    return true;
}

void Database::reconnect() const
{
    const QString name = threadConnectionName();
    {
        const QMutexLocker locker(&m_mutex);
        if (!m_connections.contains(name))
            return; // the next connectionName() opens a fresh one
    }
    QSqlDatabase db = QSqlDatabase::database(name, false);
    db.close();
    if (!db.open()) {
        throw ConnectionLostError(ConnectionLostError::tr("Cannot reach %1 again: %2")
                                      .arg(m_location.displayName(), db.lastError().text()));
    }
    for (const QString &statement : SqlDialect::connectionSetup(m_location.backend))
        SqlQuery::execDirect(name, statement);
}

void Database::releaseThreadConnection() const
{
    const QString name = threadConnectionName();
    const QMutexLocker locker(&m_mutex);
    if (m_connections.remove(name)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
}
