// Tests Database: refusing paths that are not ours, connection set-up, one connection per thread.
#include "database.h"
#include "filesnapshot.h"
#include "rawsqlite.h"
#include "sqlquery.h"
#include "storageerror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrentRun>

class tst_Database : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesPathsThatAreNotOurs_data();
    void refusesPathsThatAreNotOurs();
    void openEnablesWalAndForeignKeys();
    void connectionPerThread();
};

void tst_Database::refusesPathsThatAreNotOurs_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<bool>("namesFile");

    QTest::newRow("folder") << QStringLiteral("folder") << QStringLiteral("is a folder") << true;
    QTest::newRow("missing folder")
        << QStringLiteral("missing folder") << QStringLiteral("does not exist") << true;
    QTest::newRow("text file") << QStringLiteral("text file")
                               << QStringLiteral("not a Watercooler database") << true;
    QTest::newRow("foreign SQLite database")
        << QStringLiteral("foreign sqlite") << QStringLiteral("not a Watercooler database")
        << false;
    QTest::newRow("no path") << QStringLiteral("empty") << QStringLiteral("No database file")
                             << false;
}

void tst_Database::refusesPathsThatAreNotOurs()
{
    QFETCH(QString, kind);
    QFETCH(QString, messagePart);
    QFETCH(bool, namesFile);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path;
    if (kind == QLatin1String("folder")) {
        path = dir.filePath(QStringLiteral("a-folder.sqlite"));
        QVERIFY(QDir().mkpath(path));
    } else if (kind == QLatin1String("missing folder")) {
        path = dir.filePath(QStringLiteral("nonexistent/dir/x.sqlite"));
    } else if (kind == QLatin1String("text file")) {
        path = dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write("Shopping list; milk, eggs\nSQLite is not mentioned here.\n") > 0);
    } else if (kind == QLatin1String("foreign sqlite")) {
        path = dir.filePath(QStringLiteral("recipes.db"));
        RawSqlite raw(path);
        QVERIFY(raw.isOpen());
        QVERIFY(
            raw.exec(QStringLiteral("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO recipes (name) VALUES ('Bread')")));
    }

    const QStringList entriesBefore = FileSnapshot::entries(dir.path());
    const FileSnapshot before = FileSnapshot::take(path);

    Database database(DatabaseLocation::sqlite(path));
    try {
        database.open();
        QFAIL("The database was opened");
    } catch (const StorageError &error) {
        QVERIFY2(error.message().contains(messagePart), qPrintable(error.message()));
        if (namesFile) {
            QVERIFY2(error.message().contains(QFileInfo(path).fileName()),
                     qPrintable(error.message()));
        }
        QVERIFY2(!error.message().contains(QLatin1Char('\n')), qPrintable(error.message()));
    }

    // Nothing was created, changed or left behind.
    QCOMPARE(FileSnapshot::entries(dir.path()), entriesBefore);
    const FileSnapshot after = FileSnapshot::take(path);
    QCOMPARE(after.exists, before.exists);
    QCOMPARE(after.contents, before.contents);
    QCOMPARE(after.modified, before.modified);
    if (kind == QLatin1String("missing folder"))
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("nonexistent"))));
}

void tst_Database::openEnablesWalAndForeignKeys()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Database database(DatabaseLocation::sqlite(dir.filePath(QStringLiteral("c.sqlite"))));
    database.open();
    const QString connection = database.connectionName();

    SqlQuery journal(connection, QStringLiteral("PRAGMA journal_mode"));
    QCOMPARE(journal.scalar().toString().toLower(), QStringLiteral("wal"));
    SqlQuery foreignKeys(connection, QStringLiteral("PRAGMA foreign_keys"));
    QCOMPARE(foreignKeys.scalar().toInt(), 1);

    // Foreign keys are enforced, not just switched on.
    SqlQuery orphan(connection,
                    QStringLiteral(
                        "INSERT INTO identities (member_id, source_id, kind, value, "
                        "normalized, created_at) VALUES (4711, 4712, 'handle', 'x', 'x', 0)"));
    QVERIFY_THROWS_EXCEPTION(StorageError, orphan.exec());
}

void tst_Database::connectionPerThread()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Database database(DatabaseLocation::sqlite(dir.filePath(QStringLiteral("c.sqlite"))));
    database.open();
    const QString mainConnection = database.connectionName();
    QCOMPARE(database.connectionName(), mainConnection);

    for (int i = 0; i < 3; ++i) {
        SqlQuery insert(mainConnection,
                        QStringLiteral("INSERT INTO members (display_name, sort_name, created_at, "
                                       "updated_at) VALUES (?, ?, 0, 0)"));
        insert.bind(QStringLiteral("Member %1").arg(i))
            .bind(QStringLiteral("member %1").arg(i))
            .exec();
    }

    struct WorkerResult
    {
        QString connection;
        int members = -1;
        int foreignKeys = -1;
        QString error;
    };
    QFuture<WorkerResult> future = QtConcurrent::run([&database] {
        WorkerResult result;
        try {
            result.connection = database.connectionName();
            result.members = SqlQuery(result.connection,
                                      QStringLiteral("SELECT COUNT(*) FROM members"))
                                 .scalar()
                                 .toInt();
            result.foreignKeys = SqlQuery(result.connection, QStringLiteral("PRAGMA foreign_keys"))
                                     .scalar()
                                     .toInt();
        } catch (const StorageError &error) {
            result.error = error.message();
        }
        database.releaseThreadConnection();
        return result;
    });
    const WorkerResult result = future.result();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(!result.connection.isEmpty());
    QVERIFY(result.connection != mainConnection);
    QCOMPARE(result.members, 3);
    // Worker connections get the same set-up as the first one.
    QCOMPARE(result.foreignKeys, 1);

    // The main thread's connection is still usable afterwards.
    QCOMPARE(SqlQuery(mainConnection, QStringLiteral("SELECT COUNT(*) FROM members"))
                 .scalar()
                 .toInt(),
             3);
}

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
