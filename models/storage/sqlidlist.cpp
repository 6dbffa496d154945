// Helpers for statements over many ids.
#include "sqlidlist.h"

#include "sqlquery.h"

#include <QStringList>

QString SqlIdList::placeholders(qsizetype count)
{
    return QLatin1Char('(') + QStringList(count, QStringLiteral("?")).join(QLatin1Char(','))
           + QLatin1Char(')');
}

void SqlIdList::bind(SqlQuery &query, const QList<qint64> &ids)
{
    for (qint64 id : ids)
        query.bind(id);
}

QSet<qint64> SqlIdList::fetch(SqlQuery &query)
{
    QSet<qint64> set;
    query.exec();
    while (query.next())
        set.insert(query.toInt64(0));
    return set;
}
