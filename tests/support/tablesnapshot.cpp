// Reads whole tables with SELECT * and compares them row by row.
#include "tablesnapshot.h"

#include "storageerror.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

QMap<QString, QStringList> TableSnapshot::take(const QString &connectionName)
{
    QMap<QString, QStringList> snapshot;
    const QStringList tables = QSqlDatabase::database(connectionName, false).tables(QSql::Tables);
    for (const QString &table : tables) {
        if (table.startsWith(QLatin1String("sqlite_")))
            continue;
        QSqlQuery query(QSqlDatabase::database(connectionName, false));
        if (!query.exec(QStringLiteral("SELECT * FROM ") + table))
            throw StorageError(query.lastError().text());
        QStringList rows;
        while (query.next()) {
            QStringList values;
            for (int column = 0; column < query.record().count(); ++column) {
                const QVariant value = query.value(column);
                values << (value.isNull() ? QStringLiteral("NULL") : value.toString());
            }
            rows << values.join(QLatin1Char('|'));
        }
        rows.sort();
        snapshot.insert(table, rows);
    }
    return snapshot;
}

QString TableSnapshot::difference(const QMap<QString, QStringList> &before,
                                  const QMap<QString, QStringList> &after)
{
    if (before.keys() != after.keys())
        return QStringLiteral("tables differ: %1 / %2")
            .arg(before.keys().join(QLatin1Char(',')), after.keys().join(QLatin1Char(',')));
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const QStringList &rows = after.value(it.key());
        if (rows == it.value())
            continue;
        for (qsizetype i = 0; i < std::max(rows.size(), it.value().size()); ++i) {
            if (it.value().value(i) != rows.value(i))
                return QStringLiteral("%1 row %2: \"%3\" became \"%4\" (%5 -> %6 rows)")
                    .arg(it.key())
                    .arg(i)
                    .arg(it.value().value(i), rows.value(i))
                    .arg(it.value().size())
                    .arg(rows.size());
        }
    }
    return {};
}
