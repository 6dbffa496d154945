// The one way out: members and posts as CSV files, and everything stored about one member as
// JSON. Files are replaced only by complete ones.
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;

class CommunityExporter final
{
    Q_DECLARE_TR_FUNCTIONS(CommunityExporter)

public:
    // Called with rows written and rows in all; returning false cancels (OperationCancelled).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit CommunityExporter(QString connectionName);

    [[nodiscard]] static QStringList memberColumns();
    [[nodiscard]] static QStringList postColumns();

    // Write a header row and one row per member or post; return the rows written. Throw
    // StorageError when the device refuses the bytes or the database fails.
    qint64 writeMembersCsv(QIODevice *device, const Progress &progress = {}) const;
    qint64 writePostsCsv(QIODevice *device, const Progress &progress = {}) const;

    // Everything stored about one member: fields, identities, tags, notes, posts with their
    // discussions, and the posts that mention them. Throws StorageError for an unknown id.
    [[nodiscard]] QJsonObject memberJson(qint64 memberId) const;

    // Writes a file through write(), atomically: on an error or a cancel the old file stays.
    // Throws StorageError or OperationCancelled.
    static qint64 saveFile(const QString &path, const std::function<qint64(QIODevice *)> &write);

private:
    QString m_connectionName;
};
