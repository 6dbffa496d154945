// Tests Migrator through Database: fresh schema, upgrade with backup, newer schema, failed upgrade.
#include "database.h"
#include "filesnapshot.h"
#include "migrator.h"
#include "rawsqlite.h"
#include "sqlquery.h"
#include "storageerror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

namespace {

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(contents) == contents.size();
}

// A migrations folder holding a copy of the shipped 0001 only, so tests can add a 0002.
bool copyInitialMigration(const QString &dir)
{
    return QDir().mkpath(dir)
           && QFile::copy(QStringLiteral(":/migrations/0001_initial.sql"),
                          QDir(dir).filePath(QStringLiteral("0001_initial.sql")))
           && QFile::setPermissions(QDir(dir).filePath(QStringLiteral("0001_initial.sql")),
                                    QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace

class tst_Migrator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void migrationsAreOrdered();
    void freshDatabaseGetsLatestSchema();
    void reopeningChangesNothing();
    void upgradeKeepsDataAndBacksUp();
    void newerSchemaIsRefusedUntouched();
    void failedMigrationRollsBack();
    void backendSpecificMigrations();

private:
    // Opens a database in m_dir with the migrations in migrationsDir; writes one member.
    bool createVersionOne(const QString &migrationsDir);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dbPath;
    QString m_migrationsDir;
};

void tst_Migrator::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_dbPath = m_dir->filePath(QStringLiteral("community.sqlite"));
    m_migrationsDir = m_dir->filePath(QStringLiteral("migrations"));
}

void tst_Migrator::cleanup()
{
    m_dir.reset();
}

bool tst_Migrator::createVersionOne(const QString &migrationsDir)
{
    if (!copyInitialMigration(migrationsDir))
        return false;
    Database database(DatabaseLocation::sqlite(m_dbPath), migrationsDir);
    try {
        database.open();
    } catch (const StorageError &error) {
        qWarning("%s", qPrintable(error.message()));
        return false;
    }
    if (database.schemaVersion() != 1)
        return false;
    RawSqlite raw(m_dbPath);
    return raw.exec(
        QStringLiteral("INSERT INTO members (display_name, sort_name, created_at, updated_at) "
                       "VALUES ('Ada Lovelace', 'ada lovelace', 1, 1)"));
}

void tst_Migrator::backendSpecificMigrations()
{
    QVERIFY(copyInitialMigration(m_migrationsDir));
    const QDir dir(m_migrationsDir);
    // Version 2 only matters to PostgreSQL; version 3 has a variant for each backend.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("0002_server_only.postgresql.sql")),
                      "CREATE TABLE server_only (id INTEGER);"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("0003_both.sqlite.sql")),
                      "CREATE TABLE on_sqlite (id INTEGER);"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("0003_both.postgresql.sql")),
                      "CREATE TABLE on_postgresql (id INTEGER);"));

    const Migrator forPostgreSql(QString(), DatabaseLocation::Backend::PostgreSql, m_migrationsDir);
    const auto serverList = forPostgreSql.migrations();
    QCOMPARE(serverList.size(), 3);
    QVERIFY(serverList.at(1).filePath.endsWith(QLatin1String("0002_server_only.postgresql.sql")));
    QVERIFY(serverList.at(2).filePath.endsWith(QLatin1String("0003_both.postgresql.sql")));

    Database database(DatabaseLocation::sqlite(m_dbPath), m_migrationsDir);
    database.open();
    QCOMPARE(database.schemaVersion(), 3);
    const QStringList tables = QSqlDatabase::database(database.connectionName()).tables();
    QVERIFY(tables.contains(QLatin1String("on_sqlite")));
    QVERIFY(!tables.contains(QLatin1String("on_postgresql")));
    QVERIFY(!tables.contains(QLatin1String("server_only")));
    SqlQuery versions(database.connectionName(),
                      QStringLiteral("SELECT COUNT(*) FROM schema_migrations"));
    QCOMPARE(versions.scalar().toInt(), 3);
}

