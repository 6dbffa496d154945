// Tests SqlDialect: the migration statement splitter and the type placeholders of both backends.
#include "rawsqlite.h"
#include "sqldialect.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Backend = SqlDialect::Backend;

class tst_SqlDialect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitStatements_data();
    void splitStatements();
    void expandMigration_data();
    void expandMigration();
    void realMigrationRunsOnSqlite();
};

void tst_SqlDialect::splitStatements_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("two statements")
        << QStringLiteral("SELECT 1; SELECT 2;")
        << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")};
    QTest::newRow("no final semicolon")
        << QStringLiteral("SELECT 1;\nSELECT 2\n")
        << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")};
    QTest::newRow("empty statements") << QStringLiteral(" ;; \n ; ") << QStringList{};
    QTest::newRow("line comments with semicolons")
        << QStringLiteral("-- header; not a statement\nSELECT 1; -- trailing; note\nSELECT 2;")
        << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")};
    QTest::newRow("comment inside a statement") << QStringLiteral("SELECT 1 -- one; two\n + 2;")
                                                << QStringList{QStringLiteral("SELECT 1 + 2")};
    QTest::newRow("apostrophe in a comment")
        << QStringLiteral("-- don't stop here\nSELECT 1; SELECT 2;")
        << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")};
    QTest::newRow("block comment with semicolon")
        << QStringLiteral("/* first; second */ SELECT 1; SELECT /* ; */ 2;")
        << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")};
    QTest::newRow("single quotes with semicolon")
        << QStringLiteral("INSERT INTO t VALUES ('a;b'); SELECT 2;")
        << QStringList{QStringLiteral("INSERT INTO t VALUES ('a;b')"), QStringLiteral("SELECT 2")};
    QTest::newRow("doubled quote inside quotes")
        << QStringLiteral("INSERT INTO t VALUES ('it''s; fine'); SELECT 2;")
        << QStringList{QStringLiteral("INSERT INTO t VALUES ('it''s; fine')"),
                       QStringLiteral("SELECT 2")};
    QTest::newRow("comment marker inside quotes")
        << QStringLiteral("INSERT INTO t VALUES ('a -- b; c'); SELECT 2;")
        << QStringList{QStringLiteral("INSERT INTO t VALUES ('a -- b; c')"),
                       QStringLiteral("SELECT 2")};
    QTest::newRow("double-quoted identifier")
        << QStringLiteral("SELECT \"odd;name\" FROM t; SELECT 2")
        << QStringList{QStringLiteral("SELECT \"odd;name\" FROM t"), QStringLiteral("SELECT 2")};
    QTest::newRow("trigger block")
        << QStringLiteral("CREATE TRIGGER count_posts AFTER INSERT ON posts BEGIN\n"
                          "  UPDATE counts SET n = n + 1;\n"
                          "  INSERT INTO log VALUES (NEW.id);\n"
                          "END;\n"
                          "SELECT 1;")
        << QStringList{QStringLiteral("CREATE TRIGGER count_posts AFTER INSERT ON posts BEGIN "
                                      "UPDATE counts SET n = n + 1; INSERT INTO log VALUES "
                                      "(NEW.id); END"),
                       QStringLiteral("SELECT 1")};
    QTest::newRow("lower-case trigger")
        << QStringLiteral("create trigger t after delete on a begin delete from b; end; select 1")
        << QStringList{QStringLiteral(
                           "create trigger t after delete on a begin delete from b; end"),
                       QStringLiteral("select 1")};
    QTest::newRow("CASE ... END inside a trigger")
        << QStringLiteral("CREATE TRIGGER t AFTER UPDATE ON a BEGIN\n"
                          "  UPDATE b SET x = CASE WHEN NEW.y > 0 THEN 1 ELSE 2 END;\n"
                          "  DELETE FROM c;\n"
                          "END;\n"
                          "SELECT 1;")
        << QStringList{QStringLiteral("CREATE TRIGGER t AFTER UPDATE ON a BEGIN UPDATE b SET x = "
                                      "CASE WHEN NEW.y > 0 THEN 1 ELSE 2 END; DELETE FROM c; END"),
                       QStringLiteral("SELECT 1")};
    QTest::newRow("BEGIN outside a trigger") << QStringLiteral("BEGIN; SELECT 1; COMMIT;")
                                             << QStringList{QStringLiteral("BEGIN"),
                                                            QStringLiteral("SELECT 1"),
                                                            QStringLiteral("COMMIT")};
    QTest::newRow("words containing begin and end")
        << QStringLiteral("CREATE TABLE trigger_log (beginning INT, endpoint INT); SELECT 1;")
        << QStringList{QStringLiteral("CREATE TABLE trigger_log (beginning INT, endpoint INT)"),
                       QStringLiteral("SELECT 1")};
    QTest::newRow("dollar-quoted body")
        << QStringLiteral("CREATE FUNCTION touch() RETURNS trigger AS $$\n"
                          "BEGIN\n"
                          "  NEW.updated_at := now();\n"
                          "  RETURN NEW;\n"
                          "END;\n"
                          "$$ LANGUAGE plpgsql;\n"
                          "SELECT 1;")
        << QStringList{QStringLiteral("CREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN "
                                      "NEW.updated_at := now(); RETURN NEW; END; $$ LANGUAGE "
                                      "plpgsql"),
                       QStringLiteral("SELECT 1")};
}

