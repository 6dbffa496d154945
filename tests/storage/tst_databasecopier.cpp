// Tests DatabaseCopier: SQLite -> PostgreSQL -> SQLite with identical rows, refusal and replace of
// a non-empty target, cancel, identity sequences afterwards and the completeness of its table list.
#include "communitywriter.h"
#include "database.h"
#include "databasecopier.h"
#include "demogenerator.h"
#include "discussionrepository.h"
#include "memberjournal.h"
#include "sqldialect.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "testdatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <memory>

#include <signal.h>

namespace {

const char adminConnection[] = "watercooler-copier-admin";

QString postgresUrl()
{
    return qEnvironmentVariable("WATERCOOLER_TEST_POSTGRES_URL");
}

// One value as text, so 7 (int) and 7 (bigint) or 2.5 read from either engine compare equal.
QString normalized(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("<null>");
    switch (value.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return QString::number(value.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return QString::number(value.toDouble(), 'g', 17);
    case QMetaType::QByteArray:
        return QString::fromLatin1(value.toByteArray().toHex());
    default:
        return value.toString();
    }
}

struct TableDump
{
    QStringList columns;
    QStringList rows;
    QString error;
};

// Every row of a table, ordered by its primary key, columns in name order.
TableDump dump(const QString &connectionName, const QString &table)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    const QSqlRecord record = db.record(table);
    const QSqlIndex key = db.primaryIndex(table);
    TableDump result;
    const auto backend = SqlDialect::backendOf(connectionName);
    for (int i = 0; i < record.count(); ++i) {
        // Computed by each database (PostgreSQL's search vector): not community data.
        if (!SqlDialect::isDerivedColumn(backend, table, record.fieldName(i)))
            result.columns << record.fieldName(i);
    }
    result.columns.sort();
    QStringList order;
    for (int i = 0; i < key.count(); ++i)
        order << key.fieldName(i);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                        .arg(result.columns.join(QLatin1String(", ")),
                             table,
                             order.join(QLatin1String(", "))))) {
        result.error = table + QLatin1String(": ") + query.lastError().text();
        return result;
    }
    while (query.next()) {
        QStringList values;
        for (int i = 0; i < result.columns.size(); ++i)
            values << normalized(query.value(i));
        result.rows << values.join(QLatin1String(" | "));
    }
    return result;
}

qint64 rowCount(const QString &connectionName, const QString &table)
{
    return SqlQuery(connectionName, QStringLiteral("SELECT COUNT(*) FROM ") + table)
        .scalar()
        .toLongLong();
}

QStringList schemaTables(const QString &connectionName)
{
    QStringList tables;
    const QStringList all = QSqlDatabase::database(connectionName, false).tables(QSql::Tables);
    for (const QString &table : all) {
        if (table != QLatin1String("schema_migrations")
            && !table.startsWith(QLatin1String("sqlite_"))
            && !SqlDialect::isDerivedTable(SqlDialect::backendOf(connectionName), table))
            tables << table;
    }
    tables.sort();
    return tables;
}

} // namespace

class tst_DatabaseCopier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void tableListIsComplete();
    void tableListPutsParentsFirst();
    void copiesSqliteToPostgreSqlAndBack();
    void refusesNonEmptyTarget();
    void replacesNonEmptyTarget();
    void cancelLeavesTargetEmpty();
    void newRowsAfterCopyIntoPostgreSql();
    void laterParentIsCopied();
    void refusesToCopyOntoItself();

private:
    // A new, empty database on the test server.
    [[nodiscard]] DatabaseLocation createPostgreSql();
    [[nodiscard]] bool execAdmin(const QString &sql, QString *error = nullptr);
    // Databases left by runs that ended early (a test that threw ends the whole run).
    void dropStaleDatabases();
    [[nodiscard]] QString path(const QString &name) const { return m_dir.filePath(name); }
    // A SQLite file with a demo community; the seed makes two files differ.
    [[nodiscard]] std::unique_ptr<Database> demoSqlite(const QString &name, quint32 seed);
    void compareDatabases(const Database &expected, const Database &actual);

    QTemporaryDir m_dir;
    QStringList m_postgreSqlNames;
    std::unique_ptr<Database> m_source;
};

bool tst_DatabaseCopier::execAdmin(const QString &sql, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(QLatin1String(adminConnection), false);
    if (!db.isValid()) {
        const DatabaseLocation admin = DatabaseLocation::fromArgument(postgresUrl());
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QLatin1String(adminConnection));
        db.setHostName(admin.host);
        db.setPort(admin.port);
        db.setDatabaseName(admin.databaseName);
        db.setUserName(admin.userName);
        db.setPassword(admin.password);
    }
    if (!db.isOpen() && !db.open()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    return true;
}

