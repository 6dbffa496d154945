// Rows become discussions with their posts, one batch per source, written by CommunityWriter.
#include "postscsvimporter.h"

#include "communitywriter.h"
#include "feeddateparser.h"
#include "sqldialect.h"
#include "sqlquery.h"
#include "storageerror.h"

#include <QHash>
#include <QRegularExpression>

QString PostsCsvImporter::fieldLabel(int field) const
{
    switch (field) {
    case Id:
        return tr("Post id");
    case Source:
        return tr("Source");
    case DiscussionId:
        return tr("Discussion id");
    case Discussion:
        return tr("Discussion");
    case Author:
        return tr("Author");
    case Time:
        return tr("Time");
    case Text:
        return tr("Text");
    case Parent:
        return tr("Parent post id");
    default:
        return {};
    }
}

QStringList PostsCsvImporter::headerNames(int field) const
{
    switch (field) {
    case Id:
        return {QStringLiteral("id"), QStringLiteral("post id"), QStringLiteral("external id")};
    case Source:
        return {QStringLiteral("source"), QStringLiteral("platform"), QStringLiteral("site")};
    case DiscussionId:
        return {QStringLiteral("discussion_id"),
                QStringLiteral("thread id"),
                QStringLiteral("topic id")};
    case Discussion:
        return {QStringLiteral("discussion"),
                QStringLiteral("thread"),
                QStringLiteral("topic"),
                QStringLiteral("title"),
                QStringLiteral("subject"),
                QStringLiteral("channel"),
                QStringLiteral("conversation")};
    case Author:
        return {QStringLiteral("author"),
                QStringLiteral("from"),
                QStringLiteral("sender"),
                QStringLiteral("speaker"),
                QStringLiteral("user"),
                QStringLiteral("member"),
                QStringLiteral("name")};
    case Time:
        return {QStringLiteral("time"),
                QStringLiteral("date"),
                QStringLiteral("created"),
                QStringLiteral("created at"),
                QStringLiteral("timestamp"),
                QStringLiteral("datetime"),
                QStringLiteral("posted")};
    case Text:
        return {QStringLiteral("text"),
                QStringLiteral("body"),
                QStringLiteral("message"),
                QStringLiteral("content"),
                QStringLiteral("post")};
    case Parent:
        return {QStringLiteral("parent"),
                QStringLiteral("parent id"),
                QStringLiteral("in reply to"),
                QStringLiteral("reply to")};
    default:
        return {};
    }
}

QString PostsCsvImporter::mappingProblem(const QList<int> &mapping) const
{
    if (mapping.value(Discussion, -1) < 0 && mapping.value(DiscussionId, -1) < 0)
        return tr("No column names the discussion.");
    if (mapping.value(Text, -1) < 0)
        return tr("No column holds the text.");
    return {};
}

namespace {

bool hasSpace(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isSpace(); });
}

// "x@y" with x and y not empty.
bool hasInnerAt(QStringView text)
{
    const qsizetype at = text.indexOf(QLatin1Char('@'), 1);
    return at > 0 && at < text.size() - 1;
}

} // namespace

ImportAuthor PostsCsvImporter::parseAuthor(const QString &input)
{
    // Read by hand, not with regular expressions: this runs for every row of large files.
    ImportAuthor author;
    const QString text = input.simplified();
    const QStringView view(text);
    if (text.endsWith(QLatin1Char(')'))) {
        // "Name (@handle)": only the last "(@" can start it, as a handle holds no brackets.
        const qsizetype open = text.lastIndexOf(QLatin1String("(@"));
        const QStringView handle = open >= 0 ? view.sliced(open + 2, text.size() - open - 3)
                                             : QStringView();
        if (!handle.isEmpty() && !handle.contains(QLatin1Char('('))
            && !handle.contains(QLatin1Char(')')) && !hasSpace(handle)) {
            author.displayName = view.first(open).trimmed().toString();
            author.handle = handle.toString();
            return author;
        }
    }
    if (text.endsWith(QLatin1Char('>'))) {
        // "Name <e-mail>"
        const qsizetype open = text.lastIndexOf(QLatin1Char('<'));
        const QStringView email = open >= 0 ? view.sliced(open + 1, text.size() - open - 2)
                                            : QStringView();
        if (!email.contains(QLatin1Char('<')) && !email.contains(QLatin1Char('>'))
            && !hasSpace(email) && hasInnerAt(email)) {
            author.displayName = view.first(open).trimmed().toString();
            author.email = email.toString();
            return author;
        }
    }
    if (text.startsWith(QLatin1Char('@')) && !text.contains(QLatin1Char(' '))) {
        author.handle = text.mid(1);
        return author;
    }
    // A bare e-mail address: one '@', a dot inside the domain, no spaces.
    const qsizetype at = text.indexOf(QLatin1Char('@'));
    if (at > 0 && text.count(QLatin1Char('@')) == 1 && !hasSpace(view)) {
        const QStringView domain = view.sliced(at + 1);
        const qsizetype dot = domain.indexOf(QLatin1Char('.'), 1);
        if (dot > 0 && dot < domain.size() - 1) {
            author.email = text;
            return author;
        }
    }
    author.displayName = text;
    return author;
}

