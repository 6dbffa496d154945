// Temporary databases and small query helpers for the tests.
#include "testdatabase.h"

#include "sqlquery.h"
#include "storageerror.h"

#include <QDir>
#include <QTimeZone>

TestDatabase::TestDatabase() = default;

TestDatabase::~TestDatabase() = default;

QString TestDatabase::filePath() const
{
    return QDir(m_dir.path()).filePath(QStringLiteral("community.sqlite"));
}

bool TestDatabase::open()
{
    if (!m_dir.isValid()) {
        m_error = m_dir.errorString();
        return false;
    }
    try {
        m_database = std::make_unique<Database>(DatabaseLocation::sqlite(filePath()));
        m_database->open();
    } catch (const StorageError &error) {
        m_error = error.message();
        m_database.reset();
        return false;
    }
    return true;
}

QString TestDatabase::connectionName() const
{
    return m_database ? m_database->connectionName() : QString();
}

bool TestDatabase::fillDemo(const DemoGenerator::Options &options, DemoGenerator::Result *result)
{
    try {
        const DemoGenerator::Result generated = DemoGenerator(options).generate(connectionName());
        if (result)
            *result = generated;
    } catch (const StorageError &error) {
        m_error = error.message();
        return false;
    }
    return true;
}

QVariant TestDatabase::scalar(const QString &sql, const QVariantList &values) const
{
    SqlQuery query(connectionName(), sql);
    for (const QVariant &value : values)
        query.bind(value);
    return query.scalar();
}

qint64 TestDatabase::count(const QString &sql, const QVariantList &values) const
{
    return scalar(sql, values).toLongLong();
}

QVariantList TestDatabase::column(const QString &sql, const QVariantList &values) const
{
    SqlQuery query(connectionName(), sql);
    for (const QVariant &value : values)
        query.bind(value);
    query.exec();
    QVariantList list;
    while (query.next())
        list << query.value(0);
    return list;
}

DemoGenerator::Options TestDatabase::demoOptions()
{
    DemoGenerator::Options options;
    options.end = demoEnd();
    return options;
}

QDateTime TestDatabase::demoEnd()
{
    return QDateTime(QDate(2026, 6, 30), QTime(12, 0), QTimeZone::utc());
}