void tst_SqlDialect::splitStatements()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, expected);

    QStringList actual = SqlDialect::splitStatements(sql);
    // Comments may leave line breaks behind; only the words and their order matter.
    for (QString &statement : actual)
        statement = statement.simplified();
    QCOMPARE(actual, expected);
}

void tst_SqlDialect::expandMigration_data()
{
    QTest::addColumn<Backend>("backend");
    QTest::addColumn<QString>("primaryKey");
    QTest::addColumn<QString>("blob");

    QTest::newRow("SQLite") << Backend::Sqlite
                            << QStringLiteral("id INTEGER PRIMARY KEY AUTOINCREMENT,")
                            << QStringLiteral("data BLOB");
    QTest::newRow("PostgreSQL") << Backend::PostgreSql
                                << QStringLiteral(
                                       "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,")
                                << QStringLiteral("data BYTEA");
}

void tst_SqlDialect::expandMigration()
{
    QFETCH(Backend, backend);
    QFETCH(QString, primaryKey);
    QFETCH(QString, blob);

    const QString sql = QStringLiteral("CREATE TABLE a (id {{PK}}, data {{BLOB}});\n"
                                       "CREATE TABLE b (id {{PK}}, note TEXT DEFAULT '{{x}}');");
    const QString expanded = SqlDialect::expandMigration(sql, backend);
    QCOMPARE(expanded.count(primaryKey), 2);
    QVERIFY(expanded.contains(blob));
    QVERIFY(!expanded.contains(QLatin1String("{{PK}}")));
    QVERIFY(!expanded.contains(QLatin1String("{{BLOB}}")));
    // Text that is not a known placeholder is left alone.
    QVERIFY(expanded.contains(QLatin1String("'{{x}}'")));

    // The shipped migrations must not keep placeholders or carry the other backend's syntax.
    QFile file(QStringLiteral(":/migrations/0001_initial.sql"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString initial = SqlDialect::expandMigration(QString::fromUtf8(file.readAll()), backend);
    QVERIFY(!initial.contains(QLatin1String("{{")));
    if (backend == Backend::Sqlite) {
        QVERIFY(!initial.contains(QLatin1String("GENERATED BY DEFAULT")));
    } else {
        QVERIFY(!initial.contains(QLatin1String("AUTOINCREMENT")));
    }
}

void tst_SqlDialect::realMigrationRunsOnSqlite()
{
    QFile file(QStringLiteral(":/migrations/0001_initial.sql"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString sql = SqlDialect::expandMigration(QString::fromUtf8(file.readAll()),
                                                    Backend::Sqlite);
    const QStringList statements = SqlDialect::splitStatements(sql);
    QCOMPARE(statements.size(), sql.count(QLatin1String("CREATE ")));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RawSqlite db(dir.filePath(QStringLiteral("plain.sqlite")));
    QVERIFY2(db.isOpen(), qPrintable(db.errorString()));
    for (const QString &statement : statements)
        QVERIFY2(db.exec(statement), qPrintable(statement + QLatin1String(": ") + db.errorString()));
    QVERIFY(db.tables().contains(QLatin1String("posts")));
    QVERIFY(db.tables().contains(QLatin1String("scores")));
}

QTEST_GUILESS_MAIN(tst_SqlDialect)
#include "tst_sqldialect.moc"