QString PostsCsvImporter::formatAuthor(const QString &name,
                                       const QString &handle,
                                       const QString &email)
{
    if (!handle.isEmpty())
        return name.isEmpty() ? QString(QLatin1Char('@') + handle)
                              : QString(name + QLatin1String(" (@") + handle + QLatin1Char(')'));
    if (!email.isEmpty())
        return name.isEmpty() ? email
                              : QString(name + QLatin1String(" <") + email + QLatin1Char('>'));
    return name;
}

QDateTime PostsCsvImporter::parseTime(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return {};
    // ISO 8601 first: it is what the export writes, and the quickest to read.
    QDateTime iso = QDateTime::fromString(text, Qt::ISODate);
    if (iso.isValid()) {
        if (iso.timeSpec() == Qt::LocalTime)
            iso.setTimeSpec(Qt::UTC);
        return iso.toUTC();
    }
    static const QRegularExpression digits(QStringLiteral("^\\d{9,11}$"));
    if (digits.match(text).hasMatch())
        return QDateTime::fromSecsSinceEpoch(text.toLongLong(), Qt::UTC);
    for (const QString &format : {QStringLiteral("yyyy-MM-dd HH:mm:ss"),
                                  QStringLiteral("yyyy-MM-dd HH:mm"),
                                  QStringLiteral("yyyy-MM-ddTHH:mm:ss"),
                                  QStringLiteral("yyyy-MM-dd")}) {
        QDateTime time = QDateTime::fromString(text, format);
        if (time.isValid()) {
            time.setTimeSpec(Qt::UTC);
            return time;
        }
    }
    return FeedDateParser::parse(text);
}

bool PostsCsvImporter::addRow(const QStringList &values,
                              int line,
                              QString *problem,
                              QStringList *stored)
{
    Q_UNUSED(line)
    Row row;
    row.source = values.at(Source).trimmed().isEmpty() ? defaultSource()
                                                       : values.at(Source).trimmed();
    row.discussionTitle = values.at(Discussion).simplified();
    row.discussionKey = values.at(DiscussionId).trimmed().isEmpty()
                            ? row.discussionTitle
                            : values.at(DiscussionId).trimmed();
    if (row.discussionTitle.isEmpty())
        row.discussionTitle = row.discussionKey;
    if (row.discussionKey.isEmpty()) {
        *problem = tr("no discussion; skipped.");
        return false;
    }
    const QString timeText = values.at(Time).trimmed();
    if (isMapped(Time)) {
        row.post.created = parseTime(timeText);
        if (!row.post.created.isValid()) {
            *problem = timeText.isEmpty()
                           ? tr("no time; skipped.")
                           : tr("\"%1\" is not a time (use e.g. 2024-05-01T10:00:00Z); skipped.")
                                 .arg(timeText);
            return false;
        }
    }
    // Text stays as written, line breaks and spaces included.
    row.post.text = values.at(Text);
    if (row.post.text.trimmed().isEmpty()) {
        *problem = tr("no text; skipped.");
        return false;
    }
    row.post.author = parseAuthor(values.at(Author));
    row.post.externalId = values.at(Id).trimmed();
    row.post.parentExternalId = values.at(Parent).trimmed();
    if (stored) {
        *stored = {row.post.externalId,
                   row.source,
                   row.discussionKey,
                   row.discussionTitle,
                   formatAuthor(row.post.author.displayName,
                                row.post.author.handle,
                                row.post.author.email),
                   row.post.created.isValid() ? row.post.created.toUTC().toString(Qt::ISODate)
                                              : QString(),
                   row.post.text.left(500),
                   row.post.parentExternalId};
    }
    m_rows.append(std::move(row));
    return true;
}

