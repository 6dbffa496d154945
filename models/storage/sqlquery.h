// A prepared statement with bound values that throws StorageError instead of failing quietly.
#pragma once

#include <QSqlQuery>
#include <QVariant>

class SqlQuery final
{
public:
    SqlQuery(const QString &connectionName, const QString &sql);

    SqlQuery &bind(const QVariant &value);
    SqlQuery &bindNull(QMetaType type);
    void exec();
    [[nodiscard]] bool next() { return m_query.next(); }
    [[nodiscard]] QVariant value(int column) const { return m_query.value(column); }
    [[nodiscard]] qint64 toInt64(int column) const { return m_query.value(column).toLongLong(); }
    [[nodiscard]] QString toString(int column) const { return m_query.value(column).toString(); }
    [[nodiscard]] int numRowsAffected() const { return m_query.numRowsAffected(); }

    // Releases the result set so the statement no longer counts as running (SQLite refuses to
    // release a savepoint while a read is in progress).
    void finish() { m_query.finish(); }

    // Runs the statement and returns the first column of the first row (or an invalid QVariant).
    [[nodiscard]] QVariant scalar();

    // Runs a statement without bound values, e.g. DDL or a pragma.
    static void execDirect(const QString &connectionName, const QString &sql);

private:
    QSqlQuery m_query;
    QString m_sql;
    int m_bindIndex = 0;
};
