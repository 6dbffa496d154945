// Tests read-only access on PostgreSQL: a role granted SELECT only opens an up-to-date database
// read-only and reads pages, its writes fail with "permission denied", and an upgrade it may not
// do is refused with a clear message before anything is written.
#include "database.h"
#include "demogenerator.h"
#include "discussionrepository.h"
#include "memberrepository.h"
#include "migrator.h"
#include "postgresadmin.h"
#include "sqlquery.h"
#include "storageerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class tst_ReadOnlyAccess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void readerOpensReadOnly();
    void readerReadsPages();
    void readerWritesAreRefused();
    void ownerOpensWritable();
    void readerCannotUpgrade();
    void ownerUpgrades();
    void readerCannotSetUpEmptyDatabase();

private:
    // Runs one statement as the superuser, on the maintenance database unless one is named.
    [[nodiscard]] static bool execAdmin(const QString &sql, const QString &databaseName = {});
    // The shipped migrations plus one more, which only adds a table.
    [[nodiscard]] bool writeMigrationsWithExtra();
    [[nodiscard]] static QVariant scalar(const Database &database, const QString &sql);

    QString m_databaseName;
    QString m_emptyDatabaseName;
    QString m_reader;
    QTemporaryDir m_dir;
    QString m_migrationsDir;
    int m_latest = 0;
    bool m_createdDatabase = false;
    bool m_createdEmptyDatabase = false;
    bool m_createdReader = false;
};

bool tst_ReadOnlyAccess::execAdmin(const QString &sql, const QString &databaseName)
{
    QString error;
    if (PostgresAdmin::exec(sql, &error, databaseName))
        return true;
    qWarning("%s: %s", qPrintable(sql), qPrintable(error));
    return false;
}

QVariant tst_ReadOnlyAccess::scalar(const Database &database, const QString &sql)
{
    return SqlQuery(database.connectionName(), sql).scalar();
}

bool tst_ReadOnlyAccess::writeMigrationsWithExtra()
{
    m_migrationsDir = m_dir.filePath(QStringLiteral("migrations"));
    if (!QDir().mkpath(m_migrationsDir))
        return false;
    const QDir shipped(QStringLiteral(":/migrations"));
    const QStringList files = shipped.entryList(QDir::Files);
    for (const QString &file : files) {
        const QString target = QDir(m_migrationsDir).filePath(file);
        if (!QFile::copy(shipped.filePath(file), target)
            || !QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner))
            return false;
    }
    QFile extra(
        QDir(m_migrationsDir)
            .filePath(
                QStringLiteral("%1_readonly_extra.sql").arg(m_latest + 1, 4, 10, QLatin1Char('0'))));
    return extra.open(QIODevice::WriteOnly)
           && extra.write("CREATE TABLE readonly_extra (id INTEGER PRIMARY KEY);\n") > 0;
}

void tst_ReadOnlyAccess::initTestCase()
{
    if (!PostgresAdmin::isConfigured())
        QFAIL("WATERCOOLER_TEST_POSTGRES_URL is not set: run the tests with .ci/test, which starts "
              "a PostgreSQL server for them.");
    QVERIFY(m_dir.isValid());
    const qint64 pid = QCoreApplication::applicationPid();
    m_databaseName = QStringLiteral("wc_readonly_%1").arg(pid);
    m_emptyDatabaseName = QStringLiteral("wc_readonly_empty_%1").arg(pid);
    m_reader = QStringLiteral("wc_reader_%1").arg(pid);
    m_latest = Migrator(QString(), DatabaseLocation::Backend::PostgreSql).latestVersion();
    QVERIFY(m_latest > 0);
    QVERIFY(writeMigrationsWithExtra());

    QVERIFY(execAdmin(QStringLiteral("CREATE DATABASE ") + m_databaseName));
    m_createdDatabase = true;
    QVERIFY(execAdmin(QStringLiteral("CREATE DATABASE ") + m_emptyDatabaseName));
    m_createdEmptyDatabase = true;
    QVERIFY(execAdmin(QStringLiteral("CREATE ROLE %1 LOGIN").arg(m_reader)));
    m_createdReader = true;

    // The owner sets the database up and fills it, then lets the reader read.
    Database owner(PostgresAdmin::location(m_databaseName));
    try {
        owner.open();
        DemoGenerator::Options options;
        options.members = 12;
        options.discussions = 5;
        options.posts = 40;
        options.feeds = false;
        options.assessment = false;
        (void) DemoGenerator(options).generate(owner.connectionName());
        const QString connection = owner.connectionName();
        SqlQuery::execDirect(connection,
                             QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2")
                                 .arg(m_databaseName, m_reader));
        SqlQuery::execDirect(connection,
                             QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(m_reader));
        SqlQuery::execDirect(connection,
                             QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1")
                                 .arg(m_reader));
    } catch (const StorageError &error) {
        QFAIL(qPrintable(error.message()));
    }
}

void tst_ReadOnlyAccess::cleanupTestCase()
{
    if (m_createdDatabase)
        QVERIFY(execAdmin(
            QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_databaseName)));
    if (m_createdEmptyDatabase)
        QVERIFY(execAdmin(
            QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_emptyDatabaseName)));
    if (m_createdReader)
        QVERIFY(execAdmin(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_reader)));
}

