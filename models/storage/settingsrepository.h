// Settings the whole team shares, kept in the community database (key, text value).
#pragma once

#include <QMap>
#include <QString>

class SettingsRepository final
{
public:
    explicit SettingsRepository(QString connectionName);

    // Every setting whose key starts with prefix.
    [[nodiscard]] QMap<QString, QString> values(const QString &prefix) const;
    [[nodiscard]] QString value(const QString &key, const QString &fallback = {}) const;
    // Writes the values in one transaction.
    void setValues(const QMap<QString, QString> &values);

private:
    QString m_connectionName;
};
