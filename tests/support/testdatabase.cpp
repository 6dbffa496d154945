// Temporary databases and small query helpers for the tests.
#include "testdatabase.h"

#include "communitywriter.h"
#include "feeditemmapper.h"
#include "feedrepository.h"
#include "sqlquery.h"
#include "storageerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace {

const char adminConnection[] = "watercooler-test-admin";

QString adminUrl()
{
    return qEnvironmentVariable("WATERCOOLER_TEST_POSTGRES_URL");
}

// Runs one statement on the server's maintenance database.
bool execAdmin(const QString &sql, QString *error)
{
    const DatabaseLocation admin = DatabaseLocation::fromArgument(adminUrl());
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::contains(QLatin1String(adminConnection))
                              ? QSqlDatabase::database(QLatin1String(adminConnection))
                              : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"),
                                                          QLatin1String(adminConnection));
        db.setHostName(admin.host);
        db.setPort(admin.port);
        db.setDatabaseName(admin.databaseName);
        db.setUserName(admin.userName);
        db.setPassword(admin.password);
        if (!db.isOpen() && !db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok)
                *error = query.lastError().text();
        }
    }
    return ok;
}

} // namespace

TestDatabase::TestDatabase() = default;

TestDatabase::~TestDatabase()
{
    m_database.reset();
    dropPostgreSqlDatabase();
}

bool TestDatabase::usesPostgreSql()
{
    return qEnvironmentVariable("WATERCOOLER_TEST_BACKEND") == QLatin1String("postgresql");
}

bool TestDatabase::createPostgreSqlDatabase(DatabaseLocation *location)
{
    if (adminUrl().isEmpty()) {
        m_error = QStringLiteral("WATERCOOLER_TEST_POSTGRES_URL is not set: run the tests with "
                                 ".ci/test, which starts a PostgreSQL server for them.");
        return false;
    }
    static int counter = 0;
    const QString name
        = QStringLiteral("wc_test_%1_%2").arg(QCoreApplication::applicationPid()).arg(++counter);
    if (!execAdmin(QStringLiteral("CREATE DATABASE ") + name, &m_error))
        return false;
    m_postgreSqlName = name;
    *location = DatabaseLocation::fromArgument(adminUrl());
    location->databaseName = name;
    return true;
}

void TestDatabase::dropPostgreSqlDatabase()
{
    if (m_postgreSqlName.isEmpty())
        return;
    QString error;
    if (!execAdmin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_postgreSqlName),
                   &error))
        qWarning("Could not drop the test database %s: %s",
                 qPrintable(m_postgreSqlName),
                 qPrintable(error));
    m_postgreSqlName.clear();
}

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
    DatabaseLocation location = DatabaseLocation::sqlite(filePath());
    if (usesPostgreSql() && !createPostgreSqlDatabase(&location))
        return false;
    try {
        m_database = std::make_unique<Database>(location);
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

QList<qint64> TestDatabase::addPodcastItems(const QString &feedUrl,
                                            const QList<QStringList> &enclosureUrls)
{
    QList<qint64> ids;
    try {
        FeedRepository::NewFeed newFeed;
        newFeed.url = feedUrl;
        newFeed.format = QStringLiteral("podcast");
        const qint64 feedId = FeedRepository(connectionName()).addFeed(newFeed);
        ParsedFeed feed;
        feed.format = QStringLiteral("rss20");
        const QDateTime published(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc());
        for (qsizetype i = 0; i < enclosureUrls.size(); ++i) {
            ParsedItem item;
            item.id = QStringLiteral("episode-%1").arg(i + 1);
            item.title = QStringLiteral("Episode %1").arg(i + 1);
            item.published = published.addDays(i);
            for (const QString &url : enclosureUrls.at(i))
                item.enclosures.append({url, QStringLiteral("audio/mpeg"), 3 * 1024 * 1024, 3661});
            feed.items.append(item);
        }
        CommunityWriter(connectionName())
            .write(FeedItemMapper::map(feed, feedId, feedUrl, published.addDays(30)));
        SqlQuery query(connectionName(),
                       QStringLiteral("SELECT id FROM feed_items WHERE feed_id = ? ORDER BY "
                                      "published_at"));
        query.bind(feedId).exec();
        while (query.next())
            ids.append(query.toInt64(0));
    } catch (const StorageError &error) {
        m_error = error.message();
        return {};
    }
    return ids;
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

QList<qint64> TestDatabase::ids(const QString &sql, const QVariantList &values) const
{
    QList<qint64> list;
    const QVariantList rows = column(sql, values);
    for (const QVariant &id : rows)
        list << id.toLongLong();
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
