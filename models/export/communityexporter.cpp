// Members and posts CSV in the columns the imports read, and one member's data as JSON.
#include "communityexporter.h"

#include "csvwriter.h"
#include "postscsvimporter.h"
#include "sqlquery.h"
#include "storageerror.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSaveFile>

#include <iterator>

namespace {

// The engagement level as a stable English word (the CSV is read by scripts, whatever the
// language of the app); empty before levels were first computed.
QString levelKey(const QVariant &stored)
{
    static const char *const keys[] = {"inactive",
                                       "exploring",
                                       "participating",
                                       "contributing",
                                       "leading"};
    if (stored.isNull())
        return {};
    const int level = stored.toInt();
    return level >= 0 && level < int(std::size(keys)) ? QString::fromLatin1(keys[level])
                                                      : QString();
}

QString isoTime(const QVariant &seconds)
{
    if (seconds.isNull() || !seconds.isValid())
        return {};
    return QDateTime::fromSecsSinceEpoch(seconds.toLongLong(), Qt::UTC).toString(Qt::ISODate);
}

QJsonValue jsonTime(const QVariant &seconds)
{
    const QString text = isoTime(seconds);
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue jsonText(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(value.toString());
}

QJsonValue jsonId(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(value.toLongLong());
}

void writeRecord(CsvWriter &writer, const QStringList &fields, QIODevice *device)
{
    if (!writer.writeRecord(fields))
        throw StorageError(CommunityExporter::tr("Cannot write: %1").arg(device->errorString()));
}

qint64 countRows(const QString &connectionName, const QString &table)
{
    return SqlQuery(connectionName, QStringLiteral("SELECT COUNT(*) FROM ") + table)
        .scalar()
        .toLongLong();
}

void report(const CommunityExporter::Progress &progress, qint64 done, qint64 total)
{
    if (progress && (done % 500 == 0 || done == total) && !progress(done, total))
        throw OperationCancelled();
}

} // namespace

CommunityExporter::CommunityExporter(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

QStringList CommunityExporter::memberColumns()
{
    return {QStringLiteral("id"),
            QStringLiteral("name"),
            QStringLiteral("handles"),
            QStringLiteral("email"),
            QStringLiteral("tags"),
            QStringLiteral("posts"),
            QStringLiteral("replies_given"),
            QStringLiteral("replies_received"),
            QStringLiteral("mentions_received"),
            QStringLiteral("first_seen"),
            QStringLiteral("last_seen"),
            QStringLiteral("level")};
}

QStringList CommunityExporter::postColumns()
{
    return {QStringLiteral("id"),
            QStringLiteral("source"),
            QStringLiteral("discussion_id"),
            QStringLiteral("discussion"),
            QStringLiteral("author"),
            QStringLiteral("time"),
            QStringLiteral("text"),
            QStringLiteral("parent")};
}

qint64 CommunityExporter::writeMembersCsv(QIODevice *device, const Progress &progress) const
{
    const qint64 total = countRows(m_connectionName, QStringLiteral("members"));
    // Handles and tags of everyone first: two queries instead of two per member.
    QHash<qint64, QStringList> handles;
    SqlQuery handleQuery(m_connectionName,
                         QStringLiteral("SELECT i.member_id, s.name, i.value FROM identities i "
                                        "JOIN sources s ON s.id = i.source_id WHERE i.kind = "
                                        "'handle' ORDER BY i.member_id, s.name, i.value"));
    handleQuery.exec();
    while (handleQuery.next())
        handles[handleQuery.toInt64(0)]
            << handleQuery.toString(1) + QLatin1Char(':') + handleQuery.toString(2);
    QHash<qint64, QStringList> tags;
    SqlQuery tagQuery(m_connectionName,
                      QStringLiteral("SELECT mt.member_id, t.name FROM member_tags mt JOIN tags t "
                                     "ON t.id = mt.tag_id ORDER BY mt.member_id, t.name"));
    tagQuery.exec();
    while (tagQuery.next())
        tags[tagQuery.toInt64(0)] << tagQuery.toString(1);

    CsvWriter writer(device);
    writeRecord(writer, memberColumns(), device);
    SqlQuery
        members(m_connectionName,
                QStringLiteral(
                    "SELECT m.id, m.display_name, COALESCE(m.email, (SELECT MIN(i.value) FROM "
                    "identities i WHERE i.member_id = m.id AND i.kind = 'email')), "
                    "m.post_count, m.replies_given, m.replies_received, m.mentions_received, "
                    "m.first_seen, m.last_seen, m.engagement_level FROM members m ORDER BY m.id"));
    members.exec();
    qint64 done = 0;
    while (members.next()) {
        const qint64 id = members.toInt64(0);
        writeRecord(writer,
                    {QString::number(id),
                     members.toString(1),
                     handles.value(id).join(QLatin1Char(';')),
                     members.toString(2),
                     tags.value(id).join(QLatin1Char(';')),
                     members.toString(3),
                     members.toString(4),
                     members.toString(5),
                     members.toString(6),
                     isoTime(members.value(7)),
                     isoTime(members.value(8)),
                     levelKey(members.value(9))},
                    device);
        report(progress, ++done, total);
    }
    return done;
}

qint64 CommunityExporter::writePostsCsv(QIODevice *device, const Progress &progress) const
{
    const qint64 total = countRows(m_connectionName, QStringLiteral("posts"));
    CsvWriter writer(device);
    writeRecord(writer, postColumns(), device);
    // Posts in the order they were stored, so a parent always comes before its replies.
    SqlQuery posts(
        m_connectionName,
        QStringLiteral(
            "SELECT p.external_id, s.name, d.external_id, d.title, m.display_name, "
            "(SELECT MIN(i.value) FROM identities i WHERE i.member_id = p.author_id AND "
            "i.source_id = d.source_id AND i.kind = 'handle'), m.email, p.created_at, "
            "p.body_text, pp.external_id FROM posts p JOIN discussions d ON d.id = "
            "p.discussion_id JOIN sources s ON s.id = d.source_id LEFT JOIN members m ON m.id = "
            "p.author_id LEFT JOIN posts pp ON pp.id = p.parent_id ORDER BY d.id, p.id"));
    posts.exec();
    qint64 done = 0;
    while (posts.next()) {
        writeRecord(writer,
                    {posts.toString(0),
                     posts.toString(1),
                     posts.toString(2),
                     posts.toString(3),
                     PostsCsvImporter::formatAuthor(posts.toString(4),
                                                    posts.toString(5),
                                                    posts.toString(6)),
                     isoTime(posts.value(7)),
                     posts.toString(8),
                     posts.toString(9)},
                    device);
        report(progress, ++done, total);
    }
    return done;
}

QJsonObject CommunityExporter::memberJson(qint64 memberId) const
{
    SqlQuery member(m_connectionName,
                    QStringLiteral("SELECT id, display_name, sort_name, email, notes, created_at, "
                                   "updated_at, post_count, replies_given, replies_received, "
                                   "mentions_received, first_seen, last_seen FROM members WHERE "
                                   "id = ?"));
    member.bind(memberId).exec();
    if (!member.next())
        throw StorageError(tr("There is no member %1.").arg(memberId));
    QJsonObject object{{QStringLiteral("id"), member.toInt64(0)},
                       {QStringLiteral("name"), member.toString(1)},
                       {QStringLiteral("sort_name"), member.toString(2)},
                       {QStringLiteral("email"), jsonText(member.value(3))},
                       {QStringLiteral("notes"), member.toString(4)},
                       {QStringLiteral("created"), jsonTime(member.value(5))},
                       {QStringLiteral("updated"), jsonTime(member.value(6))},
                       {QStringLiteral("posts_count"), member.toInt64(7)},
                       {QStringLiteral("replies_given"), member.toInt64(8)},
                       {QStringLiteral("replies_received"), member.toInt64(9)},
                       {QStringLiteral("mentions_received"), member.toInt64(10)},
                       {QStringLiteral("first_seen"), jsonTime(member.value(11))},
                       {QStringLiteral("last_seen"), jsonTime(member.value(12))}};
    member.finish();

    QJsonArray identities;
    SqlQuery identityQuery(m_connectionName,
                           QStringLiteral("SELECT s.kind, s.name, i.kind, i.value, i.display_name, "
                                          "i.created_at FROM identities i JOIN sources s ON s.id = "
                                          "i.source_id WHERE i.member_id = ? ORDER BY i.id"));
    identityQuery.bind(memberId).exec();
    while (identityQuery.next()) {
        identities.append(
            QJsonObject{{QStringLiteral("source_kind"), identityQuery.toString(0)},
                        {QStringLiteral("source"), identityQuery.toString(1)},
                        {QStringLiteral("kind"), identityQuery.toString(2)},
                        {QStringLiteral("value"), identityQuery.toString(3)},
                        {QStringLiteral("display_name"), jsonText(identityQuery.value(4))},
                        {QStringLiteral("created"), jsonTime(identityQuery.value(5))}});
    }
    object.insert(QStringLiteral("identities"), identities);

    QJsonArray tags;
    SqlQuery tagQuery(m_connectionName,
                      QStringLiteral("SELECT t.name FROM member_tags mt JOIN tags t ON t.id = "
                                     "mt.tag_id WHERE mt.member_id = ? ORDER BY t.name"));
    tagQuery.bind(memberId).exec();
    while (tagQuery.next())
        tags.append(tagQuery.toString(0));
    object.insert(QStringLiteral("tags"), tags);

    QJsonArray posts;
    SqlQuery
        postQuery(m_connectionName,
                  QStringLiteral(
                      "SELECT p.id, p.external_id, p.created_at, p.body_text, p.body_html, p.url, "
                      "p.parent_id, d.id, d.title, d.url, s.kind, s.name FROM posts p JOIN "
                      "discussions d ON d.id = p.discussion_id JOIN sources s ON s.id = "
                      "d.source_id WHERE p.author_id = ? ORDER BY p.created_at, p.id"));
    postQuery.bind(memberId).exec();
    while (postQuery.next()) {
        posts.append(
            QJsonObject{{QStringLiteral("id"), postQuery.toInt64(0)},
                        {QStringLiteral("external_id"), postQuery.toString(1)},
                        {QStringLiteral("created"), jsonTime(postQuery.value(2))},
                        {QStringLiteral("text"), postQuery.toString(3)},
                        {QStringLiteral("html"), jsonText(postQuery.value(4))},
                        {QStringLiteral("url"), jsonText(postQuery.value(5))},
                        {QStringLiteral("parent_id"), jsonId(postQuery.value(6))},
                        {QStringLiteral("discussion"),
                         QJsonObject{{QStringLiteral("id"), postQuery.toInt64(7)},
                                     {QStringLiteral("title"), postQuery.toString(8)},
                                     {QStringLiteral("url"), jsonText(postQuery.value(9))},
                                     {QStringLiteral("source_kind"), postQuery.toString(10)},
                                     {QStringLiteral("source"), postQuery.toString(11)}}}});
    }
    object.insert(QStringLiteral("posts"), posts);

    QJsonArray mentions;
    SqlQuery mentionQuery(
        m_connectionName,
        QStringLiteral("SELECT p.id, p.created_at, p.body_text, p.author_id, a.display_name, d.id, "
                       "d.title, mt.handle FROM mentions mt JOIN posts p ON p.id = mt.post_id "
                       "JOIN discussions d ON d.id = p.discussion_id LEFT JOIN members a ON a.id = "
                       "p.author_id WHERE mt.member_id = ? ORDER BY p.created_at, p.id"));
    mentionQuery.bind(memberId).exec();
    while (mentionQuery.next()) {
        mentions.append(
            QJsonObject{{QStringLiteral("post_id"), mentionQuery.toInt64(0)},
                        {QStringLiteral("created"), jsonTime(mentionQuery.value(1))},
                        {QStringLiteral("text"), mentionQuery.toString(2)},
                        {QStringLiteral("author_id"), jsonId(mentionQuery.value(3))},
                        {QStringLiteral("author"), jsonText(mentionQuery.value(4))},
                        {QStringLiteral("discussion"),
                         QJsonObject{{QStringLiteral("id"), mentionQuery.toInt64(5)},
                                     {QStringLiteral("title"), mentionQuery.toString(6)}}},
                        {QStringLiteral("handle"), mentionQuery.toString(7)}});
    }
    object.insert(QStringLiteral("mentions"), mentions);
    return object;
}

qint64 CommunityExporter::saveFile(const QString &path,
                                   const std::function<qint64(QIODevice *)> &write)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw StorageError(tr("Cannot write %1: %2").arg(path, file.errorString()));
    qint64 rows = 0;
    try {
        rows = write(&file);
    } catch (...) {
        file.cancelWriting();
        throw;
    }
    if (!file.commit())
        throw StorageError(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return rows;
}
