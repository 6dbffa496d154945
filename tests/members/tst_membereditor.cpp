// Tests MemberEditor and MemberCommand: add, edit, bulk tagging and erasing, each one transaction,
// and a QUndoStack that undoes and redoes them (merges included) in order.
#include "membercommand.h"
#include "membereditor.h"
#include "memberjournal.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "tablesnapshot.h"
#include "testdatabase.h"

#include <QTest>
#include <QUndoStack>

class tst_MemberEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addAndEdit();
    void addWithHandle();
    void editConflict();
    void bulkTagging();
    void undoStackRoundTrip();
    void eraseKeepsPosts();
    void eraseRemovesPosts();

private:
    [[nodiscard]] QList<qint64> busiest(int count) const;
    [[nodiscard]] QStringList tagsOf(qint64 id) const;

    std::unique_ptr<TestDatabase> m_db;
};

void tst_MemberEditor::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    QVERIFY2(m_db->fillDemo(TestDatabase::demoOptions()), qPrintable(m_db->errorString()));
}

void tst_MemberEditor::cleanup()
{
    m_db.reset();
}

QList<qint64> tst_MemberEditor::busiest(int count) const
{
    return m_db->ids(QStringLiteral("SELECT id FROM members ORDER BY post_count DESC, id LIMIT ?"),
                     {count});
}

QStringList tst_MemberEditor::tagsOf(qint64 id) const
{
    QStringList tags;
    const QVariantList rows = m_db->column(
        QStringLiteral("SELECT t.name FROM member_tags mt JOIN tags t ON t.id = mt.tag_id WHERE "
                       "mt.member_id = ? ORDER BY t.name"),
        {id});
    for (const QVariant &tag : rows)
        tags << tag.toString();
    return tags;
}

void tst_MemberEditor::addAndEdit()
{
    MemberEditor editor(m_db->connectionName());
    QVERIFY_THROWS_EXCEPTION(StorageError, editor.addMember({QStringLiteral("  "), {}}));
    QVERIFY_THROWS_EXCEPTION(StorageError,
                             editor.addMember({QStringLiteral("Ada"), QStringLiteral("no")}));
    const qint64 id = editor.addMember(
        {QStringLiteral(" Katherine Johnson "), QStringLiteral("kj@example.org")});
    const MemberEditor::Tagging tagging = editor.addTag({id}, QStringLiteral("#Keynote"));
    QVERIFY(tagging.createdTag);
    QCOMPARE(tagging.members, QList<qint64>{id});
    QVERIFY(!editor.addTag({id}, QStringLiteral("nasa")).members.isEmpty());
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT display_name FROM members WHERE id = ?"), {id})
                 .toString(),
             QStringLiteral("Katherine Johnson"));
    QCOMPARE(tagsOf(id), (QStringList{QStringLiteral("Keynote"), QStringLiteral("nasa")}));
    const qint64 version = editor.rowVersion(id);
    const qint64 next = editor.updateFields(id, {QStringLiteral("K. Johnson"), {}}, version);
    QCOMPARE(next, version + 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT sort_name FROM members WHERE id = ?"), {id})
                 .toString(),
             QStringLiteral("k. johnson"));
    QVERIFY(m_db->scalar(QStringLiteral("SELECT email FROM members WHERE id = ?"), {id}).isNull());
    editor.removeAddedMember(id);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members WHERE id = ?"), {id}), 0);
}

