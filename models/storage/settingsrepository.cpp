// Reads and upserts rows of the settings table.
#include "settingsrepository.h"

#include "sqlquery.h"
#include "transaction.h"

SettingsRepository::SettingsRepository(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

QMap<QString, QString> SettingsRepository::values(const QString &prefix) const
{
    SqlQuery query(m_connectionName, QStringLiteral("SELECT key, value FROM settings"));
    query.exec();
    QMap<QString, QString> result;
    while (query.next()) {
        const QString key = query.toString(0);
        if (key.startsWith(prefix))
            result.insert(key, query.toString(1));
    }
    return result;
}

QString SettingsRepository::value(const QString &key, const QString &fallback) const
{
    SqlQuery query(m_connectionName, QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    const QVariant value = query.bind(key).scalar();
    return value.isValid() ? value.toString() : fallback;
}

void SettingsRepository::setValues(const QMap<QString, QString> &values)
{
    Transaction transaction(m_connectionName);
    SqlQuery upsert(m_connectionName,
                    QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        upsert.bind(it.key()).bind(it.value()).exec();
    transaction.commit();
}
