// Rows become ImportMembers, one batch per source, written by CommunityWriter.
#include "memberscsvimporter.h"

#include "communitywriter.h"
#include "storageerror.h"

#include <QHash>
#include <QRegularExpression>

QString MembersCsvImporter::fieldLabel(int field) const
{
    switch (field) {
    case Name:
        return tr("Name");
    case Handle:
        return tr("Handle");
    case Source:
        return tr("Source");
    case Email:
        return tr("E-mail");
    case Tags:
        return tr("Tags");
    default:
        return {};
    }
}

QStringList MembersCsvImporter::headerNames(int field) const
{
    switch (field) {
    case Name:
        return {QStringLiteral("name"),
                QStringLiteral("display name"),
                QStringLiteral("full name"),
                QStringLiteral("member"),
                QStringLiteral("member name")};
    case Handle:
        return {QStringLiteral("handle"),
                QStringLiteral("handles"),
                QStringLiteral("username"),
                QStringLiteral("user name"),
                QStringLiteral("screen name"),
                QStringLiteral("login"),
                QStringLiteral("nick"),
                QStringLiteral("nickname"),
                QStringLiteral("user")};
    case Source:
        return {QStringLiteral("source"),
                QStringLiteral("platform"),
                QStringLiteral("network"),
                QStringLiteral("service"),
                QStringLiteral("site")};
    case Email:
        return {QStringLiteral("email"),
                QStringLiteral("e-mail"),
                QStringLiteral("email address"),
                QStringLiteral("mail")};
    case Tags:
        return {QStringLiteral("tags"),
                QStringLiteral("tag"),
                QStringLiteral("labels"),
                QStringLiteral("groups")};
    default:
        return {};
    }
}

QString MembersCsvImporter::mappingProblem(const QList<int> &mapping) const
{
    if (mapping.value(Name, -1) < 0 && mapping.value(Handle, -1) < 0 && mapping.value(Email, -1) < 0)
        return tr("No column holds a name, a handle or an e-mail address.");
    return {};
}

bool MembersCsvImporter::addRow(const QStringList &values,
                                int line,
                                QString *problem,
                                QStringList *stored)
{
    Q_UNUSED(line)
    const QString name = values.at(Name).simplified();
    const QString handles = values.at(Handle);
    const QString email = values.at(Email).trimmed();
    if (name.isEmpty() && handles.trimmed().isEmpty() && email.isEmpty()) {
        *problem = tr("no name, handle or e-mail address; skipped.");
        return false;
    }
    static const QRegularExpression emailPattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!email.isEmpty() && !emailPattern.match(email).hasMatch()) {
        *problem = tr("\"%1\" is not an e-mail address; skipped.").arg(email);
        return false;
    }

    // "ada", "@ada", or "source:handle" pairs separated by ';' (as the members export writes).
    QList<ImportHandle> parsed;
    for (const QString &item : handles.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        QString text = item.trimmed();
        if (text.isEmpty())
            continue;
        ImportHandle handle;
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0) {
            handle.sourceName = text.left(colon).trimmed();
            text = text.mid(colon + 1).trimmed();
        }
        if (text.startsWith(QLatin1Char('@')))
            text.remove(0, 1);
        if (text.isEmpty() || text.contains(QLatin1Char(' ')) || text.contains(QLatin1Char('@'))) {
            *problem = tr("\"%1\" is not a handle; skipped.").arg(item.trimmed());
            return false;
        }
        handle.handle = text;
        parsed << handle;
    }

    Row row;
    row.source = values.at(Source).trimmed();
    if (row.source.isEmpty() && !parsed.isEmpty())
        row.source = parsed.constFirst().sourceName;
    if (row.source.isEmpty())
        row.source = defaultSource();
    row.member.identity.displayName = name;
    row.member.identity.email = email;
    QStringList shownHandles;
    for (ImportHandle &handle : parsed) {
        if (handle.sourceName.isEmpty())
            handle.sourceName = row.source;
        shownHandles << handle.sourceName + QLatin1Char(':') + handle.handle;
        if (handle.sourceName == row.source && row.member.identity.handle.isEmpty())
            row.member.identity.handle = handle.handle;
        else
            row.member.otherHandles << handle;
    }
    static const QRegularExpression tagSeparators(QStringLiteral("[;,|]"));
    for (const QString &tag : values.at(Tags).split(tagSeparators, Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty()
            && !row.member.tags.contains(tag.trimmed(), Qt::CaseInsensitive))
            row.member.tags << tag.trimmed();
    }
    if (stored)
        *stored = {name,
                   shownHandles.join(QLatin1String("; ")),
                   row.source,
                   email,
                   row.member.tags.join(QLatin1String(", "))};
    m_rows.append(std::move(row));
    return true;
}

void MembersCsvImporter::writeRows(const QString &connectionName,
                                   const Progress &progress,
                                   Result *result)
{
    QStringList sources;
    QHash<QString, ImportBatch> batches;
    for (const Row &row : std::as_const(m_rows)) {
        auto it = batches.find(row.source);
        if (it == batches.end()) {
            ImportBatch batch;
            batch.sourceKind = CommunityWriter::sourceKindFor(connectionName,
                                                              row.source,
                                                              QStringLiteral("csv"));
            batch.sourceName = row.source;
            it = batches.insert(row.source, batch);
            sources << row.source;
        }
        it->members.append(row.member);
    }
    CommunityWriter writer(connectionName);
    qint64 done = 0;
    for (const QString &source : std::as_const(sources)) {
        const ImportBatch &batch = batches.value(source);
        result->summary += writer.write(batch);
        done += batch.members.size();
        if (progress && !progress(done, m_rows.size()))
            throw OperationCancelled();
    }
    result->membersMatched = std::max(0, result->rows - result->summary.membersCreated);
}
