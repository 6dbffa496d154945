// Lists of row ids in SQL: the "(?,?,?)" of an IN clause and the ids a query returns.
#pragma once

#include <QList>
#include <QSet>
#include <QString>

class SqlQuery;

class SqlIdList final
{
public:
    // "(?,?,...)" with count placeholders, for "WHERE id IN " + placeholders(n).
    [[nodiscard]] static QString placeholders(qsizetype count);
    // Binds every id, in order.
    static void bind(SqlQuery &query, const QList<qint64> &ids);
    // Runs the query and returns the first column of every row.
    [[nodiscard]] static QSet<qint64> fetch(SqlQuery &query);
};