void tst_Migrator::migrationsAreOrdered()
{
    QVERIFY(copyInitialMigration(m_migrationsDir));
    QVERIFY(
        writeFile(QDir(m_migrationsDir).filePath(QStringLiteral("0010_later.sql")), "SELECT 1;"));
    QVERIFY(writeFile(QDir(m_migrationsDir).filePath(QStringLiteral("0002_next.sql")), "SELECT 1;"));
    // Files that do not follow the naming scheme are not migrations.
    QVERIFY(writeFile(QDir(m_migrationsDir).filePath(QStringLiteral("README.sql")), "SELECT 1;"));
    QVERIFY(
        writeFile(QDir(m_migrationsDir).filePath(QStringLiteral("0003_Upper.sql")), "SELECT 1;"));

    const Migrator migrator(QString(), DatabaseLocation::Backend::Sqlite, m_migrationsDir);
    const QList<Migrator::Migration> list = migrator.migrations();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(0).version, 1);
    QCOMPARE(list.at(0).name, QStringLiteral("initial"));
    QCOMPARE(list.at(1).version, 2);
    QCOMPARE(list.at(1).name, QStringLiteral("next"));
    QCOMPARE(list.at(2).version, 10);
    QCOMPARE(migrator.latestVersion(), 10);
}

void tst_Migrator::freshDatabaseGetsLatestSchema()
{
    Database database(DatabaseLocation::sqlite(m_dbPath));
    database.open();

    const Migrator shipped(database.connectionName(), DatabaseLocation::Backend::Sqlite);
    QVERIFY(shipped.latestVersion() >= 1);
    QCOMPARE(database.schemaVersion(), shipped.latestVersion());
    QCOMPARE(shipped.currentVersion(), shipped.latestVersion());
    QVERIFY(database.backupPath().isEmpty());

    RawSqlite raw(m_dbPath);
    QVERIFY(raw.isOpen());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")).toInt(),
             shipped.migrations().size());
    const QStringList tables = raw.tables();
    const QStringList expected{QStringLiteral("sources"),
                               QStringLiteral("members"),
                               QStringLiteral("identities"),
                               QStringLiteral("tags"),
                               QStringLiteral("member_tags"),
                               QStringLiteral("discussions"),
                               QStringLiteral("discussion_tags"),
                               QStringLiteral("posts"),
                               QStringLiteral("post_tags"),
                               QStringLiteral("mentions"),
                               QStringLiteral("hashtags"),
                               QStringLiteral("post_hashtags"),
                               QStringLiteral("post_links"),
                               QStringLiteral("folders"),
                               QStringLiteral("feeds"),
                               QStringLiteral("feed_items"),
                               QStringLiteral("enclosures"),
                               QStringLiteral("frameworks"),
                               QStringLiteral("framework_stages"),
                               QStringLiteral("competencies"),
                               QStringLiteral("competency_criteria"),
                               QStringLiteral("assessors"),
                               QStringLiteral("assessments"),
                               QStringLiteral("scores"),
                               QStringLiteral("schema_migrations")};
    for (const QString &table : expected)
        QVERIFY2(tables.contains(table), qPrintable(table));
}

void tst_Migrator::reopeningChangesNothing()
{
    QVERIFY(createVersionOne(m_migrationsDir));
    Database database(DatabaseLocation::sqlite(m_dbPath), m_migrationsDir);
    database.open();
    QCOMPARE(database.schemaVersion(), 1);
    // Nothing to upgrade, so no backup either.
    QVERIFY(database.backupPath().isEmpty());
    QCOMPARE(FileSnapshot::entries(m_dir->path()).filter(QLatin1String(".bak")), QStringList());
    RawSqlite raw(m_dbPath);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")).toInt(), 1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM members")).toInt(), 1);
}