void tst_DatabaseCopier::dropStaleDatabases()
{
    QSqlQuery query(QSqlDatabase::database(QLatin1String(adminConnection), false));
    if (!query.exec(QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE "
                                   "'wc\\_copier\\_%'")))
        return;
    QStringList stale;
    while (query.next()) {
        const QString name = query.value(0).toString();
        const qint64 pid = name.section(QLatin1Char('_'), 2, 2).toLongLong();
        if (pid > 0 && kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            stale << name;
    }
    query.finish();
    for (const QString &name : std::as_const(stale)) {
        if (!execAdmin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)))
            qWarning("Could not drop the stale database %s", qPrintable(name));
    }
}

DatabaseLocation tst_DatabaseCopier::createPostgreSql()
{
    const QString name = QStringLiteral("wc_copier_%1_%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(m_postgreSqlNames.size() + 1);
    QString error;
    if (!execAdmin(QStringLiteral("CREATE DATABASE ") + name, &error)) {
        qWarning("CREATE DATABASE %s failed: %s", qPrintable(name), qPrintable(error));
        return {};
    }
    m_postgreSqlNames << name;
    DatabaseLocation location = DatabaseLocation::fromArgument(postgresUrl());
    location.databaseName = name;
    return location;
}

std::unique_ptr<Database> tst_DatabaseCopier::demoSqlite(const QString &name, quint32 seed)
{
    auto database = std::make_unique<Database>(DatabaseLocation::sqlite(path(name)));
    database->open();
    DemoGenerator::Options options = TestDatabase::demoOptions();
    options.seed = seed;
    options.members = 40;
    options.posts = 300;
    options.discussions = 30;
    DemoGenerator(options).generate(database->connectionName());
    return database;
}

void tst_DatabaseCopier::compareDatabases(const Database &expected, const Database &actual)
{
    const QStringList tables = DatabaseCopier::tables();
    for (const QString &table : tables) {
        const TableDump want = dump(expected.connectionName(), table);
        const TableDump got = dump(actual.connectionName(), table);
        QVERIFY2(want.error.isEmpty(), qPrintable(want.error));
        QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
        QCOMPARE(got.columns, want.columns);
        QVERIFY2(got.rows.size() == want.rows.size(),
                 qPrintable(QStringLiteral("%1: %2 rows, expected %3")
                                .arg(table)
                                .arg(got.rows.size())
                                .arg(want.rows.size())));
        for (qsizetype i = 0; i < want.rows.size(); ++i) {
            QVERIFY2(got.rows.at(i) == want.rows.at(i),
                     qPrintable(QStringLiteral("%1, row %2:\n  got      %3\n  expected %4")
                                    .arg(table)
                                    .arg(i)
                                    .arg(got.rows.at(i), want.rows.at(i))));
        }
    }
}

void tst_DatabaseCopier::initTestCase()
{
    QVERIFY2(!postgresUrl().isEmpty(),
             "WATERCOOLER_TEST_POSTGRES_URL is not set: this test copies between SQLite and "
             "PostgreSQL and needs a server (.ci/test starts one).");
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(execAdmin(QStringLiteral("SELECT 1"), &error), qPrintable(error));
    dropStaleDatabases();
    try {
        m_source = demoSqlite(QStringLiteral("source.sqlite"), 1);
    } catch (const StorageError &e) {
        QFAIL(qPrintable(e.message()));
    }
    // Every table has rows, so every table's copy is checked.
    const QString connection = m_source->connectionName();
    auto exec = [&](const QString &sql) { SqlQuery::execDirect(connection, sql); };
    exec(QStringLiteral("INSERT INTO discussion_tags (discussion_id, tag_id) SELECT d.id, t.id "
                        "FROM discussions d, tags t WHERE d.id % 3 = 0 AND t.id <= 2"));
    exec(QStringLiteral("INSERT INTO post_tags (post_id, tag_id) SELECT p.id, t.id FROM posts p, "
                        "tags t WHERE p.id % 5 = 0 AND t.id <= 3"));
    // Text that needs escaping on the way into PostgreSQL, and values at the edges.
    exec(QStringLiteral("UPDATE members SET notes = 'It''s \"quoted\" \\ back\\slash; "
                        "ünïcødé 🚀' || char(10) || 'second line', email = NULL WHERE id = 1"));
    exec(QStringLiteral("UPDATE scores SET stage = 2.75 WHERE id = 1"));
    if (rowCount(connection, QStringLiteral("enclosures")) == 0) {
        exec(QStringLiteral("INSERT INTO enclosures (feed_item_id, url, mime_type, length_bytes, "
                            "duration_s) SELECT MIN(id), 'https://example.org/e.mp3', "
                            "'audio/mpeg', 123456789012, 1800 FROM feed_items"));
    }
    if (rowCount(connection, QStringLiteral("feed_item_tombstones")) == 0) {
        exec(QStringLiteral("INSERT INTO feed_item_tombstones (feed_id, dedup_key, deleted_at) "
                            "SELECT MIN(id), 'https://example.org/gone', 1 FROM feeds"));
    }
    // A merge and a deletion of members, so each table of the member journal has rows.
    MemberJournal journal(connection);
    journal.merge(1, {2});
    journal.remove({3});
    const QStringList tables = DatabaseCopier::tables();
    for (const QString &table : tables)
        QVERIFY2(rowCount(connection, table) > 0, qPrintable(table));
}

void tst_DatabaseCopier::cleanupTestCase()
{
    m_source.reset();
    for (const QString &name : std::as_const(m_postgreSqlNames)) {
        QString error;
        if (!execAdmin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name), &error))
            qWarning("Could not drop %s: %s", qPrintable(name), qPrintable(error));
    }
    QSqlDatabase::database(QLatin1String(adminConnection), false).close();
    QSqlDatabase::removeDatabase(QLatin1String(adminConnection));
}

