// The full content of every table of a database, for tests that check a change and its undo
// leave the database exactly as it was.
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

class TableSnapshot final
{
public:
    // Table name -> its rows, each row's values joined, sorted. The engine's own tables
    // (sqlite_sequence) are left out.
    [[nodiscard]] static QMap<QString, QStringList> take(const QString &connectionName);
    // The first difference between two snapshots, for a readable failure; empty when equal.
    [[nodiscard]] static QString difference(const QMap<QString, QStringList> &before,
                                            const QMap<QString, QStringList> &after);
};
