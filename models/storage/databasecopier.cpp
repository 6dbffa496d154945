// Copies every table of a community between databases in batches of prepared statements.
#include "databasecopier.h"

#include "database.h"
#include "sqldialect.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "transaction.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlIndex>
#include <QSqlRecord>

#include <algorithm>

namespace {

struct TableSpec
{
    const char *name;
    // A column that refers to another row of the same table; such rows usually come after the
    // row they refer to, and the few that do not get the reference set once the table is in.
    const char *selfReference;
};

// Parents before children, so every foreign key finds its row; the deletion of a replaced
// target runs backwards. A migration that adds a table adds it here too (a test checks).
constexpr TableSpec tableSpecs[] = {
    {"sources", nullptr},         {"members", nullptr},
    {"identities", nullptr},      {"tags", nullptr},
    {"member_tags", nullptr},     {"discussions", nullptr},
    {"discussion_tags", nullptr}, {"posts", "parent_id"},
    {"post_tags", nullptr},       {"mentions", nullptr},
    {"hashtags", nullptr},        {"post_hashtags", nullptr},
    {"post_links", nullptr},      {"folders", "parent_id"},
    {"feeds", nullptr},           {"feed_items", nullptr},
    {"enclosures", nullptr},      {"feed_item_tombstones", nullptr},
    {"frameworks", nullptr},      {"framework_stages", nullptr},
    {"competencies", nullptr},    {"competency_criteria", nullptr},
    {"assessors", nullptr},       {"assessments", nullptr},
    {"scores", nullptr},          {"settings", nullptr},
    {"member_journal", nullptr},  {"journal_members", nullptr},
    {"journal_moves", nullptr},   {"journal_identities", nullptr},
};

const char schemaTable[] = "schema_migrations";

// Bound values per INSERT stay far below the limits of both engines (SQLite: 32766).
constexpr int maxValuesPerInsert = 500;
constexpr int maxRowsPerInsert = 100;

QString placeholders(int columns, int rows)
{
    QStringList row;
    row.fill(QStringLiteral("?"), columns);
    const QString one = QLatin1Char('(') + row.join(QLatin1String(", ")) + QLatin1Char(')');
    QStringList all;
    all.fill(one, rows);
    return all.join(QLatin1String(", "));
}

bool sameFile(const QString &a, const QString &b)
{
    const auto canonical = [](const QString &path) {
        const QFileInfo info(path);
        const QString resolved = info.canonicalFilePath();
        return resolved.isEmpty() ? info.absoluteFilePath() : resolved;
    };
    return canonical(a) == canonical(b);
}

} // namespace

struct DatabaseCopier::TableCopy
{
    QString name;
    QString selectFirst; // the first batch
    QString selectNext;  // the batches after a key, bound as values
    QString insertColumns;
    int columnCount = 0;
    QList<int> keyIndexes; // where the primary key's columns are in a row
    int idIndex = -1;
    int selfReferenceIndex = -1;
    QString selfReferenceColumn;
    qint64 rows = 0;
};

qint64 DatabaseCopier::Summary::total() const
{
    qint64 sum = 0;
    for (const TableCount &count : tables)
        sum += count.rows;
    return sum;
}

qint64 DatabaseCopier::Summary::rows(const QString &table) const
{
    for (const TableCount &count : tables) {
        if (count.table == table)
            return count.rows;
    }
    return 0;
}

DatabaseCopier::DatabaseCopier(Database &source, DatabaseLocation target)
    : m_source(source)
    , m_targetLocation(std::move(target))
{}

DatabaseCopier::~DatabaseCopier()
{
    if (m_target)
        m_target->releaseThreadConnection();
}

void DatabaseCopier::setBatchSize(int rows)
{
    m_batchSize = std::max(1, rows);
}

QStringList DatabaseCopier::tables()
{
    QStringList names;
    for (const TableSpec &spec : tableSpecs)
        names << QLatin1String(spec.name);
    return names;
}

