// Subscriptions in and out as OPML: what File > Import/Export OPML and `feeds import-opml` /
// `feeds export-opml` run.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

class OpmlSubscriptions final
{
    Q_DECLARE_TR_FUNCTIONS(OpmlSubscriptions)

public:
    struct ImportResult
    {
        int added = 0;
        QStringList alreadySubscribed; // URLs the database follows already
        QStringList duplicates;        // URLs listed more than once in the file
        QStringList notFeeds;          // entries whose address is not http(s)
    };

    // Adds every feed of the OPML document (nested outlines become folders) in one transaction;
    // feeds already followed are skipped and reported. Throws StorageError for a file that is
    // not usable OPML, and then nothing is added.
    [[nodiscard]] static ImportResult importDocument(const QString &connectionName,
                                                     const QByteArray &opml);
    // Every subscription, in its folders, as an OPML 2.0 document.
    [[nodiscard]] static QByteArray exportDocument(const QString &connectionName);
};
