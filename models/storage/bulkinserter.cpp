// Three ways to write the rows: SQLite's C interface, PostgreSQL's COPY, or prepared QSqlQuery
// statements for any other driver. The first two use the connection Qt opened (the driver's
// handle), so they run in the same session and transaction as every other statement.
#include "bulkinserter.h"

#include "bulkwritequeue.h"

#include "sqlquery.h"
#include "storageerror.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <charconv>

namespace {

QString databaseError(const QString &text, const QString &sql)
{
    // The words SqlQuery uses, so the message reads (and is translated) the same.
    return QCoreApplication::translate("SqlQuery", "Database error: %1 (in: %2)")
        .arg(text.trimmed(), sql.simplified().left(160));
}

} // namespace

class BulkInserter::Backend
{
public:
    virtual ~Backend() = default;
    virtual void write(const QList<Value> &values, qsizetype columns) = 0;
};

// The rows go first into a temporary table without keys or indexes, through one statement
// prepared per flush and bound per row with SQLite's own interface (no QVariant or placeholder
// lookup per value); then one INSERT ... SELECT moves them into the table. One statement per flush
// instead of one per row spares SQLite the statement journal and sequence update of each row.
// (Multi-row VALUES statements were slower than both.)
class BulkInserter::SqliteBackend final : public Backend
{
public:
    SqliteBackend(sqlite3 *database, QString table, QString columns)
        : m_database(database)
        , m_table(std::move(table))
        , m_columns(std::move(columns))
    {}

    void write(const QList<Value> &values, qsizetype columns) override
    {
        // Created once per connection and kept, empty: creating it again would make SQLite
        // prepare every statement of the connection again.
        const QString stage = QStringLiteral("temp.bulk_") + m_table;
        run(QStringLiteral("CREATE TABLE IF NOT EXISTS ") + stage + QStringLiteral(" (") + m_columns
            + QLatin1Char(')'));
        Statement statement;
        prepare(statement,
                QStringLiteral("INSERT INTO ") + stage + QStringLiteral(" VALUES (")
                    + QStringList(columns, QStringLiteral("?")).join(u", ") + QLatin1Char(')'));
        QList<QByteArray> texts(columns);
        for (qsizetype row = 0; row < values.size(); row += columns) {
            for (qsizetype column = 0; column < columns; ++column)
                bind(statement, int(column) + 1, values.at(row + column), texts[column]);
            if (sqlite3_step(statement.handle) != SQLITE_DONE) {
                const QString message = QString::fromUtf8(sqlite3_errmsg(m_database));
                sqlite3_reset(statement.handle);
                run(QStringLiteral("DELETE FROM ") + stage);
                throw StorageError(databaseError(message, statement.sql));
            }
            sqlite3_reset(statement.handle);
        }
        // In the order written (the staging table's rowids). Unqualified, so that the table may
        // be a temporary one too.
        const QString move = QStringLiteral("INSERT INTO ") + m_table + QStringLiteral(" (")
                             + m_columns + QStringLiteral(") SELECT ") + m_columns
                             + QStringLiteral(" FROM ") + stage + QStringLiteral(" ORDER BY rowid");
        try {
            run(move);
        } catch (...) {
            run(QStringLiteral("DELETE FROM ") + stage);
            throw;
        }
        run(QStringLiteral("DELETE FROM ") + stage);
    }

private:
    // Finalized on every way out: an open statement would keep the connection busy.
    struct Statement
    {
        sqlite3_stmt *handle = nullptr;
        QString sql;
        Statement() = default;
        Q_DISABLE_COPY_MOVE(Statement)
        ~Statement() { sqlite3_finalize(handle); }
    };

    void run(const QString &sql)
    {
        char *error = nullptr;
        if (sqlite3_exec(m_database, sql.toUtf8().constData(), nullptr, nullptr, &error)
            != SQLITE_OK) {
            const QString message = QString::fromUtf8(error ? error : sqlite3_errmsg(m_database));
            sqlite3_free(error);
            throw StorageError(databaseError(message, sql));
        }
    }