QStringList DatabaseCopier::unknownTables(const QString &connectionName,
                                          DatabaseLocation::Backend backend)
{
    const QStringList known = tables();
    QStringList unknown;
    const QStringList present = QSqlDatabase::database(connectionName, false).tables(QSql::Tables);
    for (const QString &table : present) {
        if (table == QLatin1String(schemaTable) || SqlDialect::isInternalTable(backend, table)
            || SqlDialect::isDerivedTable(backend, table) || known.contains(table))
            continue;
        unknown << table;
    }
    unknown.sort();
    return unknown;
}

void DatabaseCopier::checkNotSameDatabase() const
{
    const DatabaseLocation &source = m_source.location();
    const DatabaseLocation &target = m_targetLocation;
    bool same = false;
    if (source.backend == target.backend) {
        same = source.isSqlite() ? sameFile(source.filePath, target.filePath)
                                 : source.host.compare(target.host, Qt::CaseInsensitive) == 0
                                       && source.port == target.port
                                       && source.databaseName == target.databaseName;
    }
    if (same)
        throw StorageError(tr("Cannot copy %1 onto itself: choose another database as the target.")
                               .arg(target.displayName()));
}

Database &DatabaseCopier::openTarget()
{
    if (m_target)
        return *m_target;
    checkNotSameDatabase();
    const bool existed = m_targetLocation.isSqlite()
                         && QFileInfo::exists(m_targetLocation.filePath);
    auto target = std::make_unique<Database>(m_targetLocation);
    target->open();
    m_targetCreated = m_targetLocation.isSqlite() && !existed;
    m_target = std::move(target);
    return *m_target;
}

