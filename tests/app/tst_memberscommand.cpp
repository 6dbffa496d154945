// Runs `watercooler members ...` on a sample community: merge, unmerge, erase, duplicate
// suggestions and engagement, their JSON and exit codes.
#include "commandrunner.h"
#include "rawsqlite.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestMembersCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void mergeAndUnmerge();
    void suggestDuplicates();
    void erase();
    void recompute();
    void badArguments_data();
    void badArguments();

private:
    [[nodiscard]] CommandRun run(const QStringList &arguments) const;
    [[nodiscard]] QString database() const { return m_work->filePath(QStringLiteral("c.sqlite")); }
    [[nodiscard]] qint64 scalar(const QString &sql) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QTemporaryDir> m_work;
};

void TestMembersCommand::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(WATERCOOLER_EXECUTABLE)).isExecutable(),
             WATERCOOLER_EXECUTABLE);
}

void TestMembersCommand::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(m_work->isValid());
    const CommandRun demo = run({QStringLiteral("--database"),
                                 database(),
                                 QStringLiteral("demo"),
                                 QStringLiteral("--members"),
                                 QStringLiteral("40"),
                                 QStringLiteral("--posts"),
                                 QStringLiteral("300")});
    QVERIFY2(demo.finished && demo.exitCode == 0, qPrintable(demo.err));
}

void TestMembersCommand::cleanup()
{
    m_work.reset();
    m_home.reset();
}

CommandRun TestMembersCommand::run(const QStringList &arguments) const
{
    return CommandRunner::run(QStringLiteral(WATERCOOLER_EXECUTABLE),
                              arguments,
                              m_home->path(),
                              m_work->path());
}

qint64 TestMembersCommand::scalar(const QString &sql) const
{
    RawSqlite raw(database());
    return raw.scalar(sql).toLongLong();
}

void TestMembersCommand::mergeAndUnmerge()
{
    const qint64 members = scalar(QStringLiteral("SELECT COUNT(*) FROM members"));
    const qint64 keep = scalar(QStringLiteral("SELECT MIN(id) FROM members"));
    const qint64 other = scalar(QStringLiteral("SELECT MAX(id) FROM members"));
    const qint64 posts = scalar(
        QStringLiteral("SELECT COUNT(*) FROM posts WHERE author_id IN (%1, %2)")
            .arg(keep)
            .arg(other));
    const CommandRun merged = run({QStringLiteral("--database"),
                                   database(),
                                   QStringLiteral("members"),
                                   QStringLiteral("merge"),
                                   QString::number(keep),
                                   QString::number(other),
                                   QStringLiteral("--json")});
    QVERIFY2(merged.finished && merged.exitCode == 0, qPrintable(merged.err));
    const QJsonObject object = QJsonDocument::fromJson(merged.out.toUtf8()).object();
    for (const char *key : {"merge_id", "kept", "merged", "identities", "posts", "mentions", "tags"})
        QVERIFY2(object.contains(QLatin1String(key)), key);
    QCOMPARE(object.value(QLatin1String("kept")).toInteger(), keep);
    QCOMPARE(object.value(QLatin1String("merged")).toArray(), (QJsonArray{other}));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM members")), members - 1);
    QCOMPARE(scalar(QStringLiteral("SELECT post_count FROM members WHERE id = %1").arg(keep)),
             posts);

    const qint64 mergeId = object.value(QLatin1String("merge_id")).toInteger();
    const CommandRun undone = run({QStringLiteral("--database"),
                                   database(),
                                   QStringLiteral("members"),
                                   QStringLiteral("unmerge"),
                                   QString::number(mergeId)});
    QVERIFY2(undone.finished && undone.exitCode == 0, qPrintable(undone.err));
    QVERIFY(undone.out.contains(QString::number(mergeId)));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM members")), members);
    // Once undone, the merge is gone.
    const CommandRun again = run({QStringLiteral("--database"),
                                  database(),
                                  QStringLiteral("members"),
                                  QStringLiteral("unmerge"),
                                  QString::number(mergeId)});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(!again.err.isEmpty());
}

