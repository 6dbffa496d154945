// SQL of the hand edits of members.
#include "membereditor.h"

#include "communitywriter.h"
#include "engagementcalculator.h"
#include "memberjournal.h"
#include "sqlidlist.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "textextractor.h"
#include "transaction.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>

namespace {

QVariant textOrNull(const QString &text)
{
    return text.trimmed().isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                    : QVariant(text.trimmed());
}

} // namespace

MemberEditor::MemberEditor(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

QString MemberEditor::validate(const Fields &fields)
{
    if (fields.name.trimmed().isEmpty())
        return tr("A member needs a name.");
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!fields.email.trimmed().isEmpty() && !email.match(fields.email.trimmed()).hasMatch())
        return tr("\"%1\" is not an e-mail address.").arg(fields.email.trimmed());
    const QString handle = TextExtractor::normalizeHandle(fields.handle.trimmed());
    if (!fields.handle.trimmed().isEmpty() && handle.isEmpty())
        return tr("\"%1\" is not a handle.").arg(fields.handle.trimmed());
    if (!handle.isEmpty() && fields.source.trimmed().isEmpty())
        return tr("Name the source the handle @%1 belongs to.").arg(handle);
    return {};
}

qint64 MemberEditor::addMember(const Fields &fields, qint64 reuseId)
{
    if (const QString problem = validate(fields); !problem.isEmpty())
        throw StorageError(problem);
    Transaction transaction(m_connectionName);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString name = fields.name.trimmed();
    qint64 id = reuseId;
    if (reuseId > 0) {
        SqlQuery insert(m_connectionName,
                        QStringLiteral("INSERT INTO members (id, display_name, sort_name, email, "
                                       "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
        insert.bind(reuseId)
            .bind(name)
            .bind(name.toCaseFolded())
            .bind(textOrNull(fields.email))
            .bind(now)
            .bind(now)
            .exec();
    } else {
        SqlQuery insert(m_connectionName,
                        QStringLiteral("INSERT INTO members (display_name, sort_name, email, "
                                       "created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
                                       "RETURNING id"));
        id = insert.bind(name)
                 .bind(name.toCaseFolded())
                 .bind(textOrNull(fields.email))
                 .bind(now)
                 .bind(now)
                 .scalar()
                 .toLongLong();
    }
    if (!TextExtractor::normalizeHandle(fields.handle).isEmpty())
        addHandle(id, fields.source.trimmed(), fields.handle.trimmed(), name, now);
    transaction.commit();
    return id;
}

void MemberEditor::addHandle(qint64 memberId,
                             const QString &source,
                             const QString &written,
                             const QString &displayName,
                             qint64 now)
{
    const QString value = written.startsWith(QLatin1Char('@')) ? written.mid(1) : written;
    const QString handle = TextExtractor::normalizeHandle(written);
    SqlQuery owner(m_connectionName,
                   QStringLiteral("SELECT m.display_name FROM identities i JOIN sources s ON s.id "
                                  "= i.source_id JOIN members m ON m.id = i.member_id WHERE s.name "
                                  "= ? AND i.kind = 'handle' AND i.normalized = ?"));
    const QVariant taken = owner.bind(source).bind(handle).scalar();
    if (taken.isValid())
        throw StorageError(tr("@%1 on %2 is already %3.").arg(value, source, taken.toString()));
    SqlQuery find(m_connectionName,
                  QStringLiteral("SELECT id FROM sources WHERE name = ? ORDER BY id LIMIT 1"));
    qint64 sourceId = find.bind(source).scalar().toLongLong();
    if (sourceId == 0) {
        SqlQuery insert(m_connectionName,
                        QStringLiteral("INSERT INTO sources (kind, name, created_at) VALUES "
                                       "('manual', ?, ?) RETURNING id"));
        sourceId = insert.bind(source).bind(now).scalar().toLongLong();
    }
    SqlQuery identity(m_connectionName,
                      QStringLiteral("INSERT INTO identities (member_id, source_id, kind, value, "
                                     "normalized, display_name, created_at) VALUES (?, ?, "
                                     "'handle', ?, ?, ?, ?)"));
    identity.bind(memberId).bind(sourceId).bind(value).bind(handle).bind(displayName).bind(now).exec();
    // Mentions of the handle on that source written before the member was known.
    SqlQuery link(m_connectionName,
                  QStringLiteral("UPDATE mentions SET member_id = ? WHERE member_id IS NULL AND "
                                 "handle = ? AND EXISTS (SELECT 1 FROM posts p JOIN discussions d "
                                 "ON d.id = p.discussion_id WHERE p.id = mentions.post_id AND "
                                 "d.source_id = ?)"));
    link.bind(memberId).bind(handle).bind(sourceId).exec();
    if (link.numRowsAffected() > 0)
        CommunityWriter::refreshMemberFigures(m_connectionName, {memberId});
}

QStringList MemberEditor::sourceNames() const
{
    SqlQuery query(m_connectionName,
                   QStringLiteral("SELECT DISTINCT name FROM sources ORDER BY name"));
    query.exec();
    QStringList names;
    while (query.next())
        names.append(query.toString(0));
    return names;
}

void MemberEditor::removeAddedMember(qint64 memberId)
{
    Transaction transaction(m_connectionName);
    SqlQuery remove(m_connectionName, QStringLiteral("DELETE FROM members WHERE id = ?"));
    remove.bind(memberId).exec();
    transaction.commit();
}

qint64 MemberEditor::rowVersion(qint64 memberId) const
{
    SqlQuery query(m_connectionName, QStringLiteral("SELECT row_version FROM members WHERE id = ?"));
    return query.bind(memberId).scalar().toLongLong();
}

qint64 MemberEditor::updateFields(qint64 memberId, const Fields &fields, qint64 expectedVersion)
{
    if (const QString problem = validate(fields); !problem.isEmpty())
        throw StorageError(problem);
    Transaction transaction(m_connectionName);
    const QString name = fields.name.trimmed();
    SqlQuery update(m_connectionName,
                    QStringLiteral("UPDATE members SET display_name = ?, sort_name = ?, email = ?, "
                                   "updated_at = ?, row_version = row_version + 1 "
                                   "WHERE id = ? AND row_version = ?"));
    update.bind(name)
        .bind(name.toCaseFolded())
        .bind(textOrNull(fields.email))
        .bind(QDateTime::currentSecsSinceEpoch())
        .bind(memberId)
        .bind(expectedVersion)
        .exec();
    if (update.numRowsAffected() != 1) {
        throw ConcurrentChangeError(
            rowVersion(memberId) == 0
                ? ConcurrentChangeError::tr("Someone else deleted this member meanwhile.")
                : ConcurrentChangeError::tr("Someone else changed this member meanwhile. "
                                            "Reload to see their changes."));
    }
    transaction.commit();
    return expectedVersion + 1;
}

qint64 MemberEditor::tagId(const QString &tag, bool create, bool *created)
{
    const QString normalized = TextExtractor::normalizeTag(tag);
    if (normalized.isEmpty())
        throw StorageError(tr("A tag needs a name."));
    if (create) {
        SqlQuery insert(m_connectionName,
                        QStringLiteral("INSERT INTO tags (name, normalized) VALUES (?, ?) "
                                       "ON CONFLICT DO NOTHING"));
        QString name = tag.trimmed();
        if (name.startsWith(QLatin1Char('#')))
            name.remove(0, 1);
        insert.bind(name).bind(normalized).exec();
        if (created)
            *created = insert.numRowsAffected() == 1;
    }
    SqlQuery find(m_connectionName, QStringLiteral("SELECT id FROM tags WHERE normalized = ?"));
    return find.bind(normalized).scalar().toLongLong();
}

MemberEditor::Tagging MemberEditor::addTag(const QList<qint64> &memberIds, const QString &tag)
{
    if (memberIds.isEmpty())
        return {};
    Transaction transaction(m_connectionName);
    Tagging result;
    const qint64 tagKey = tagId(tag, true, &result.createdTag);
    // Members that have it already are left alone, and not given back by undo.
    SqlQuery missing(m_connectionName,
                     QStringLiteral("SELECT id FROM members WHERE id IN ")
                         + SqlIdList::placeholders(memberIds.size())
                         + QStringLiteral(" AND id NOT IN (SELECT member_id FROM member_tags "
                                          "WHERE tag_id = ?) ORDER BY id"));
    for (qint64 id : memberIds)
        missing.bind(id);
    missing.bind(tagKey).exec();
    QList<qint64> &tagged = result.members;
    while (missing.next())
        tagged << missing.toInt64(0);
    missing.finish();
    if (!tagged.isEmpty()) {
        SqlQuery insert(m_connectionName,
                        QStringLiteral("INSERT INTO member_tags (member_id, tag_id) SELECT id, "
                                       "CAST(? AS BIGINT) FROM members WHERE id IN ")
                            + SqlIdList::placeholders(tagged.size()));
        insert.bind(tagKey);
        for (qint64 id : std::as_const(tagged))
            insert.bind(id);
        insert.exec();
    }
    transaction.commit();
    return result;
}

QList<qint64> MemberEditor::removeTag(const QList<qint64> &memberIds,
                                      const QString &tag,
                                      bool dropTag)
{
    if (memberIds.isEmpty())
        return {};
    Transaction transaction(m_connectionName);
    const qint64 tagKey = tagId(tag, false);
    if (tagKey == 0) {
        transaction.commit();
        return {};
    }
    SqlQuery had(m_connectionName,
                 QStringLiteral("SELECT member_id FROM member_tags WHERE tag_id = ? AND "
                                "member_id IN ")
                     + SqlIdList::placeholders(memberIds.size())
                     + QStringLiteral(" ORDER BY member_id"));
    had.bind(tagKey);
    for (qint64 id : memberIds)
        had.bind(id);
    had.exec();
    QList<qint64> untagged;
    while (had.next())
        untagged << had.toInt64(0);
    had.finish();
    if (!untagged.isEmpty()) {
        SqlQuery remove(m_connectionName,
                        QStringLiteral("DELETE FROM member_tags WHERE tag_id = ? AND member_id IN ")
                            + SqlIdList::placeholders(untagged.size()));
        remove.bind(tagKey);
        for (qint64 id : std::as_const(untagged))
            remove.bind(id);
        remove.exec();
    }
    if (dropTag) {
        SqlQuery drop(m_connectionName,
                      QStringLiteral(
                          "DELETE FROM tags WHERE id = ? AND NOT EXISTS (SELECT 1 FROM member_tags "
                          "WHERE tag_id = tags.id) AND NOT EXISTS (SELECT 1 FROM discussion_tags "
                          "WHERE tag_id = tags.id) AND NOT EXISTS (SELECT 1 FROM post_tags WHERE "
                          "tag_id = tags.id)"));
        drop.bind(tagKey).exec();
    }
    transaction.commit();
    return untagged;
}

MemberEditor::EraseResult MemberEditor::erase(qint64 memberId, ErasePosts posts)
{
    Transaction transaction(m_connectionName);
    if (rowVersion(memberId) == 0)
        throw StorageError(tr("There is no member %1.").arg(memberId));
    EraseResult result;
    // Copies of the personal data in undo entries go too (those changes can no longer be undone).
    MemberJournal(m_connectionName).forgetMember(memberId);

    SqlQuery identities(m_connectionName,
                        QStringLiteral("DELETE FROM identities WHERE member_id = ?"));
    identities.bind(memberId).exec();
    result.identities = identities.numRowsAffected();
    SqlQuery tags(m_connectionName, QStringLiteral("DELETE FROM member_tags WHERE member_id = ?"));
    tags.bind(memberId).exec();
    const QString name = tr("Deleted member");
    SqlQuery anonymise(m_connectionName,
                       QStringLiteral("UPDATE members SET display_name = ?, sort_name = ?, "
                                      "email = NULL, notes = '', updated_at = ?, "
                                      "row_version = row_version + 1 WHERE id = ?"));
    anonymise.bind(name)
        .bind(name.toCaseFolded())
        .bind(QDateTime::currentSecsSinceEpoch())
        .bind(memberId)
        .exec();

    if (posts == ErasePosts::Remove) {
        SqlQuery
            discussionsQuery(m_connectionName,
                             QStringLiteral(
                                 "SELECT DISTINCT discussion_id FROM posts WHERE author_id = ?"));
        discussionsQuery.bind(memberId);
        const QSet<qint64> discussions = SqlIdList::fetch(discussionsQuery);
        // Whose replies, mentions and answers are counted differently without these posts.
        SqlQuery
            othersQuery(m_connectionName,
                        QStringLiteral(
                            "SELECT p.author_id FROM posts r JOIN posts p ON p.id = "
                            "r.parent_id WHERE r.author_id = ? AND p.author_id IS NOT NULL "
                            "UNION SELECT r.author_id FROM posts r JOIN posts p ON p.id = "
                            "r.parent_id WHERE p.author_id = ? AND r.author_id IS NOT NULL "
                            "UNION SELECT mn.member_id FROM mentions mn JOIN posts p ON p.id "
                            "= mn.post_id WHERE p.author_id = ? AND mn.member_id IS NOT NULL"));
        othersQuery.bind(memberId).bind(memberId).bind(memberId);
        QSet<qint64> members = SqlIdList::fetch(othersQuery);
        members.insert(memberId);

        SqlQuery remove(m_connectionName, QStringLiteral("DELETE FROM posts WHERE author_id = ?"));
        remove.bind(memberId).exec();
        result.postsRemoved = remove.numRowsAffected();
        // Threads that held nothing but this member's posts would still show their titles.
        if (!discussions.isEmpty()) {
            const QList<qint64> list(discussions.cbegin(), discussions.cend());
            SqlQuery empty(m_connectionName,
                           QStringLiteral("DELETE FROM discussions WHERE id IN ")
                               + SqlIdList::placeholders(list.size())
                               + QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM posts p WHERE "
                                                "p.discussion_id = discussions.id)"));
            for (qint64 id : list)
                empty.bind(id);
            empty.exec();
        }
        CommunityWriter::refreshMemberFigures(m_connectionName, members);
        CommunityWriter::refreshDiscussionFigures(m_connectionName, discussions);
        EngagementCalculator(m_connectionName)
            .recomputeMembers(QList<qint64>(members.cbegin(), members.cend()));
    }
    transaction.commit();
    return result;
}