void DatabaseCopier::removeCreatedTarget()
{
    if (!m_targetCreated || !m_target)
        return;
    m_target->releaseThreadConnection();
    m_target.reset();
    m_targetCreated = false;
    const QString path = m_targetLocation.filePath;
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

bool DatabaseCopier::hasRows(const QString &connectionName) const
{
    const QSqlDriver *driver = QSqlDatabase::database(connectionName, false).driver();
    const QStringList names = tables();
    for (const QString &table : names) {
        SqlQuery query(connectionName,
                       QStringLiteral("SELECT 1 FROM %1 LIMIT 1")
                           .arg(driver->escapeIdentifier(table, QSqlDriver::TableName)));
        if (query.scalar().isValid())
            return true;
    }
    return false;
}

bool DatabaseCopier::targetIsEmpty()
{
    const Database &target = openTarget();
    return !hasRows(target.connectionName());
}

DatabaseCopier::Summary DatabaseCopier::copy(const Progress &progress)
{
    try {
        if (m_source.schemaVersion() == 0)
            m_source.open();
        Database &target = openTarget();
        if (target.schemaVersion() != m_source.schemaVersion()) {
            throw StorageError(tr("%1 has schema version %2 but the source has %3.")
                                   .arg(m_targetLocation.displayName())
                                   .arg(target.schemaVersion())
                                   .arg(m_source.schemaVersion()));
        }
        const QString sourceConnection = m_source.connectionName();
        const QString targetConnection = target.connectionName();
        const QStringList unknown = unknownTables(sourceConnection, m_source.backend());
        if (!unknown.isEmpty()) {
            throw StorageError(
                tr("%1 holds tables this version of Watercooler cannot copy: %2.")
                    .arg(m_source.location().displayName(), unknown.join(QLatin1String(", "))));
        }

        // Every table is read as of the same moment, even while others write to the source.
        Transaction read(sourceConnection);
        const QString snapshot = SqlDialect::snapshotReadStatement(m_source.backend());
        if (!snapshot.isEmpty())
            SqlQuery::execDirect(sourceConnection, snapshot);

        const QSqlDatabase sourceDb = QSqlDatabase::database(sourceConnection, false);
        const QSqlDriver *sourceDriver = sourceDb.driver();
        const QSqlDriver *targetDriver = QSqlDatabase::database(targetConnection, false).driver();
        QList<TableCopy> plan;
        qint64 total = 0;
        for (const TableSpec &spec : tableSpecs) {
            TableCopy table;
            table.name = QLatin1String(spec.name);
            // The columns come from the source, so a column a migration adds is copied too.
            const QSqlRecord record = sourceDb.record(table.name);
            const QSqlIndex key = sourceDb.primaryIndex(table.name);
            if (record.isEmpty())
                throw StorageError(
                    tr("%1 has no table %2.").arg(m_source.location().displayName(), table.name));
            if (key.isEmpty())
                throw StorageError(
                    tr("Cannot copy the table %1: it has no primary key.").arg(table.name));
            QStringList readColumns;
            QStringList writeColumns;
            for (int i = 0; i < record.count(); ++i) {
                const QString column = record.fieldName(i);
                // The target computes these itself (and refuses values for them).
                if (SqlDialect::isDerivedColumn(m_source.backend(), table.name, column))
                    continue;
                readColumns << sourceDriver->escapeIdentifier(column, QSqlDriver::FieldName);
                writeColumns << targetDriver->escapeIdentifier(column, QSqlDriver::FieldName);
                const int index = int(readColumns.size()) - 1;
                if (column == QLatin1String("id"))
                    table.idIndex = index;
                if (spec.selfReference && column == QLatin1String(spec.selfReference)) {
                    table.selfReferenceIndex = index;
                    table.selfReferenceColumn = writeColumns.constLast();
                }
            }
            QStringList keyColumns;
            for (int i = 0; i < key.count(); ++i) {
                const QString column = key.fieldName(i);
                keyColumns << sourceDriver->escapeIdentifier(column, QSqlDriver::FieldName);
                table.keyIndexes << int(readColumns.indexOf(
                    sourceDriver->escapeIdentifier(column, QSqlDriver::FieldName)));
            }
            if (table.selfReferenceIndex >= 0 && table.idIndex < 0)
                table.selfReferenceIndex = -1;
            const QString sourceTable = sourceDriver->escapeIdentifier(table.name,
                                                                       QSqlDriver::TableName);
            const QString order = keyColumns.join(QLatin1String(", "));
            // Keyset paging: each batch starts after the last key of the one before.
            QString after = keyColumns.constFirst() + QLatin1String(" > ?");
            if (keyColumns.size() > 1) {
                after = QLatin1Char('(') + order + QLatin1String(") > ")
                        + placeholders(int(keyColumns.size()), 1);
            }
            const QString select = QLatin1String("SELECT ") + readColumns.join(QLatin1String(", "))
                                   + QLatin1String(" FROM ") + sourceTable;
            const QString limit = QLatin1String(" ORDER BY ") + order + QLatin1String(" LIMIT %1");
            table.selectFirst = select + limit;
            table.selectNext = select + QLatin1String(" WHERE ") + after + limit;
            table.insertColumns = QLatin1String("INSERT INTO ")
                                  + targetDriver->escapeIdentifier(table.name, QSqlDriver::TableName)
                                  + QLatin1String(" (") + writeColumns.join(QLatin1String(", "))
                                  + QLatin1String(") VALUES ");
            table.columnCount = int(readColumns.size());
            table.rows = SqlQuery(sourceConnection,
                                  QLatin1String("SELECT COUNT(*) FROM ") + sourceTable)
                             .scalar()
                             .toLongLong();
            total += table.rows;
            plan << table;
        }

        Transaction write(targetConnection);
        if (hasRows(targetConnection)) {
            if (!m_replace) {
                throw StorageError(tr("%1 is not empty: it already holds a community.")
                                       .arg(m_targetLocation.displayName()));
            }
            // Children first, so no foreign key is left pointing at a deleted row.
            for (auto it = plan.crbegin(); it != plan.crend(); ++it) {
                SqlQuery::execDirect(targetConnection,
                                     QLatin1String("DELETE FROM ")
                                         + targetDriver->escapeIdentifier(it->name,
                                                                          QSqlDriver::TableName));
            }
        }
        if (progress && !progress(0, total))
            throw OperationCancelled();

        Summary summary;
        summary.target = m_targetLocation.displayName();
        qint64 done = 0;
        for (const TableCopy &table : std::as_const(plan)) {
            const qint64 copied = copyTable(table, targetConnection, done, total, progress);
            done += copied;
            summary.tables << TableCount{table.name, copied};
            const QString reset = SqlDialect::resetIdentityStatement(target.backend(), table.name);
            if (table.idIndex >= 0 && !reset.isEmpty())
                SqlQuery::execDirect(targetConnection, reset);
        }
        write.commit();
        read.commit();
        return summary;
    } catch (const StorageError &) {
        removeCreatedTarget();
        throw;
    }
}

qint64 DatabaseCopier::copyTable(const TableCopy &table,
                                 const QString &targetConnection,
                                 qint64 done,
                                 qint64 total,
                                 const Progress &progress) const
{
    const QString sourceConnection = m_source.connectionName();
    const int rowsPerInsert = std::clamp(maxValuesPerInsert / std::max(1, table.columnCount),
                                         1,
                                         maxRowsPerInsert);
    // Whole inserts per read, so only the last rows of a table need the one-row statement.
    const int batchSize = std::max(rowsPerInsert, m_batchSize / rowsPerInsert * rowsPerInsert);

    SqlQuery readFirst(sourceConnection, table.selectFirst.arg(batchSize));
    SqlQuery readNext(sourceConnection, table.selectNext.arg(batchSize));
    SqlQuery insertMany(targetConnection,
                        table.insertColumns + placeholders(table.columnCount, rowsPerInsert));
    std::unique_ptr<SqlQuery> insertOne;
    std::unique_ptr<SqlQuery> setReference;
    // Rows that refer to a later row of their own table: inserted without the reference, which
    // is set once every row is in. Rare, so few to keep.
    QList<std::pair<QVariant, QVariant>> laterReferences;

    QList<QVariantList> pending;
    pending.reserve(rowsPerInsert);
    auto flush = [&] {
        for (const QVariantList &row : std::as_const(pending)) {
            for (const QVariant &value : row)
                insertMany.bind(value);
        }
        insertMany.exec();
        pending.clear();
    };

    qint64 copied = 0;
    QVariantList lastRow;
    for (bool first = true;; first = false) {
        SqlQuery &read = first ? readFirst : readNext;
        if (!first) {
            for (int index : table.keyIndexes)
                read.bind(lastRow.at(index));
        }
        read.exec();
        int inBatch = 0;
        while (read.next()) {
            QVariantList row;
            row.reserve(table.columnCount);
            for (int column = 0; column < table.columnCount; ++column)
                row << read.value(column);
            lastRow = row;
            if (table.selfReferenceIndex >= 0) {
                const QVariant reference = row.at(table.selfReferenceIndex);
                if (!reference.isNull()
                    && reference.toLongLong() > row.at(table.idIndex).toLongLong()) {
                    laterReferences.append({row.at(table.idIndex), reference});
                    row[table.selfReferenceIndex] = QVariant(reference.metaType());
                }
            }
            pending << row;
            ++inBatch;
            if (pending.size() == rowsPerInsert)
                flush();
        }
        read.finish();
        if (!pending.isEmpty()) {
            if (!insertOne)
                insertOne = std::make_unique<SqlQuery>(targetConnection,
                                                       table.insertColumns
                                                           + placeholders(table.columnCount, 1));
            for (const QVariantList &row : std::as_const(pending)) {
                for (const QVariant &value : row)
                    insertOne->bind(value);
                insertOne->exec();
            }
            pending.clear();
        }
        copied += inBatch;
        if (progress && !progress(done + copied, std::max(total, done + copied)))
            throw OperationCancelled();
        if (inBatch < batchSize)
            break;
    }

    if (!laterReferences.isEmpty()) {
        const QSqlDriver *driver = QSqlDatabase::database(targetConnection, false).driver();
        setReference
            = std::make_unique<SqlQuery>(targetConnection,
                                         QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?")
                                             .arg(driver->escapeIdentifier(table.name,
                                                                           QSqlDriver::TableName),
                                                  table.selfReferenceColumn));
        for (const auto &[id, reference] : std::as_const(laterReferences)) {
            setReference->bind(reference).bind(id);
            setReference->exec();
        }
    }
    return copied;
}