void TestMembersCommand::suggestDuplicates()
{
    // Two members given the same address by hand.
    {
        RawSqlite raw(database());
        raw.exec(QStringLiteral("UPDATE members SET email = 'same@example.org' WHERE id IN "
                                "(SELECT id FROM members ORDER BY id LIMIT 2)"));
    }
    const CommandRun result = run({QStringLiteral("--database"),
                                   database(),
                                   QStringLiteral("members"),
                                   QStringLiteral("suggest-duplicates"),
                                   QStringLiteral("--json")});
    QVERIFY2(result.finished && result.exitCode == 0, qPrintable(result.err));
    const QJsonArray array = QJsonDocument::fromJson(result.out.toUtf8()).array();
    QVERIFY(!array.isEmpty());
    const QJsonObject first = array.first().toObject();
    QCOMPARE(first.value(QLatin1String("reason")).toString(), QStringLiteral("same_email"));
    QCOMPARE(first.value(QLatin1String("evidence")).toString(), QStringLiteral("same@example.org"));
    QCOMPARE(first.value(QLatin1String("members")).toArray().size(), 2);
    QCOMPARE(first.value(QLatin1String("names")).toArray().size(), 2);

    const CommandRun lines = run({QStringLiteral("--database"),
                                  database(),
                                  QStringLiteral("members"),
                                  QStringLiteral("suggest-duplicates")});
    QCOMPARE(lines.exitCode, 0);
    QVERIFY2(lines.out.contains(QLatin1String("same e-mail address same@example.org")),
             qPrintable(lines.out));
}

void TestMembersCommand::erase()
{
    const qint64 id = scalar(
        QStringLiteral("SELECT id FROM members ORDER BY post_count DESC, id LIMIT 1"));
    const qint64 posts = scalar(
        QStringLiteral("SELECT COUNT(*) FROM posts WHERE author_id = %1").arg(id));
    QVERIFY(posts > 0);
    const CommandRun kept = run({QStringLiteral("--database"),
                                 database(),
                                 QStringLiteral("members"),
                                 QStringLiteral("erase"),
                                 QString::number(id)});
    QVERIFY2(kept.finished && kept.exitCode == 0, qPrintable(kept.err));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM identities WHERE member_id = %1").arg(id)),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM posts WHERE author_id = %1").arg(id)),
             posts);
    const CommandRun removed = run({QStringLiteral("--database"),
                                    database(),
                                    QStringLiteral("members"),
                                    QStringLiteral("erase"),
                                    QString::number(id),
                                    QStringLiteral("--remove-posts")});
    QVERIFY2(removed.finished && removed.exitCode == 0, qPrintable(removed.err));
    QVERIFY(removed.out.contains(QStringLiteral("%1 posts removed").arg(posts)));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM posts WHERE author_id = %1").arg(id)), 0);
}

void TestMembersCommand::recompute()
{
    {
        RawSqlite raw(database());
        raw.exec(QStringLiteral("UPDATE members SET engagement_level = 4, engagement_score = 999"));
    }
    const CommandRun result = run({QStringLiteral("--database"),
                                   database(),
                                   QStringLiteral("members"),
                                   QStringLiteral("recompute"),
                                   QStringLiteral("--json")});
    QVERIFY2(result.finished && result.exitCode == 0, qPrintable(result.err));
    QVERIFY(QJsonDocument::fromJson(result.out.toUtf8())
                .object()
                .contains(QLatin1String("milliseconds")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM members WHERE engagement_score = 999")), 0);
}

void TestMembersCommand::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("merge one id") << QStringList{QStringLiteral("merge"), QStringLiteral("1")};
    QTest::newRow("merge into itself")
        << QStringList{QStringLiteral("merge"), QStringLiteral("1"), QStringLiteral("1")};
    QTest::newRow("merge unknown")
        << QStringList{QStringLiteral("merge"), QStringLiteral("1"), QStringLiteral("99999")};
    QTest::newRow("merge not a number")
        << QStringList{QStringLiteral("merge"), QStringLiteral("1"), QStringLiteral("two")};
    QTest::newRow("unmerge unknown") << QStringList{QStringLiteral("unmerge"), QStringLiteral("7")};
    QTest::newRow("erase nothing") << QStringList{QStringLiteral("erase")};
    QTest::newRow("erase unknown") << QStringList{QStringLiteral("erase"), QStringLiteral("99999")};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("bad limit") << QStringList{QStringLiteral("suggest-duplicates"),
                                              QStringLiteral("--limit"),
                                              QStringLiteral("0")};
}

void TestMembersCommand::badArguments()
{
    QFETCH(QStringList, arguments);
    const qint64 members = scalar(QStringLiteral("SELECT COUNT(*) FROM members"));
    const CommandRun result = run(
        QStringList{QStringLiteral("--database"), database(), QStringLiteral("members")}
        + arguments);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.startsWith(QLatin1String("watercooler: ")));
    QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM members")), members);
}

QTEST_GUILESS_MAIN(TestMembersCommand)
#include "tst_memberscommand.moc"