    void prepare(Statement &statement, const QString &sql)
    {
        statement.sql = sql;
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v2(m_database,
                               utf8.constData(),
                               int(utf8.size()),
                               &statement.handle,
                               nullptr)
            != SQLITE_OK) {
            throw StorageError(
                databaseError(QString::fromUtf8(sqlite3_errmsg(m_database)), statement.sql));
        }
    }

    // utf8 holds the converted text until the row is written.
    static void bind(Statement &statement, int index, const Value &value, QByteArray &utf8)
    {
        switch (value.kind) {
        case Value::Null:
            sqlite3_bind_null(statement.handle, index);
            break;
        case Value::Integer:
            sqlite3_bind_int64(statement.handle, index, value.number);
            break;
        case Value::Text:
            utf8 = value.text.toUtf8();
            sqlite3_bind_text(statement.handle,
                              index,
                              utf8.constData(),
                              int(utf8.size()),
                              SQLITE_STATIC);
            break;
        }
    }

    sqlite3 *m_database;
    QString m_table;
    QString m_columns;
};

// COPY ... FROM STDIN in text format, sent in pieces of about a megabyte.
class BulkInserter::PostgreSqlBackend final : public Backend
{
public:
    PostgreSqlBackend(PGconn *connection, QString sql)
        : m_connection(connection)
        , m_sql(std::move(sql))
    {}

    void write(const QList<Value> &values, qsizetype columns) override
    {
        // Qt reads a statement's results lazily: what is left of the last one goes first, as Qt
        // itself does before its next statement.
        while (PGresult *left = PQgetResult(m_connection))
            PQclear(left);
        PGresult *started = PQexec(m_connection, m_sql.toUtf8().constData());
        const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
        PQclear(started);
        if (!copying)
            fail();

        constexpr qsizetype pieceSize = 1 << 20;
        QByteArray piece;
        piece.reserve(pieceSize + 4096);
        for (qsizetype i = 0; i < values.size(); ++i) {
            appendValue(piece, values.at(i));
            piece.append((i + 1) % columns == 0 ? '\n' : '\t');
            if (piece.size() >= pieceSize) {
                send(piece);
                piece.clear();
            }
        }
        if (!piece.isEmpty())
            send(piece);
        if (PQputCopyEnd(m_connection, nullptr) != 1)
            fail();
        PGresult *finished = PQgetResult(m_connection);
        const bool done = PQresultStatus(finished) == PGRES_COMMAND_OK;
        const QString message = QString::fromUtf8(PQresultErrorMessage(finished));
        PQclear(finished);
        while (PGresult *left = PQgetResult(m_connection))
            PQclear(left);
        if (!done)
            fail(message);
    }

private:
    void send(const QByteArray &piece)
    {
        if (PQputCopyData(m_connection, piece.constData(), int(piece.size())) != 1)
            fail();
    }

    [[noreturn]] void fail(const QString &message = {})
    {
        if (PQstatus(m_connection) == CONNECTION_BAD) {
            throw ConnectionLostError(ConnectionLostError::tr(
                "The connection to the database server was lost. Nothing was saved by the last "
                "step; reconnect to go on."));
        }
        // After a failed COPY the session may still be copying: end it.
        if (PQtransactionStatus(m_connection) == PQTRANS_ACTIVE) {
            PQputCopyEnd(m_connection, "failed");
            while (PGresult *left = PQgetResult(m_connection))
                PQclear(left);
        }
        throw StorageError(databaseError(message.isEmpty()
                                             ? QString::fromUtf8(PQerrorMessage(m_connection))
                                             : message,
                                         m_sql));
    }

    static void appendValue(QByteArray &out, const Value &value)
    {
        switch (value.kind) {
        case Value::Null:
            out.append("\\N", 2);
            return;
        case Value::Integer: {
            char digits[24];
            const auto end = std::to_chars(std::begin(digits), std::end(digits), value.number).ptr;
            out.append(digits, end - digits);
            return;
        }
        case Value::Text:
            break;
        }
        const QByteArray utf8 = value.text.toUtf8();
        for (const char c : utf8) {
            switch (c) {
            case '\\':
                out.append("\\\\", 2);
                break;
            case '\n':
                out.append("\\n", 2);
                break;
            case '\r':
                out.append("\\r", 2);
                break;
            case '\t':
                out.append("\\t", 2);
                break;
            case '\0':
                break; // PostgreSQL text cannot hold it
            default:
                out.append(c);
            }
        }
    }

    PGconn *m_connection;
    QString m_sql;
};

// Any other driver: the same INSERT through QSqlQuery.
class BulkInserter::QueryBackend final : public Backend
{
public:
    QueryBackend(QString connectionName, QString sql)
        : m_connectionName(std::move(connectionName))
        , m_sql(std::move(sql))
    {}

