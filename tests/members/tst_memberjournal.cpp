// Tests MemberJournal: merges and deletions move exactly what they should, and undo (also from
// another connection, as after a restart) leaves every table exactly as before.
#include "database.h"
#include "membereditor.h"
#include "memberjournal.h"
#include "storageerror.h"
#include "tablesnapshot.h"
#include "testdatabase.h"

#include <QTest>

class tst_MemberJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void mergeMovesEverything();
    void mergeThenUndoRestoresEveryTable();
    void undoAfterRestart();
    void deleteThenUndoRestoresEveryTable();
    void badMergesChangeNothing();
    void laterMergeMustBeUndoneFirst();

private:
    // The most active members, most posts first.
    [[nodiscard]] QList<qint64> busiest(int count) const;
    [[nodiscard]] qint64 countFor(const QString &sql, qint64 id) const;

    std::unique_ptr<TestDatabase> m_db;
};

void tst_MemberJournal::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    QVERIFY2(m_db->fillDemo(TestDatabase::demoOptions()), qPrintable(m_db->errorString()));
}

void tst_MemberJournal::cleanup()
{
    m_db.reset();
}

QList<qint64> tst_MemberJournal::busiest(int count) const
{
    return m_db->ids(QStringLiteral("SELECT id FROM members ORDER BY post_count DESC, id LIMIT ?"),
                     {count});
}

qint64 tst_MemberJournal::countFor(const QString &sql, qint64 id) const
{
    return m_db->count(sql, {id});
}

void tst_MemberJournal::mergeMovesEverything()
{
    const QList<qint64> ids = busiest(3);
    const qint64 keep = ids.at(0);
    const QList<qint64> others = ids.mid(1);
    MemberEditor editor(m_db->connectionName());
    editor.addTag({others.at(0), others.at(1)}, QStringLiteral("moved-tag"));
    editor.addTag({keep, others.at(1)}, QStringLiteral("shared-tag"));

    qint64 posts = 0;
    qint64 identities = 0;
    qint64 mentions = 0;
    for (qint64 id : ids) {
        posts += countFor(QStringLiteral("SELECT COUNT(*) FROM posts WHERE author_id = ?"), id);
        identities += countFor(QStringLiteral(
                                   "SELECT COUNT(*) FROM identities WHERE member_id = ?"),
                               id);
        mentions += countFor(QStringLiteral("SELECT COUNT(*) FROM mentions WHERE member_id = ?"),
                             id);
    }
    const qint64 members = m_db->count(QStringLiteral("SELECT COUNT(*) FROM members"));

    const MemberJournal::MergeResult result = MemberJournal(m_db->connectionName())
                                                  .merge(keep, others);
    QVERIFY(result.journalId > 0);
    QVERIFY(result.posts > 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), members - 2);
    QCOMPARE(countFor(QStringLiteral("SELECT COUNT(*) FROM posts WHERE author_id = ?"), keep),
             posts);
    QCOMPARE(countFor(QStringLiteral("SELECT post_count FROM members WHERE id = ?"), keep), posts);
    QCOMPARE(countFor(QStringLiteral("SELECT COUNT(*) FROM identities WHERE member_id = ?"), keep),
             identities);
    QCOMPARE(countFor(QStringLiteral("SELECT COUNT(*) FROM mentions WHERE member_id = ?"), keep),
             mentions);
    QCOMPARE(countFor(QStringLiteral("SELECT mentions_received FROM members WHERE id = ?"), keep),
             mentions);
    const QVariantList tags = m_db->column(
        QStringLiteral("SELECT t.name FROM member_tags mt JOIN tags t ON t.id = mt.tag_id WHERE "
                       "mt.member_id = ? ORDER BY t.name"),
        {keep});
    QVERIFY(tags.contains(QStringLiteral("moved-tag")));
    QVERIFY(tags.contains(QStringLiteral("shared-tag")));
    QCOMPARE(result.tags,
             int(m_db->count(QStringLiteral("SELECT COUNT(*) FROM journal_moves WHERE "
                                            "item = 'tag_added'"))));
    // Nothing points at the merged members any more.
    for (qint64 id : others) {
        for (const char *sql : {"SELECT COUNT(*) FROM posts WHERE author_id = ?",
                                "SELECT COUNT(*) FROM identities WHERE member_id = ?",
                                "SELECT COUNT(*) FROM mentions WHERE member_id = ?",
                                "SELECT COUNT(*) FROM member_tags WHERE member_id = ?"})
            QCOMPARE(countFor(QLatin1String(sql), id), 0);
    }
    const QList<MemberJournal::Entry> entries = MemberJournal(m_db->connectionName()).entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.constFirst().action, QStringLiteral("merge"));
    QCOMPARE(entries.constFirst().keptMemberId, keep);
    QList<qint64> merged = entries.constFirst().memberIds;
    QList<qint64> expected = others;
    std::sort(merged.begin(), merged.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(merged, expected);
}