PostsCsvImporter::PostsCsvImporter() = default;

PostsCsvImporter::~PostsCsvImporter() = default;

void PostsCsvImporter::clearRows()
{
    m_rows.clear();
}

void PostsCsvImporter::stopWriting()
{
    // Waits for the rows its queue is writing: the connection is free when it is gone.
    m_writer.reset();
    m_sourceKinds.clear();
    if (!m_largeTransaction.isEmpty()) {
        try {
            for (const QString &statement :
                 SqlDialect::largeTransactionEnd(SqlDialect::backendOf(m_largeTransaction)))
                SqlQuery::execDirect(m_largeTransaction, statement);
        } catch (const StorageError &) {
            // Only the memory the connection keeps depends on it.
        }
        m_largeTransaction.clear();
    }
}

void PostsCsvImporter::writeRows(const QString &connectionName,
                                 const Progress &progress,
                                 Result *result)
{
    Q_UNUSED(progress)
    writeReadRows(connectionName, result);
    finishWriting(connectionName, result);
}

void PostsCsvImporter::writeReadRows(const QString &connectionName, Result *result)
{
    QList<Row> rows;
    {
        const std::lock_guard lock(rowsMutex());
        rows.swap(m_rows);
        m_rows.reserve(rows.size()); // the next part, read meanwhile, without regrowing
    }
    if (rows.isEmpty())
        return;
    if (!m_writer) {
        // One writer for the whole file: it knows the discussions its earlier rows made, and
        // counts and indexes once at the end.
        for (const QString &statement :
             SqlDialect::largeTransactionBegin(SqlDialect::backendOf(connectionName)))
            SqlQuery::execDirect(connectionName, statement);
        m_largeTransaction = connectionName;
        m_writer = std::make_unique<CommunityWriter>(connectionName);
        m_writer->setDeferStatistics(true);
        m_writer->deferSearchIndex();
        m_writer->setBulkInserts(true);
    }
    // Sources and discussions in the order the rows first name them; posts in file order.
    QStringList sources;
    QHash<QString, ImportBatch> batches;
    QHash<QString, QHash<QString, qsizetype>> discussionIndex;
    for (Row &row : rows) {
        auto batch = batches.find(row.source);
        if (batch == batches.end()) {
            ImportBatch fresh;
            auto kind = m_sourceKinds.constFind(row.source);
            if (kind == m_sourceKinds.constEnd()) {
                m_writer->waitForWrites(); // the connection is the writer's until then
                kind = m_sourceKinds.insert(row.source,
                                            CommunityWriter::sourceKindFor(connectionName,
                                                                           row.source,
                                                                           QStringLiteral("csv")));
            }
            fresh.sourceKind = kind.value();
            fresh.sourceName = row.source;
            batch = batches.insert(row.source, fresh);
            sources << row.source;
        }
        QHash<QString, qsizetype> &indexes = discussionIndex[row.source];
        auto index = indexes.constFind(row.discussionKey);
        if (index == indexes.constEnd()) {
            ImportDiscussion discussion;
            discussion.externalId = row.discussionKey;
            discussion.title = row.discussionTitle;
            discussion.created = row.post.created;
            index = indexes.insert(row.discussionKey, batch->discussions.size());
            batch->discussions.append(discussion);
        }
        batch->discussions[index.value()].posts.append(std::move(row.post));
    }
    rows.clear();
    for (const QString &source : std::as_const(sources))
        result->summary += m_writer->write(batches.value(source));
}

void PostsCsvImporter::finishWriting(const QString &connectionName, Result *result)
{
    Q_UNUSED(connectionName)
    Q_UNUSED(result)
    if (!m_writer)
        return;
    m_writer->refreshStatistics();
    m_writer->catchUpSearchIndex();
    m_writer.reset();
}
