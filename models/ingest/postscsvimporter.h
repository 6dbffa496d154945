// Posts from a CSV file (id, source, discussion id, discussion, author, time, text, parent),
// the columns the posts export writes, so an export imports again unchanged.
#pragma once

#include "csvimport.h"

#include <QDateTime>
#include <QHash>

#include <memory>

class CommunityWriter;

class PostsCsvImporter final : public CsvImport
{
    Q_DECLARE_TR_FUNCTIONS(PostsCsvImporter)

public:
    enum Field { Id, Source, DiscussionId, Discussion, Author, Time, Text, Parent, FieldCount };

    PostsCsvImporter();
    ~PostsCsvImporter() override;

    [[nodiscard]] int fieldCount() const override { return FieldCount; }
    [[nodiscard]] QString fieldLabel(int field) const override;

    // "Name (@handle)", "Name <e-mail>", "@handle", an e-mail address or a name.
    [[nodiscard]] static ImportAuthor parseAuthor(const QString &text);
    // The author as the posts export writes them.
    [[nodiscard]] static QString formatAuthor(const QString &name,
                                              const QString &handle,
                                              const QString &email);
    // ISO 8601 (UTC unless an offset is given), "yyyy-MM-dd HH:mm[:ss]", RFC 2822 or Unix seconds.
    [[nodiscard]] static QDateTime parseTime(const QString &text);

private:
    struct Row
    {
        QString source;
        QString discussionKey;
        QString discussionTitle;
        ImportPost post;
    };

    [[nodiscard]] QStringList headerNames(int field) const override;
    [[nodiscard]] QString mappingProblem(const QList<int> &mapping) const override;
    bool addRow(const QStringList &values, int line, QString *problem, QStringList *stored) override;
    void clearRows() override;
    void writeRows(const QString &connectionName, const Progress &progress, Result *result) override;
    // Posts are written while the file is read, a few thousand rows at a time, by one writer.
    [[nodiscard]] bool writesWhileReading() const override { return true; }
    void writeReadRows(const QString &connectionName, Result *result) override;
    void finishWriting(const QString &connectionName, Result *result) override;
    void stopWriting() override;

    QList<Row> m_rows;
    std::unique_ptr<CommunityWriter> m_writer;
    QHash<QString, QString> m_sourceKinds; // by source name
    QString m_largeTransaction;            // the connection set up for one, until stopWriting()
};
