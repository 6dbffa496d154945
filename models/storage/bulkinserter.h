// Many new rows of one table, written at the speed the backend allows: on SQLite one statement
// prepared once and run per row through SQLite's own interface (no QVariant per value), on
// PostgreSQL one COPY per flush. Rows wait in memory until flush(); the caller flushes parents
// before their children. Runs inside the caller's transaction and throws StorageError.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class BulkWriteQueue;

class BulkInserter final
{
public:
    // How rows reach the database of a connection.
    enum class Method { SqliteInterface, PostgreSqlCopy, Statements };
    [[nodiscard]] static Method methodFor(const QString &connectionName);

    BulkInserter(QString connectionName, QString table, QStringList columns);
    ~BulkInserter();
    Q_DISABLE_COPY_MOVE(BulkInserter)

    // Values row after row, column after column.
    BulkInserter &add(qint64 value);
    BulkInserter &add(const QString &text); // a null QString is stored as ''
    BulkInserter &addNull();
    BulkInserter &addIdOrNull(qint64 id) { return id > 0 ? add(id) : addNull(); }
    BulkInserter &addTextOrNull(const QString &text)
    {
        return text.isEmpty() ? addNull() : add(text);
    }

    // Flushes run on the queue's thread from now on (nullptr: in flush() itself).
    void setQueue(BulkWriteQueue *queue) { m_queue = queue; }

    [[nodiscard]] qsizetype rowCount() const { return m_values.size() / m_columns.size(); }
    [[nodiscard]] QString table() const { return m_table; }

    // Writes the waiting rows (or queues them) and forgets them. A duplicate key or a missing parent fails the
    // statement (there is no ON CONFLICT): the caller's transaction rolls back.
    void flush();
    // Forgets the waiting rows without writing them.
    void clear() { m_values.clear(); }

private:
    struct Value
    {
        enum Kind : quint8 { Null, Integer, Text };
        qint64 number = 0;
        QString text;
        Kind kind = Null;
    };
    class Backend;
    class SqliteBackend;
    class PostgreSqlBackend;
    class QueryBackend;

    QString m_connectionName;
    QString m_table;
    QStringList m_columns;
    QList<Value> m_values;
    BulkWriteQueue *m_queue = nullptr;
};