void tst_DatabaseCopier::tableListIsComplete()
{
    QStringList known = DatabaseCopier::tables();
    known.sort();
    // A migration that adds a table must add it to the copier too, or copies lose it.
    QCOMPARE(schemaTables(m_source->connectionName()), known);
    QCOMPARE(DatabaseCopier::unknownTables(m_source->connectionName(), m_source->backend()),
             QStringList());

    const DatabaseLocation location = createPostgreSql();
    QVERIFY(!location.databaseName.isEmpty());
    Database postgreSql(location);
    postgreSql.open();
    QCOMPARE(schemaTables(postgreSql.connectionName()), known);
}

void tst_DatabaseCopier::tableListPutsParentsFirst()
{
    const QStringList tables = DatabaseCopier::tables();
    QSqlQuery query(QSqlDatabase::database(m_source->connectionName(), false));
    for (qsizetype i = 0; i < tables.size(); ++i) {
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_key_list(%1)").arg(tables.at(i))));
        while (query.next()) {
            const QString parent = query.value(QStringLiteral("table")).toString();
            QVERIFY2(parent == tables.at(i) || tables.indexOf(parent) < i,
                     qPrintable(QStringLiteral("%1 refers to %2, which comes later")
                                    .arg(tables.at(i), parent)));
        }
    }
}

void tst_DatabaseCopier::copiesSqliteToPostgreSqlAndBack()
{
    const DatabaseLocation postgreSql = createPostgreSql();
    QVERIFY(!postgreSql.databaseName.isEmpty());
    QList<qint64> progressSeen;
    DatabaseCopier::Summary first;
    {
        DatabaseCopier copier(*m_source, postgreSql);
        QVERIFY(copier.targetIsEmpty());
        first = copier.copy([&](qint64 done, qint64 total) {
            progressSeen << done;
            return done <= total;
        });
    }
    QCOMPARE(first.target, postgreSql.displayName());
    QCOMPARE(first.tables.size(), DatabaseCopier::tables().size());
    QVERIFY(progressSeen.size() > 2);
    QCOMPARE(progressSeen.constFirst(), 0);
    QCOMPARE(progressSeen.constLast(), first.total());
    QVERIFY(std::is_sorted(progressSeen.cbegin(), progressSeen.cend()));
    for (const DatabaseCopier::TableCount &count : std::as_const(first.tables))
        QCOMPARE(count.rows, rowCount(m_source->connectionName(), count.table));

    Database middle(postgreSql);
    middle.open();
    for (const DatabaseCopier::TableCount &count : std::as_const(first.tables))
        QCOMPARE(rowCount(middle.connectionName(), count.table), count.rows);
    compareDatabases(*m_source, middle);
    if (QTest::currentTestFailed())
        return;

    // Back into a new SQLite file, in small batches so paging over composite keys is exercised.
    const DatabaseLocation back = DatabaseLocation::sqlite(path(QStringLiteral("back.sqlite")));
    DatabaseCopier::Summary second;
    {
        DatabaseCopier copier(middle, back);
        copier.setBatchSize(7);
        second = copier.copy();
    }
    QCOMPARE(second.total(), first.total());
    for (const DatabaseCopier::TableCount &count : std::as_const(second.tables))
        QCOMPARE(count.rows, first.rows(count.table));
    Database last(back);
    last.open();
    compareDatabases(middle, last);
    compareDatabases(*m_source, last);

    // The search index of each target is built from the copied posts, not copied as data.
    const QString word = QStringLiteral("calendar");
    const qint64 withWord = SqlQuery(m_source->connectionName(),
                                     QStringLiteral("SELECT COUNT(*) FROM posts WHERE "
                                                    "LOWER(body_text) LIKE '%calendar%'"))
                                .scalar()
                                .toLongLong();
    QVERIFY(withWord > 0);
    for (const Database *database : {static_cast<const Database *>(m_source.get()),
                                     static_cast<const Database *>(&middle),
                                     static_cast<const Database *>(&last)}) {
        const auto hits = DiscussionRepository(database->connectionName())
                              .search(word, {}, 0, int(withWord) + 10);
        QCOMPARE(hits.size(), withWord);
    }
}