void tst_MemberEditor::addWithHandle()
{
    const QString db = m_db->connectionName();
    MemberEditor editor(db);
    // A post on an existing source mentions @gracehopper before anyone knows who that is.
    const qint64 postId = m_db->scalar(QStringLiteral("SELECT MIN(id) FROM posts")).toLongLong();
    const QString source
        = m_db->scalar(QStringLiteral("SELECT s.name FROM posts p JOIN discussions d ON d.id = "
                                      "p.discussion_id JOIN sources s ON s.id = d.source_id "
                                      "WHERE p.id = ?"),
                       {postId})
              .toString();
    SqlQuery::execDirect(db,
                         QStringLiteral("INSERT INTO mentions (post_id, member_id, handle) VALUES "
                                        "(%1, NULL, 'gracehopper')")
                             .arg(postId));
    QVERIFY(editor.sourceNames().contains(source));

    QVERIFY(
        !MemberEditor::validate({QStringLiteral("Grace"), {}, {}, QStringLiteral("@gh")}).isEmpty());
    const qint64 id = editor.addMember(
        {QStringLiteral("Grace Hopper"), {}, source, QStringLiteral("@GraceHopper")});
    SqlQuery identity(db,
                      QStringLiteral("SELECT i.value, i.normalized, s.name FROM identities i JOIN "
                                     "sources s ON s.id = i.source_id WHERE i.member_id = ?"));
    identity.bind(id).exec();
    QVERIFY(identity.next());
    QCOMPARE(identity.toString(0), QStringLiteral("GraceHopper"));
    QCOMPARE(identity.toString(1), QStringLiteral("gracehopper"));
    QCOMPARE(identity.toString(2), source);
    identity.finish();
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT member_id FROM mentions WHERE handle = "
                                         "'gracehopper'"))
                 .toLongLong(),
             id);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT mentions_received FROM members WHERE id = ?"), {id})
                 .toInt(),
             1);

    // The handle is hers on that source: nobody else gets it, and nothing is stored.
    const qint64 members = m_db->count(QStringLiteral("SELECT COUNT(*) FROM members"));
    QVERIFY_THROWS_EXCEPTION(StorageError,
                             editor.addMember({QStringLiteral("Someone"),
                                               {},
                                               source,
                                               QStringLiteral("gracehopper")}));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), members);

    // On a new source the handle is free; the source is made.
    const qint64 other = editor.addMember(
        {QStringLiteral("G. Hopper"), {}, QStringLiteral("Mastodon"), QStringLiteral("grace")});
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT kind FROM sources WHERE name = 'Mastodon'"))
                 .toString(),
             QStringLiteral("manual"));

    // Undo of the add takes the identity with it and leaves the mention unknown again.
    editor.removeAddedMember(id);
    editor.removeAddedMember(other);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM identities WHERE member_id IN "
                                        "(?, ?)"),
                         {id, other}),
             0);
    QVERIFY(m_db->scalar(QStringLiteral("SELECT member_id FROM mentions WHERE handle = "
                                        "'gracehopper'"))
                .isNull());
}

void tst_MemberEditor::editConflict()
{
    const qint64 id = busiest(1).constFirst();
    MemberEditor editor(m_db->connectionName());
    const qint64 version = editor.rowVersion(id);
    editor.updateFields(id, {QStringLiteral("First"), {}}, version);
    QVERIFY_THROWS_EXCEPTION(ConcurrentChangeError,
                             editor.updateFields(id, {QStringLiteral("Second"), {}}, version));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT display_name FROM members WHERE id = ?"), {id})
                 .toString(),
             QStringLiteral("First"));
}

void tst_MemberEditor::bulkTagging()
{
    const QList<qint64> ids = busiest(5);
    MemberEditor editor(m_db->connectionName());
    QCOMPARE(editor.addTag({ids.at(0)}, QStringLiteral("Core")).members, QList<qint64>{ids.at(0)});
    // Only the members without it yet are reported (and would be untagged by undo).
    const MemberEditor::Tagging again = editor.addTag(ids, QStringLiteral("core"));
    QVERIFY(!again.createdTag);
    QList<qint64> tagged = again.members;
    QList<qint64> expected = ids.mid(1);
    std::sort(expected.begin(), expected.end());
    QCOMPARE(tagged, expected);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM tags WHERE normalized = 'core'")), 1);
    QList<qint64> untagged = editor.removeTag({ids.at(0), ids.at(1)}, QStringLiteral("CORE"));
    QCOMPARE(untagged.size(), 2);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM member_tags mt JOIN tags t ON t.id "
                                        "= mt.tag_id WHERE t.normalized = 'core'")),
             3);
    QVERIFY(editor.removeTag(ids, QStringLiteral("no-such-tag")).isEmpty());
    QVERIFY_THROWS_EXCEPTION(StorageError, editor.addTag(ids, QStringLiteral("#")));
}

