// The SQL of undoable merges and deletions: set-based copies into the journal tables, then
// UPDATEs and DELETEs; undo copies back.
#include "memberjournal.h"

#include "communitywriter.h"
#include "engagementcalculator.h"
#include "sqlidlist.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "transaction.h"

#include <QSet>

namespace {

const QString memberColumns = QStringLiteral(
    "id, display_name, sort_name, email, notes, created_at, updated_at, row_version, post_count, "
    "replies_given, replies_received, mentions_received, first_seen, last_seen, "
    "engagement_score, engagement_level");

const QString identityColumns = QStringLiteral(
    "id, member_id, source_id, kind, value, normalized, display_name, created_at");

// The tables whose rows point at a member, and how a journal move names them.
struct Link
{
    const char *item;
    const char *table;
    const char *column;
};
constexpr Link links[] = {{"identity", "identities", "member_id"},
                          {"post", "posts", "author_id"},
                          {"mention", "mentions", "member_id"},
                          {"assessor", "assessors", "member_id"}};

} // namespace

MemberJournal::MemberJournal(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

QSet<qint64> MemberJournal::discussionsOf(const QList<qint64> &memberIds) const
{
    SqlQuery query(m_connectionName,
                   QStringLiteral("SELECT DISTINCT discussion_id FROM posts WHERE author_id IN ")
                       + SqlIdList::placeholders(memberIds.size()));
    SqlIdList::bind(query, memberIds);
    return SqlIdList::fetch(query);
}

qint64 MemberJournal::begin(const QString &action, qint64 keep, const QList<qint64> &memberIds)
{
    SqlQuery count(m_connectionName,
                   QStringLiteral("SELECT COUNT(*) FROM members WHERE id IN ")
                       + SqlIdList::placeholders(memberIds.size()));
    SqlIdList::bind(count, memberIds);
    const qint64 found = count.scalar().toLongLong();
    SqlQuery kept(m_connectionName, QStringLiteral("SELECT COUNT(*) FROM members WHERE id = ?"));
    if (found != memberIds.size() || (keep > 0 && kept.bind(keep).scalar().toInt() == 0))
        throw StorageError(tr("Some of these members do not exist (any more)."));

    SqlQuery entry(m_connectionName,
                   QStringLiteral("INSERT INTO member_journal (action, kept_member_id, created_at) "
                                  "VALUES (?, ?, ?) RETURNING id"));
    entry.bind(action);
    if (keep > 0)
        entry.bind(keep);
    else
        entry.bindNull(QMetaType::fromType<qint64>());
    const qint64 journalId = entry.bind(QDateTime::currentSecsSinceEpoch()).scalar().toLongLong();

    SqlQuery snapshot(m_connectionName,
                      QStringLiteral("INSERT INTO journal_members (journal_id, ") + memberColumns
                          + QStringLiteral(") SELECT CAST(? AS BIGINT), ") + memberColumns
                          + QStringLiteral(" FROM members WHERE id IN ")
                          + SqlIdList::placeholders(memberIds.size()));
    snapshot.bind(journalId);
    SqlIdList::bind(snapshot, memberIds);
    snapshot.exec();
    return journalId;
}

int MemberJournal::recordMoves(qint64 journalId,
                               const QString &item,
                               const QString &table,
                               const QString &column,
                               const QList<qint64> &memberIds)
{
    const QString rowId = table == QLatin1String("member_tags") ? QStringLiteral("tag_id")
                                                                : QStringLiteral("id");
    SqlQuery record(m_connectionName,
                    QStringLiteral("INSERT INTO journal_moves (journal_id, item, row_id, "
                                   "from_member_id) SELECT CAST(? AS BIGINT), CAST(? AS TEXT), ")
                        + rowId + QStringLiteral(", ") + column + QStringLiteral(" FROM ") + table
                        + QStringLiteral(" WHERE ") + column + QStringLiteral(" IN ")
                        + SqlIdList::placeholders(memberIds.size()));
    record.bind(journalId).bind(item);
    SqlIdList::bind(record, memberIds);
    record.exec();
    return record.numRowsAffected();
}

MemberJournal::MergeResult MemberJournal::merge(qint64 keep, const QList<qint64> &others)
{
    QList<qint64> folded;
    for (qint64 id : others) {
        if (id == keep)
            throw StorageError(tr("A member cannot be merged into itself."));
        if (!folded.contains(id))
            folded << id;
    }
    if (folded.isEmpty())
        throw StorageError(tr("Choose at least one member to merge into the kept one."));

    Transaction transaction(m_connectionName);
    MergeResult result;
    result.journalId = begin(QStringLiteral("merge"), keep, folded);

    // Discussions whose participants change once the posts have one author.
    const QSet<qint64> discussions = discussionsOf(folded);

    for (const Link &link : links) {
        const int moved = recordMoves(result.journalId,
                                      QLatin1String(link.item),
                                      QLatin1String(link.table),
                                      QLatin1String(link.column),
                                      folded);
        SqlQuery update(m_connectionName,
                        QStringLiteral("UPDATE %1 SET %2 = ? WHERE %2 IN ")
                                .arg(QLatin1String(link.table), QLatin1String(link.column))
                            + SqlIdList::placeholders(folded.size()));
        update.bind(keep);
        SqlIdList::bind(update, folded);
        update.exec();
        if (qstrcmp(link.item, "identity") == 0)
            result.identities = moved;
        else if (qstrcmp(link.item, "post") == 0)
            result.posts = moved;
        else if (qstrcmp(link.item, "mention") == 0)
            result.mentions = moved;
    }

    // Tags: what the others had (removed with them), and what keep gains.
    recordMoves(result.journalId,
                QStringLiteral("tag"),
                QStringLiteral("member_tags"),
                QStringLiteral("member_id"),
                folded);
    SqlQuery added(m_connectionName,
                   QStringLiteral("INSERT INTO journal_moves (journal_id, item, row_id, "
                                  "from_member_id) SELECT DISTINCT CAST(? AS BIGINT), 'tag_added', "
                                  "tag_id, CAST(? AS BIGINT) FROM member_tags WHERE member_id IN ")
                       + SqlIdList::placeholders(folded.size())
                       + QStringLiteral(" AND tag_id NOT IN (SELECT tag_id FROM member_tags "
                                        "WHERE member_id = ?)"));
    added.bind(result.journalId).bind(keep);
    SqlIdList::bind(added, folded);
    added.bind(keep).exec();
    result.tags = added.numRowsAffected();
    SqlQuery gain(m_connectionName,
                  QStringLiteral("INSERT INTO member_tags (member_id, tag_id) SELECT "
                                 "CAST(? AS BIGINT), row_id FROM journal_moves WHERE "
                                 "journal_id = ? AND item = 'tag_added'"));
    gain.bind(keep).bind(result.journalId).exec();

    SqlQuery remove(m_connectionName,
                    QStringLiteral("DELETE FROM members WHERE id IN ")
                        + SqlIdList::placeholders(folded.size()));
    SqlIdList::bind(remove, folded);
    remove.exec();

    CommunityWriter::refreshMemberFigures(m_connectionName, {keep});
    CommunityWriter::refreshDiscussionFigures(m_connectionName, discussions);
    EngagementCalculator(m_connectionName).recomputeMembers({keep});
    transaction.commit();
    return result;
}

qint64 MemberJournal::remove(const QList<qint64> &memberIds)
{
    if (memberIds.isEmpty())
        throw StorageError(tr("Choose the members to delete."));
    QList<qint64> members;
    for (qint64 id : memberIds) {
        if (!members.contains(id))
            members << id;
    }
    Transaction transaction(m_connectionName);
    const qint64 journalId = begin(QStringLiteral("delete"), 0, members);

    const QSet<qint64> discussions = discussionsOf(members);

    SqlQuery identities(m_connectionName,
                        QStringLiteral("INSERT INTO journal_identities (journal_id, ")
                            + identityColumns + QStringLiteral(") SELECT CAST(? AS BIGINT), ")
                            + identityColumns
                            + QStringLiteral(" FROM identities WHERE member_id IN ")
                            + SqlIdList::placeholders(members.size()));
    identities.bind(journalId);
    SqlIdList::bind(identities, members);
    identities.exec();
    for (const Link &link : links) {
        if (qstrcmp(link.item, "identity") == 0)
            continue; // removed with the member, kept whole above
        recordMoves(journalId,
                    QLatin1String(link.item),
                    QLatin1String(link.table),
                    QLatin1String(link.column),
                    members);
    }
    recordMoves(journalId,
                QStringLiteral("tag"),
                QStringLiteral("member_tags"),
                QStringLiteral("member_id"),
                members);
    // The foreign keys clear posts, mentions and assessors and drop identities and tags.
    SqlQuery remove(m_connectionName,
                    QStringLiteral("DELETE FROM members WHERE id IN ")
                        + SqlIdList::placeholders(members.size()));
    SqlIdList::bind(remove, members);
    remove.exec();
    CommunityWriter::refreshDiscussionFigures(m_connectionName, discussions);
    transaction.commit();
    return journalId;
}

void MemberJournal::undo(qint64 journalId)
{
    Transaction transaction(m_connectionName);
    SqlQuery entry(m_connectionName,
                   QStringLiteral(
                       "SELECT action, kept_member_id FROM member_journal WHERE id = ?"));
    entry.bind(journalId).exec();
    if (!entry.next())
        throw StorageError(tr("There is no merge or deletion %1 to undo.").arg(journalId));
    const bool isMerge = entry.toString(0) == QLatin1String("merge");
    const qint64 keep = entry.toInt64(1);
    entry.finish();
    if (isMerge) {
        SqlQuery kept(m_connectionName, QStringLiteral("SELECT COUNT(*) FROM members WHERE id = ?"));
        if (kept.bind(keep).scalar().toInt() == 0)
            throw StorageError(
                tr("The member kept by this merge is gone; undo the later merge or deletion of "
                   "that member first."));
    }

    SqlQuery restored(m_connectionName,
                      QStringLiteral("SELECT id FROM journal_members WHERE journal_id = ?"));
    restored.bind(journalId);
    QSet<qint64> members = SqlIdList::fetch(restored);

    SqlQuery insertMembers(m_connectionName,
                           QStringLiteral("INSERT INTO members (") + memberColumns
                               + QStringLiteral(") SELECT ") + memberColumns
                               + QStringLiteral(" FROM journal_members WHERE journal_id = ?"));
    insertMembers.bind(journalId).exec();
    SqlQuery insertIdentities(m_connectionName,
                              QStringLiteral("INSERT INTO identities (") + identityColumns
                                  + QStringLiteral(") SELECT ") + identityColumns
                                  + QStringLiteral(" FROM journal_identities WHERE "
                                                   "journal_id = ?"));
    insertIdentities.bind(journalId).exec();

    SqlQuery discussionsQuery(m_connectionName,
                              QStringLiteral("SELECT DISTINCT p.discussion_id FROM posts p JOIN "
                                             "journal_moves mv ON mv.row_id = p.id WHERE "
                                             "mv.journal_id = ? AND mv.item = 'post'"));
    discussionsQuery.bind(journalId);
    const QSet<qint64> discussions = SqlIdList::fetch(discussionsQuery);

    for (const Link &link : links) {
        SqlQuery back(m_connectionName,
                      QStringLiteral(
                          "UPDATE %1 SET %2 = (SELECT mv.from_member_id FROM journal_moves "
                          "mv WHERE mv.journal_id = ? AND mv.item = ? AND mv.row_id = %1.id) "
                          "WHERE id IN (SELECT row_id FROM journal_moves WHERE "
                          "journal_id = ? AND item = ?)")
                          .arg(QLatin1String(link.table), QLatin1String(link.column)));
        back.bind(journalId)
            .bind(QLatin1String(link.item))
            .bind(journalId)
            .bind(QLatin1String(link.item))
            .exec();
    }
    if (isMerge) {
        SqlQuery dropAdded(m_connectionName,
                           QStringLiteral("DELETE FROM member_tags WHERE member_id = ? AND tag_id "
                                          "IN (SELECT row_id FROM journal_moves WHERE "
                                          "journal_id = ? AND item = 'tag_added')"));
        dropAdded.bind(keep).bind(journalId).exec();
    }
    SqlQuery tags(m_connectionName,
                  QStringLiteral("INSERT INTO member_tags (member_id, tag_id) SELECT "
                                 "from_member_id, row_id FROM journal_moves WHERE "
                                 "journal_id = ? AND item = 'tag' AND row_id IN "
                                 "(SELECT id FROM tags)"));
    tags.bind(journalId).exec();

    forget(journalId);
    if (isMerge)
        members.insert(keep);
    CommunityWriter::refreshMemberFigures(m_connectionName, members);
    CommunityWriter::refreshDiscussionFigures(m_connectionName, discussions);
    EngagementCalculator(m_connectionName)
        .recomputeMembers(QList<qint64>(members.cbegin(), members.cend()));
    transaction.commit();
}

void MemberJournal::forget(qint64 journalId)
{
    for (const char *table : {"journal_moves", "journal_identities", "journal_members"}) {
        SqlQuery drop(m_connectionName,
                      QStringLiteral("DELETE FROM %1 WHERE journal_id = ?")
                          .arg(QLatin1String(table)));
        drop.bind(journalId).exec();
    }
    SqlQuery drop(m_connectionName, QStringLiteral("DELETE FROM member_journal WHERE id = ?"));
    drop.bind(journalId).exec();
}

void MemberJournal::forgetMember(qint64 memberId)
{
    Transaction transaction(m_connectionName);
    SqlQuery find(m_connectionName,
                  QStringLiteral("SELECT id FROM member_journal WHERE kept_member_id = ? UNION "
                                 "SELECT journal_id FROM journal_members WHERE id = ? UNION "
                                 "SELECT journal_id FROM journal_moves WHERE from_member_id = ?"));
    find.bind(memberId).bind(memberId).bind(memberId);
    const QSet<qint64> entries = SqlIdList::fetch(find);
    for (qint64 id : entries)
        forget(id);
    transaction.commit();
}

QList<MemberJournal::Entry> MemberJournal::entries(int limit) const
{
    QList<Entry> list;
    SqlQuery query(m_connectionName,
                   QStringLiteral("SELECT id, action, kept_member_id, created_at FROM "
                                  "member_journal ORDER BY id DESC LIMIT ?"));
    query.bind(limit).exec();
    while (query.next()) {
        Entry entry;
        entry.id = query.toInt64(0);
        entry.action = query.toString(1);
        entry.keptMemberId = query.value(2).isNull() ? 0 : query.toInt64(2);
        entry.created = QDateTime::fromSecsSinceEpoch(query.toInt64(3));
        list << entry;
    }
    query.finish();
    for (Entry &entry : list) {
        SqlQuery members(m_connectionName,
                         QStringLiteral("SELECT id, display_name FROM journal_members "
                                        "WHERE journal_id = ? ORDER BY id"));
        members.bind(entry.id).exec();
        while (members.next()) {
            entry.memberIds << members.toInt64(0);
            entry.names << members.toString(1);
        }
    }
    return list;
}