void tst_DatabaseCopier::refusesNonEmptyTarget()
{
    const DatabaseLocation target = DatabaseLocation::sqlite(path(QStringLiteral("full.sqlite")));
    {
        DatabaseCopier copier(*m_source, target);
        copier.copy();
    }
    Database check(target);
    check.open();
    const qint64 postsBefore = rowCount(check.connectionName(), QStringLiteral("posts"));

    DatabaseCopier again(*m_source, target);
    QVERIFY(!again.targetIsEmpty());
    try {
        again.copy();
        QFAIL("A non-empty target was overwritten without replace.");
    } catch (const OperationCancelled &) {
        QFAIL("Not cancelled: refused.");
    } catch (const StorageError &error) {
        QVERIFY2(error.message().contains(QLatin1String("not empty")), qPrintable(error.message()));
        QVERIFY2(error.message().contains(target.displayName()), qPrintable(error.message()));
    }
    QCOMPARE(rowCount(check.connectionName(), QStringLiteral("posts")), postsBefore);
    QVERIFY(QFileInfo::exists(target.filePath));
}

void tst_DatabaseCopier::replacesNonEmptyTarget()
{
    // The PostgreSQL target first holds another community, which the copy replaces.
    const DatabaseLocation postgreSql = createPostgreSql();
    QVERIFY(!postgreSql.databaseName.isEmpty());
    std::unique_ptr<Database> other;
    try {
        other = demoSqlite(QStringLiteral("other.sqlite"), 99);
        DatabaseCopier(*other, postgreSql).copy();
    } catch (const StorageError &e) {
        QFAIL(qPrintable(e.message()));
    }
    Database target(postgreSql);
    target.open();
    QCOMPARE(rowCount(target.connectionName(), QStringLiteral("members")),
             rowCount(other->connectionName(), QStringLiteral("members")));

    DatabaseCopier copier(*m_source, postgreSql);
    QVERIFY(!copier.targetIsEmpty());
    copier.setReplace(true);
    const DatabaseCopier::Summary summary = copier.copy();
    QCOMPARE(summary.rows(QStringLiteral("posts")),
             rowCount(m_source->connectionName(), QStringLiteral("posts")));
    compareDatabases(*m_source, target);

    // SQLite to SQLite, replacing too.
    const DatabaseLocation file = DatabaseLocation::sqlite(path(QStringLiteral("replace.sqlite")));
    DatabaseCopier(*other, file).copy();
    DatabaseCopier fileCopier(*m_source, file);
    fileCopier.setReplace(true);
    fileCopier.copy();
    Database replaced(file);
    replaced.open();
    compareDatabases(*m_source, replaced);
}