    void write(const QList<Value> &values, qsizetype columns) override
    {
        SqlQuery insert(m_connectionName, m_sql);
        for (qsizetype row = 0; row < values.size(); row += columns) {
            for (qsizetype column = 0; column < columns; ++column) {
                const Value &value = values.at(row + column);
                switch (value.kind) {
                case Value::Null:
                    insert.bind(QVariant(QMetaType::fromType<QString>()));
                    break;
                case Value::Integer:
                    insert.bind(value.number);
                    break;
                case Value::Text:
                    insert.bind(value.text);
                    break;
                }
            }
            insert.exec();
        }
    }

private:
    QString m_connectionName;
    QString m_sql;
};

BulkInserter::BulkInserter(QString connectionName, QString table, QStringList columns)
    : m_connectionName(std::move(connectionName))
    , m_table(std::move(table))
    , m_columns(std::move(columns))
{
    Q_ASSERT(!m_columns.isEmpty());
}

BulkInserter::~BulkInserter() = default;

BulkInserter &BulkInserter::add(qint64 value)
{
    m_values.append({value, {}, Value::Integer});
    return *this;
}

BulkInserter &BulkInserter::add(const QString &text)
{
    m_values.append({0, text, Value::Text});
    return *this;
}

BulkInserter &BulkInserter::addNull()
{
    m_values.append(Value());
    return *this;
}

namespace {

// The driver's own connection, asked for at every flush (a reconnect replaces it). Debian's Qt
// links the system's SQLite and libpq, the libraries linked here, so the handle is theirs too.
template<typename Handle>
Handle *driverHandle(const QString &connectionName, std::initializer_list<const char *> typeNames)
{
    const QSqlDatabase database = QSqlDatabase::database(connectionName, false);
    const QVariant handle = database.driver() ? database.driver()->handle() : QVariant();
    const char *type = handle.typeName();
    if (!type)
        return nullptr;
    for (const char *name : typeNames) {
        if (qstrcmp(type, name) == 0)
            return *static_cast<Handle *const *>(handle.constData());
    }
    return nullptr;
}

sqlite3 *sqliteHandle(const QString &connectionName)
{
    return driverHandle<sqlite3>(connectionName, {"sqlite3*"});
}

PGconn *postgreSqlHandle(const QString &connectionName)
{
    // Qt names the type after the struct behind libpq's typedef.
    return driverHandle<PGconn>(connectionName, {"PGconn*", "pg_conn*"});
}

} // namespace

BulkInserter::Method BulkInserter::methodFor(const QString &connectionName)
{
    if (sqliteHandle(connectionName))
        return Method::SqliteInterface;
    if (postgreSqlHandle(connectionName))
        return Method::PostgreSqlCopy;
    return Method::Statements;
}

void BulkInserter::flush()
{
    Q_ASSERT(m_values.size() % m_columns.size() == 0);
    if (m_values.isEmpty())
        return;
    const QString columns = m_columns.join(QLatin1String(", "));
    std::unique_ptr<Backend> backend;
    if (sqlite3 *database = sqliteHandle(m_connectionName)) {
        backend = std::make_unique<SqliteBackend>(database, m_table, columns);
    } else if (PGconn *connection = postgreSqlHandle(m_connectionName)) {
        backend = std::make_unique<PostgreSqlBackend>(connection,
                                                      QStringLiteral("COPY ") + m_table
                                                          + QStringLiteral(" (") + columns
                                                          + QStringLiteral(") FROM STDIN"));
    } else {
        backend = std::make_unique<QueryBackend>(m_connectionName,
                                                 QStringLiteral("INSERT INTO ") + m_table
                                                     + QStringLiteral(" (") + columns
                                                     + QStringLiteral(") VALUES (")
                                                     + QStringList(m_columns.size(),
                                                                   QStringLiteral("?"))
                                                           .join(QLatin1String(", "))
                                                     + QLatin1Char(')'));
    }
    // Written or not, the rows are gone: on failure the caller's transaction rolls back.
    QList<Value> values = std::exchange(m_values, {});
    const qsizetype columnCount = m_columns.size();
    if (m_queue && !dynamic_cast<QueryBackend *>(backend.get())) {
        // The backend holds the handle taken on this thread; only the rows travel.
        m_queue->post([backend = std::shared_ptr<Backend>(std::move(backend)),
                       values = std::move(values),
                       columnCount] { backend->write(values, columnCount); });
        return;
    }
    // Qt's statements run on the connection's own thread, after what is queued.
    if (m_queue)
        m_queue->wait();
    backend->write(values, columnCount);
}