void tst_MemberEditor::undoStackRoundTrip()
{
    const QList<qint64> ids = busiest(3);
    const auto before = TableSnapshot::take(m_db->connectionName());
    const QString db = m_db->connectionName();
    QStringList errors;
    auto onError = [&errors](const QString &message) { errors << message; };
    QUndoStack stack;

    // Tag two members.
    const MemberEditor::Tagging tagged = MemberEditor(db).addTag(ids.mid(0, 2),
                                                                 QStringLiteral("vip"));
    stack.push(new MemberCommand(
        QStringLiteral("Tag"),
        [db, tagged] {
            MemberEditor(db).removeTag(tagged.members, QStringLiteral("vip"), tagged.createdTag);
        },
        [db, tagged] { MemberEditor(db).addTag(tagged.members, QStringLiteral("vip")); },
        onError));
    // Add a member; redo brings it back with the same id.
    const MemberEditor::Fields fields{QStringLiteral("New Person"), {}};
    const qint64 added = MemberEditor(db).addMember(fields);
    stack.push(new MemberCommand(
        QStringLiteral("Add"),
        [db, added] { MemberEditor(db).removeAddedMember(added); },
        [db, added, fields] { MemberEditor(db).addMember(fields, added); },
        onError));
    // Merge the third into the first; undo plays back its journal entry.
    auto journalId = std::make_shared<qint64>(
        MemberJournal(db).merge(ids.at(0), {ids.at(2)}).journalId);
    const qint64 keep = ids.at(0);
    const qint64 other = ids.at(2);
    stack.push(new MemberCommand(
        QStringLiteral("Merge"),
        [db, journalId] { MemberJournal(db).undo(*journalId); },
        [db, journalId, keep, other] {
            *journalId = MemberJournal(db).merge(keep, {other}).journalId;
        },
        onError));
    QCOMPARE(stack.count(), 3);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members WHERE id = ?"), {other}), 0);
    QCOMPARE(tagsOf(ids.at(1)).count(QStringLiteral("vip")), 1);

    stack.undo();
    stack.undo();
    stack.undo();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QString difference = TableSnapshot::difference(before, TableSnapshot::take(db));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));

    stack.redo();
    stack.redo();
    stack.redo();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members WHERE id = ?"), {added}), 1);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members WHERE id = ?"), {other}), 0);
    QCOMPARE(tagsOf(ids.at(0)).count(QStringLiteral("vip")), 1);

    stack.undo();
    stack.undo();
    stack.undo();
    difference = TableSnapshot::difference(before, TableSnapshot::take(db));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));

    // A step that cannot be played back (someone else deleted the kept member meanwhile) is
    // reported and leaves the stack.
    stack.redo();
    stack.redo();
    stack.redo();
    SqlQuery::execDirect(db, QStringLiteral("DELETE FROM members WHERE id = %1").arg(keep));
    stack.undo();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(stack.count(), 2);
}

void tst_MemberEditor::eraseKeepsPosts()
{
    const qint64 id = busiest(1).constFirst();
    MemberEditor editor(m_db->connectionName());
    editor.addTag({id}, QStringLiteral("personal"));
    SqlQuery::execDirect(m_db->connectionName(),
                         QStringLiteral("UPDATE members SET notes = 'private', email = "
                                        "'x@example.org' WHERE id = %1")
                             .arg(id));
    // A merge into this member holds copies of personal data: erasing forgets it.
    const qint64 other = busiest(2).at(1);
    MemberJournal(m_db->connectionName()).merge(id, {other});
    const qint64 posts = m_db->count(QStringLiteral(
                                         "SELECT COUNT(*) FROM posts WHERE author_id = ?"),
                                     {id});
    const MemberEditor::EraseResult result
        = editor.erase(id, MemberEditor::ErasePosts::KeepAsDeletedMember);
    QVERIFY(result.identities > 0);
    QCOMPARE(result.postsRemoved, 0);
    SqlQuery row(m_db->connectionName(),
                 QStringLiteral("SELECT display_name, email, notes FROM members WHERE id = ?"));
    row.bind(id).exec();
    QVERIFY(row.next());
    QCOMPARE(row.toString(0), QStringLiteral("Deleted member"));
    QVERIFY(row.value(1).isNull());
    QCOMPARE(row.toString(2), QString());
    row.finish();
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM identities WHERE member_id = ?"),
                         {id}),
             0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM member_tags WHERE member_id = ?"),
                         {id}),
             0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE author_id = ?"), {id}),
             posts);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM member_journal")), 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM journal_members")), 0);
    QVERIFY_THROWS_EXCEPTION(StorageError, editor.erase(999999, MemberEditor::ErasePosts::Remove));
}

void tst_MemberEditor::eraseRemovesPosts()
{
    const qint64 id = busiest(1).constFirst();
    const qint64 postsBefore = m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts"));
    const qint64 own = m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE author_id = ?"),
                                   {id});
    QVERIFY(own > 0);
    const MemberEditor::EraseResult result = MemberEditor(m_db->connectionName())
                                                 .erase(id, MemberEditor::ErasePosts::Remove);
    QCOMPARE(result.postsRemoved, int(own));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), postsBefore - own);
    QCOMPARE(m_db->count(QStringLiteral("SELECT post_count FROM members WHERE id = ?"), {id}), 0);
    // Every figure still matches the posts that are left.
    QCOMPARE(m_db->count(QStringLiteral(
                 "SELECT COUNT(*) FROM discussions d WHERE post_count <> (SELECT COUNT(*) FROM "
                 "posts p WHERE p.discussion_id = d.id)")),
             0);
    QCOMPARE(m_db->count(QStringLiteral(
                 "SELECT COUNT(*) FROM members m WHERE replies_received <> (SELECT COUNT(*) FROM "
                 "posts r JOIN posts p ON r.parent_id = p.id WHERE p.author_id = m.id AND "
                 "(r.author_id IS NULL OR r.author_id <> m.id))")),
             0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions d WHERE NOT EXISTS "
                                        "(SELECT 1 FROM posts p WHERE p.discussion_id = d.id)")),
             0);
}

QTEST_GUILESS_MAIN(tst_MemberEditor)
#include "tst_membereditor.moc"