void tst_DatabaseCopier::cancelLeavesTargetEmpty()
{
    // Into PostgreSQL: the database stays, without a row.
    const DatabaseLocation postgreSql = createPostgreSql();
    QVERIFY(!postgreSql.databaseName.isEmpty());
    {
        DatabaseCopier copier(*m_source, postgreSql);
        copier.setBatchSize(50);
        int calls = 0;
        QVERIFY_THROWS_EXCEPTION(OperationCancelled,
                                 copier.copy([&](qint64, qint64) { return ++calls < 4; }));
        QCOMPARE(calls, 4);
    }
    Database target(postgreSql);
    target.open();
    const QStringList tables = DatabaseCopier::tables();
    for (const QString &table : tables)
        QCOMPARE(rowCount(target.connectionName(), table), 0);

    // Into a new SQLite file: no file is left behind.
    const DatabaseLocation file = DatabaseLocation::sqlite(path(QStringLiteral("cancel.sqlite")));
    {
        DatabaseCopier copier(*m_source, file);
        QVERIFY_THROWS_EXCEPTION(OperationCancelled,
                                 copier.copy([](qint64 done, qint64) { return done == 0; }));
    }
    QVERIFY(!QFileInfo::exists(file.filePath));

    // Replacing a full target and cancelling keeps what it held.
    const DatabaseLocation full = DatabaseLocation::sqlite(path(QStringLiteral("kept.sqlite")));
    DatabaseCopier(*m_source, full).copy();
    {
        DatabaseCopier copier(*m_source, full);
        copier.setReplace(true);
        QVERIFY_THROWS_EXCEPTION(OperationCancelled,
                                 copier.copy([](qint64 done, qint64) { return done == 0; }));
    }
    Database kept(full);
    kept.open();
    compareDatabases(*m_source, kept);
}

void tst_DatabaseCopier::newRowsAfterCopyIntoPostgreSql()
{
    const DatabaseLocation postgreSql = createPostgreSql();
    QVERIFY(!postgreSql.databaseName.isEmpty());
    DatabaseCopier(*m_source, postgreSql).copy();

    Database target(postgreSql);
    target.open();
    const QString connection = target.connectionName();
    const qint64 members = rowCount(connection, QStringLiteral("members"));
    const qint64 maxId
        = SqlQuery(connection, QStringLiteral("SELECT MAX(id) FROM members")).scalar().toLongLong();

    ImportBatch batch;
    batch.sourceKind = QStringLiteral("csv");
    batch.sourceName = QStringLiteral("After the copy");
    ImportMember member;
    member.identity = ImportAuthor{QStringLiteral("Grace Hopper"),
                                   QStringLiteral("grace_after_copy"),
                                   QStringLiteral("grace.after@example.org"),
                                   {}};
    member.tags = {QStringLiteral("a-tag-new-after-the-copy")};
    batch.members = {member};
    WriteSummary summary;
    try {
        summary = CommunityWriter(connection).write(batch);
    } catch (const StorageError &e) {
        QFAIL(qPrintable(e.message()));
    }
    QCOMPARE(summary.membersCreated, 1);
    QCOMPARE(rowCount(connection, QStringLiteral("members")), members + 1);
    const qint64 newId = SqlQuery(connection,
                                  QStringLiteral("SELECT id FROM members WHERE display_name = "
                                                 "'Grace Hopper'"))
                             .scalar()
                             .toLongLong();
    QVERIFY(newId > maxId);
}

void tst_DatabaseCopier::laterParentIsCopied()
{
    // A folder moved under a folder made after it: its parent has the larger id.
    auto source = std::make_unique<Database>(
        DatabaseLocation::sqlite(path(QStringLiteral("folders.sqlite"))));
    source->open();
    const QString connection = source->connectionName();
    SqlQuery::execDirect(connection,
                         QStringLiteral("INSERT INTO folders (id, parent_id, name) VALUES (1, "
                                        "NULL, 'Inner'), (2, NULL, 'Outer')"));
    SqlQuery::execDirect(connection,
                         QStringLiteral("UPDATE folders SET parent_id = 2 WHERE id = 1"));

    const DatabaseLocation postgreSql = createPostgreSql();
    QVERIFY(!postgreSql.databaseName.isEmpty());
    DatabaseCopier copier(*source, postgreSql);
    copier.setBatchSize(1);
    QCOMPARE(copier.copy().rows(QStringLiteral("folders")), 2);
    Database target(postgreSql);
    target.open();
    compareDatabases(*source, target);
}

void tst_DatabaseCopier::refusesToCopyOntoItself()
{
    DatabaseCopier copier(*m_source, DatabaseLocation::sqlite(m_source->location().filePath));
    copier.setReplace(true);
    QVERIFY_THROWS_EXCEPTION(StorageError, copier.copy());
    QVERIFY(rowCount(m_source->connectionName(), QStringLiteral("posts")) > 0);
}

QTEST_GUILESS_MAIN(tst_DatabaseCopier)
#include "tst_databasecopier.moc"
