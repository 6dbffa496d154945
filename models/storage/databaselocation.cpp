// Parses the --database argument and names the default SQLite file.
#include "databaselocation.h"

#include "sqldialect.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

DatabaseLocation DatabaseLocation::fromArgument(const QString &argument)
{
    const bool isUrl = argument.startsWith(QLatin1String("postgresql://"))
                       || argument.startsWith(QLatin1String("postgres://"));
    if (!isUrl)
        return sqlite(argument);

    const QUrl url(argument);
    DatabaseLocation location;
    location.backend = Backend::PostgreSql;
    location.host = url.host().isEmpty() ? QStringLiteral("localhost") : url.host();
    location.port = url.port(5432);
    location.databaseName = url.path().mid(1);
    location.userName = url.userName();
    location.password = url.password();
    const QUrlQuery query(url);
    QStringList options;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items)
        options << key + QLatin1Char('=') + value;
    location.options = options.join(QLatin1Char(';'));
    return location;
}

DatabaseLocation DatabaseLocation::sqlite(const QString &filePath)
{
    DatabaseLocation location;
    location.backend = Backend::Sqlite;
    location.filePath = filePath.isEmpty() ? QString() : QFileInfo(filePath).absoluteFilePath();
    return location;
}

QString DatabaseLocation::defaultSqlitePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("watercooler.sqlite"));
}

QString DatabaseLocation::displayName() const
{
    if (isSqlite())
        return QDir::toNativeSeparators(filePath);
    QString name = QStringLiteral("postgresql://");
    if (!userName.isEmpty())
        name += userName + QLatin1Char('@');
    return name + host + QLatin1Char(':') + QString::number(port) + QLatin1Char('/') + databaseName;
}

QSqlDatabase DatabaseLocation::addConnection(const QString &name) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(SqlDialect::driverName(backend), name);
    if (isSqlite()) {
        db.setDatabaseName(filePath);
    } else {
        db.setHostName(host);
        db.setPort(port);
        db.setDatabaseName(databaseName);
        db.setUserName(userName);
        db.setPassword(password);
        db.setConnectOptions(options);
    }
    return db;
}