void tst_ReadOnlyAccess::readerOpensReadOnly()
{
    Database reader(PostgresAdmin::roleLocation(m_reader, m_databaseName));
    try {
        reader.open();
    } catch (const StorageError &error) {
        QFAIL(qPrintable(error.message()));
    }
    QVERIFY(reader.isReadOnly());
    QCOMPARE(reader.schemaVersion(), m_latest);
    QCOMPARE(scalar(reader, QStringLiteral("SELECT current_user")).toString(), m_reader);
}

void tst_ReadOnlyAccess::readerReadsPages()
{
    Database reader(PostgresAdmin::roleLocation(m_reader, m_databaseName));
    try {
        reader.open();
        const MemberRepository members(reader.connectionName());
        QCOMPARE(members.count(), 12);
        const auto memberPage = members.page(QString(),
                                             MemberRepository::SortKey::Name,
                                             Qt::AscendingOrder,
                                             0,
                                             5);
        QCOMPARE(memberPage.size(), 5);
        QVERIFY(!memberPage.constFirst().name.isEmpty());

        const DiscussionRepository discussions(reader.connectionName());
        QVERIFY(discussions.count() > 0);
        const auto discussionPage = discussions.page(QString(),
                                                     DiscussionRepository::SortKey::LastPost,
                                                     Qt::DescendingOrder,
                                                     0,
                                                     50);
        QCOMPARE(discussionPage.size(), discussions.count());
        QVERIFY(!discussions.posts(discussionPage.constFirst().id).isEmpty());
    } catch (const StorageError &error) {
        QFAIL(qPrintable(error.message()));
    }
}

void tst_ReadOnlyAccess::readerWritesAreRefused()
{
    Database reader(PostgresAdmin::roleLocation(m_reader, m_databaseName));
    QString message;
    try {
        reader.open();
        SqlQuery insert(reader.connectionName(),
                        QStringLiteral("INSERT INTO members (display_name, sort_name, created_at, "
                                       "updated_at) VALUES (?, ?, ?, ?)"));
        insert.bind(QStringLiteral("Mallory")).bind(QStringLiteral("mallory")).bind(1).bind(1);
        insert.exec();
    } catch (const StorageError &error) {
        message = error.message();
    }
    QVERIFY2(message.contains(QLatin1String("permission denied")), qPrintable(message));
    QCOMPARE(scalar(reader, QStringLiteral("SELECT COUNT(*) FROM members")).toInt(), 12);
}

void tst_ReadOnlyAccess::ownerOpensWritable()
{
    Database owner(PostgresAdmin::location(m_databaseName));
    try {
        owner.open();
    } catch (const StorageError &error) {
        QFAIL(qPrintable(error.message()));
    }
    QVERIFY(!owner.isReadOnly());
}

void tst_ReadOnlyAccess::readerCannotUpgrade()
{
    Database reader(PostgresAdmin::roleLocation(m_reader, m_databaseName), m_migrationsDir);
    QString message;
    try {
        reader.open();
    } catch (const StorageError &error) {
        message = error.message();
    }
    QVERIFY2(message.contains(QLatin1String("needs an upgrade")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("ask the database owner")), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("permission denied")), qPrintable(message));

    // Nothing changed: same schema version, no new table.
    Database owner(PostgresAdmin::location(m_databaseName));
    try {
        owner.open();
        QCOMPARE(scalar(owner, QStringLiteral("SELECT MAX(version) FROM schema_migrations")).toInt(),
                 m_latest);
        QVERIFY(scalar(owner, QStringLiteral("SELECT to_regclass('readonly_extra')")).isNull());
    } catch (const StorageError &error) {
        QFAIL(qPrintable(error.message()));
    }
}

void tst_ReadOnlyAccess::ownerUpgrades()
{
    // The message's advice works: the owner's opening applies the upgrade.
    Database owner(PostgresAdmin::location(m_databaseName), m_migrationsDir);
    try {
        owner.open();
        QCOMPARE(owner.schemaVersion(), m_latest + 1);
        QCOMPARE(scalar(owner, QStringLiteral("SELECT MAX(version) FROM schema_migrations")).toInt(),
                 m_latest + 1);
    } catch (const StorageError &error) {
        QFAIL(qPrintable(error.message()));
    }
    QVERIFY(!owner.isReadOnly());
}

void tst_ReadOnlyAccess::readerCannotSetUpEmptyDatabase()
{
    // PostgreSQL 15 lets only the database owner create tables in "public" by default.
    Database reader(PostgresAdmin::roleLocation(m_reader, m_emptyDatabaseName));
    QString message;
    try {
        reader.open();
    } catch (const StorageError &error) {
        message = error.message();
    }
    QVERIFY2(message.contains(QLatin1String("needs an upgrade")), qPrintable(message));

    // Still empty (looked at without Database, which would set it up).
    QCOMPARE(PostgresAdmin::scalar(QStringLiteral("SELECT COUNT(*) FROM pg_tables WHERE "
                                                  "schemaname = 'public'"),
                                   m_emptyDatabaseName)
                 .toInt(),
             0);
}

QTEST_GUILESS_MAIN(tst_ReadOnlyAccess)
#include "tst_readonlyaccess.moc"