void tst_Migrator::upgradeKeepsDataAndBacksUp()
{
    QVERIFY(createVersionOne(m_migrationsDir));
    QVERIFY(writeFile(QDir(m_migrationsDir).filePath(QStringLiteral("0002_member_pronouns.sql")),
                      "-- Members may say how they want to be addressed.\n"
                      "ALTER TABLE members ADD COLUMN pronouns TEXT;\n"
                      "CREATE TABLE member_links (\n"
                      "    id {{PK}},\n"
                      "    member_id BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,\n"
                      "    url TEXT NOT NULL\n"
                      ");\n"));

    QString backupPath;
    {
        Database database(DatabaseLocation::sqlite(m_dbPath), m_migrationsDir);
        database.open();
        QCOMPARE(database.schemaVersion(), 2);
        backupPath = database.backupPath();
    }

    RawSqlite upgraded(m_dbPath);
    QVERIFY(upgraded.isOpen());
    QCOMPARE(upgraded.scalar(QStringLiteral("SELECT MAX(version) FROM schema_migrations")).toInt(),
             2);
    QCOMPARE(upgraded.scalar(QStringLiteral("SELECT display_name FROM members")).toString(),
             QStringLiteral("Ada Lovelace"));
    QVERIFY(upgraded.columns(QStringLiteral("members")).contains(QLatin1String("pronouns")));
    QVERIFY(upgraded.tables().contains(QLatin1String("member_links")));

    QVERIFY(!backupPath.isEmpty());
    QVERIFY(QFileInfo(backupPath).isFile());
    QVERIFY(backupPath != m_dbPath);
    RawSqlite backup(backupPath);
    QVERIFY2(backup.isOpen(), qPrintable(backup.errorString()));
    QCOMPARE(backup.scalar(QStringLiteral("SELECT MAX(version) FROM schema_migrations")).toInt(), 1);
    QCOMPARE(backup.scalar(QStringLiteral("SELECT COUNT(*) FROM members")).toInt(), 1);
    QVERIFY(!backup.columns(QStringLiteral("members")).contains(QLatin1String("pronouns")));
    QVERIFY(!backup.tables().contains(QLatin1String("member_links")));
}

void tst_Migrator::newerSchemaIsRefusedUntouched()
{
    QVERIFY(createVersionOne(m_migrationsDir));
    {
        RawSqlite raw(m_dbPath);
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) "
                                        "VALUES (999, 'future', 0)")));
        // Everything into the main file, so the snapshot below is the whole database.
        QVERIFY(raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    const QStringList entriesBefore = FileSnapshot::entries(m_dir->path());
    const FileSnapshot before = FileSnapshot::take(m_dbPath);
    QVERIFY(before.exists);

    Database database(DatabaseLocation::sqlite(m_dbPath), m_migrationsDir);
    try {
        database.open();
        QFAIL("A database from a newer version was opened");
    } catch (const StorageError &error) {
        QVERIFY2(error.message().contains(QLatin1String("newer version")),
                 qPrintable(error.message()));
        QVERIFY2(error.message().contains(QLatin1String("999")), qPrintable(error.message()));
    }

    const FileSnapshot after = FileSnapshot::take(m_dbPath);
    QCOMPARE(after.contents, before.contents);
    QCOMPARE(after.modified, before.modified);
    QCOMPARE(FileSnapshot::entries(m_dir->path()), entriesBefore);
    QVERIFY(database.backupPath().isEmpty());
}

void tst_Migrator::failedMigrationRollsBack()
{
    QVERIFY(createVersionOne(m_migrationsDir));
    QVERIFY(writeFile(QDir(m_migrationsDir).filePath(QStringLiteral("0002_broken.sql")),
                      "CREATE TABLE added_by_two (id {{PK}}, note TEXT);\n"
                      "INSERT INTO added_by_two (note) VALUES ('kept?');\n"
                      "UPDATE no_such_table SET x = 1;\n"));

    {
        Database database(DatabaseLocation::sqlite(m_dbPath), m_migrationsDir);
        try {
            database.open();
            QFAIL("A broken migration was applied");
        } catch (const StorageError &error) {
            QVERIFY2(error.message().contains(QLatin1String("version 2")),
                     qPrintable(error.message()));
            QVERIFY2(error.message().contains(QLatin1String("no_such_table")),
                     qPrintable(error.message()));
        }
    }

    RawSqlite raw(m_dbPath);
    QVERIFY(raw.isOpen());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_migrations")).toInt(), 1);
    QVERIFY(!raw.tables().contains(QLatin1String("added_by_two")));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT display_name FROM members")).toString(),
             QStringLiteral("Ada Lovelace"));

    // Once the migration is fixed, the same file upgrades normally.
    QVERIFY(writeFile(QDir(m_migrationsDir).filePath(QStringLiteral("0002_broken.sql")),
                      "CREATE TABLE added_by_two (id {{PK}}, note TEXT);\n"));
    Database database(DatabaseLocation::sqlite(m_dbPath), m_migrationsDir);
    database.open();
    QCOMPARE(database.schemaVersion(), 2);
    QVERIFY(raw.tables().contains(QLatin1String("added_by_two")));
}

QTEST_GUILESS_MAIN(tst_Migrator)
#include "tst_migrator.moc"
