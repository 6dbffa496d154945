// Short-lived superuser connections to the PostgreSQL test server.
#include "postgresadmin.h"

#include <QAtomicInt>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

QAtomicInt s_connectionCounter;

// Runs sql on a connection made and removed here; returns the first value of the first row.
QVariant run(const QString &sql, const QString &databaseName, QString *error, bool *ok)
{
    const QString name = QStringLiteral("watercooler-test-postgres-admin-%1")
                             .arg(s_connectionCounter.fetchAndAddRelaxed(1));
    const DatabaseLocation admin = PostgresAdmin::location(databaseName);
    QVariant value;
    *ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(admin.host);
        db.setPort(admin.port);
        db.setDatabaseName(admin.databaseName);
        db.setUserName(admin.userName);
        db.setPassword(admin.password);
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            *ok = query.exec(sql);
            if (!*ok)
                *error = query.lastError().text();
            else if (query.next())
                value = query.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

} // namespace

bool PostgresAdmin::isConfigured()
{
    return !qEnvironmentVariableIsEmpty("WATERCOOLER_TEST_POSTGRES_URL");
}

DatabaseLocation PostgresAdmin::location(const QString &databaseName)
{
    DatabaseLocation location = DatabaseLocation::fromArgument(
        qEnvironmentVariable("WATERCOOLER_TEST_POSTGRES_URL"));
    if (!databaseName.isEmpty())
        location.databaseName = databaseName;
    return location;
}

DatabaseLocation PostgresAdmin::roleLocation(const QString &role, const QString &databaseName)
{
    const DatabaseLocation admin = location(databaseName);
    return DatabaseLocation::fromArgument(QStringLiteral("postgresql://%1@%2:%3/%4")
                                              .arg(role, admin.host)
                                              .arg(admin.port)
                                              .arg(admin.databaseName));
}

bool PostgresAdmin::exec(const QString &sql, QString *error, const QString &databaseName)
{
    bool ok = false;
    (void) run(sql, databaseName, error, &ok);
    return ok;
}

QVariant PostgresAdmin::scalar(const QString &sql, const QString &databaseName)
{
    bool ok = false;
    QString error;
    return run(sql, databaseName, &error, &ok);
}