void tst_MemberJournal::mergeThenUndoRestoresEveryTable()
{
    const QList<qint64> ids = busiest(4);
    MemberEditor editor(m_db->connectionName());
    editor.addTag({ids.at(1), ids.at(2)}, QStringLiteral("moved-tag"));
    editor.addTag({ids.at(0), ids.at(3)}, QStringLiteral("shared-tag"));
    const auto before = TableSnapshot::take(m_db->connectionName());

    MemberJournal journal(m_db->connectionName());
    const qint64 merge = journal.merge(ids.at(0), ids.mid(1)).journalId;
    QVERIFY(
        !TableSnapshot::difference(before, TableSnapshot::take(m_db->connectionName())).isEmpty());
    journal.undo(merge);
    const QString difference = TableSnapshot::difference(before,
                                                         TableSnapshot::take(
                                                             m_db->connectionName()));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    // The entry is used up.
    QVERIFY_THROWS_EXCEPTION(StorageError, journal.undo(merge));
}

void tst_MemberJournal::undoAfterRestart()
{
    const QList<qint64> ids = busiest(2);
    const auto before = TableSnapshot::take(m_db->connectionName());
    const qint64 merge
        = MemberJournal(m_db->connectionName()).merge(ids.at(0), {ids.at(1)}).journalId;
    {
        // Another process, days later: only the database remembers the merge.
        Database later(m_db->database().location());
        later.open();
        const QList<MemberJournal::Entry> entries = MemberJournal(later.connectionName()).entries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.constFirst().id, merge);
        MemberJournal(later.connectionName()).undo(merge);
    }
    const QString difference = TableSnapshot::difference(before,
                                                         TableSnapshot::take(
                                                             m_db->connectionName()));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void tst_MemberJournal::deleteThenUndoRestoresEveryTable()
{
    const QList<qint64> ids = busiest(2);
    MemberEditor(m_db->connectionName()).addTag(ids, QStringLiteral("deleted-tag"));
    const auto before = TableSnapshot::take(m_db->connectionName());
    MemberJournal journal(m_db->connectionName());
    const qint64 entry = journal.remove(ids);
    for (qint64 id : ids) {
        QCOMPARE(countFor(QStringLiteral("SELECT COUNT(*) FROM members WHERE id = ?"), id), 0);
        QCOMPARE(countFor(QStringLiteral("SELECT COUNT(*) FROM identities WHERE member_id = ?"), id),
                 0);
    }
    QVERIFY(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE author_id IS NULL")) > 0);
    journal.undo(entry);
    const QString difference = TableSnapshot::difference(before,
                                                         TableSnapshot::take(
                                                             m_db->connectionName()));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void tst_MemberJournal::badMergesChangeNothing()
{
    const QList<qint64> ids = busiest(2);
    const auto before = TableSnapshot::take(m_db->connectionName());
    MemberJournal journal(m_db->connectionName());
    QVERIFY_THROWS_EXCEPTION(StorageError, journal.merge(ids.at(0), {ids.at(0)}));
    QVERIFY_THROWS_EXCEPTION(StorageError, journal.merge(ids.at(0), {}));
    QVERIFY_THROWS_EXCEPTION(StorageError, journal.merge(ids.at(0), {ids.at(1), 999999}));
    QVERIFY_THROWS_EXCEPTION(StorageError, journal.merge(999999, {ids.at(1)}));
    QVERIFY_THROWS_EXCEPTION(StorageError, journal.undo(424242));
    const QString difference = TableSnapshot::difference(before,
                                                         TableSnapshot::take(
                                                             m_db->connectionName()));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void tst_MemberJournal::laterMergeMustBeUndoneFirst()
{
    const QList<qint64> ids = busiest(3);
    const auto before = TableSnapshot::take(m_db->connectionName());
    MemberJournal journal(m_db->connectionName());
    const qint64 first = journal.merge(ids.at(0), {ids.at(1)}).journalId;
    const qint64 second = journal.merge(ids.at(2), {ids.at(0)}).journalId;
    QVERIFY_THROWS_EXCEPTION(StorageError, journal.undo(first));
    journal.undo(second);
    journal.undo(first);
    const QString difference = TableSnapshot::difference(before,
                                                         TableSnapshot::take(
                                                             m_db->connectionName()));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

QTEST_GUILESS_MAIN(tst_MemberJournal)
#include "tst_memberjournal.moc"
