// Maturity frameworks in the database: installing the shipped definitions and listing them.
#pragma once

#include "framework.h"

#include <QList>
#include <QString>

class FrameworkRepository final
{
public:
    struct Entry
    {
        qint64 id = 0;
        QString key;
        QString name;
    };

    explicit FrameworkRepository(QString connectionName);

    // Inserts or updates the framework (matched by key) with its stages, competencies and
    // criteria, in one transaction. Returns the framework id.
    qint64 install(const Framework &framework);
    [[nodiscard]] QList<Entry> list() const;
    [[nodiscard]] qint64 idForKey(const QString &key) const;

private:
    QString m_connectionName;
};
