// Direct SQLite access for test set-up and inspection.
#include "rawsqlite.h"

#include <QAtomicInt>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {

QAtomicInt s_counter;

} // namespace

RawSqlite::RawSqlite(const QString &filePath)
    : m_name(QStringLiteral("raw-sqlite-%1").arg(s_counter.fetchAndAddRelaxed(1)))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(filePath);
    m_open = db.open();
    if (!m_open)
        m_error = db.lastError().text();
}

RawSqlite::~RawSqlite()
{
    QSqlDatabase::database(m_name, false).close();
    QSqlDatabase::removeDatabase(m_name);
}

bool RawSqlite::exec(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (!query.exec(sql)) {
        m_error = query.lastError().text();
        return false;
    }
    return true;
}

QVariant RawSqlite::scalar(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (!query.exec(sql)) {
        m_error = query.lastError().text();
        return {};
    }
    return query.next() ? query.value(0) : QVariant();
}

QStringList RawSqlite::tables() const
{
    return QSqlDatabase::database(m_name, false).tables();
}

QStringList RawSqlite::columns(const QString &table)
{
    const QSqlRecord record = QSqlDatabase::database(m_name, false).record(table);
    QStringList names;
    for (int i = 0; i < record.count(); ++i)
        names << record.fieldName(i);
    return names;
}
