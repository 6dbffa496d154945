// What the members and posts CSV imports share: the column mapping, a preview of what would be
// stored with the rows that would be skipped, and the import itself in one transaction.
#pragma once

#include "importbatch.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <condition_variable>
#include <functional>
#include <mutex>

class CsvReader;
class QIODevice;

class CsvImport
{
    Q_DECLARE_TR_FUNCTIONS(CsvImport)

public:
    // Called with work done and work in all; returning false cancels (nothing is stored).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    struct Issue
    {
        int line = 0; // 1-based line of the file
        QString message;
    };

    struct Preview
    {
        QStringList header;
        QList<int> mapping; // the column of each field, -1 for none
        QString encoding;
        QChar delimiter;
        QStringList fieldLabels;
        QList<QStringList> rows; // the first rows as they would be stored, one value per field
        int rowCount = 0;        // rows that would be imported
        QList<Issue> issues;     // rows that would be skipped, and why
        int skipped = 0;
        QString error; // why the file cannot be imported at all; empty when it can
        int errorLine = 0;

        [[nodiscard]] bool isUsable() const { return error.isEmpty(); }
    };

    struct Result
    {
        int rows = 0;    // rows imported
        int skipped = 0; // rows skipped, listed in issues
        QList<Issue> issues;
        int membersMatched = 0; // rows that named a member already known
        WriteSummary summary;
    };

    static constexpr int MaximumIssues = 1000;

    virtual ~CsvImport();

    [[nodiscard]] virtual int fieldCount() const = 0;
    [[nodiscard]] virtual QString fieldLabel(int field) const = 0;
    [[nodiscard]] QStringList fieldLabels() const;

    // The column each field most likely is, from the header's names (-1 for none).
    [[nodiscard]] QList<int> guessMapping(const QStringList &header) const;
    // The columns to read instead of the guessed ones (-1 leaves a field out).
    void setMapping(const QList<int> &mapping) { m_mapping = mapping; }
    // The short name of each field ("name", "email", "discussion", ...), for command lines.
    [[nodiscard]] QStringList fieldKeys() const;
    // Fields read from the column with this header (compared without case), whatever the
    // mapping says; a header the file lacks makes it unusable.
    void setColumnOverrides(const QHash<int, QString> &headers) { m_overrides = headers; }

    // Reads the whole file without storing anything. sampleRows rows are kept for display.
    [[nodiscard]] Preview preview(QIODevice *device,
                                  int sampleRows = 20,
                                  const Progress &progress = {});

    // Imports the file in one transaction. Throws StorageError with a line number when the file
    // is unusable, OperationCancelled when cancelled; either way nothing is stored.
    Result import(QIODevice *device, const QString &connectionName, const Progress &progress = {});

    // Where rows without a source of their own come from (default "csv").
    void setDefaultSource(const QString &source) { m_defaultSource = source; }
    [[nodiscard]] QString defaultSource() const { return m_defaultSource; }

protected:
    CsvImport() = default;

    // Lower-case header names that name the field, best first.
    [[nodiscard]] virtual QStringList headerNames(int field) const = 0;
    // Why the mapping cannot work (a needed column missing), or empty.
    [[nodiscard]] virtual QString mappingProblem(const QList<int> &mapping) const = 0;
    // Checks and keeps one row (values by field, as written). False with problem set for a row
    // that cannot be used; stored (when not null) receives the values as they will be stored.
    virtual bool addRow(const QStringList &values, int line, QString *problem, QStringList *stored)
        = 0;
    virtual void clearRows() = 0;
    // Stores the rows kept, inside the caller's transaction.
    virtual void writeRows(const QString &connectionName, const Progress &progress, Result *result)
        = 0;

    // Imports that write while the file is still read return true. import() then reads on a
    // thread of its own, which calls addRow() holding rowsMutex(); on the caller's thread,
    // inside the transaction, writeReadRows() takes (holding rowsMutex()) and stores the rows
    // read so far, again and again, and finishWriting() ends the import; stopWriting() comes
    // last either way. writeRows() is not called. An unusable file or a cancel still stores nothing.
    [[nodiscard]] virtual bool writesWhileReading() const { return false; }
    virtual void writeReadRows(const QString &connectionName, Result *result)
    {
        Q_UNUSED(connectionName)
        Q_UNUSED(result)
    }
    virtual void finishWriting(const QString &connectionName, Result *result)
    {
        Q_UNUSED(connectionName)
        Q_UNUSED(result)
    }
    // Ends the writing on the caller's thread, also after a failure (before the rollback).
    virtual void stopWriting() {}
    [[nodiscard]] std::mutex &rowsMutex() { return m_rowsMutex; }

    // Whether the file being read has a column for the field.
    [[nodiscard]] bool isMapped(int field) const { return m_activeMapping.value(field, -1) >= 0; }

private:
    // Reads every row through addRow(); fills the preview's fields. False when unusable.
    bool readRows(QIODevice *device, int sampleRows, const Progress &progress, Preview *preview);
    // clearRows(), holding rowsMutex() while the rows are written as they are read.
    void clearReadRows();
    Result importWhileReading(QIODevice *device,
                              const QString &connectionName,
                              const Progress &progress);

    QList<int> m_mapping;
    QHash<int, QString> m_overrides;
    QList<int> m_activeMapping;
    QString m_defaultSource = QStringLiteral("csv");
    // While writing as the file is read: rows kept and not taken yet, and the end of reading.
    bool m_readingBeside = false;
    std::mutex m_rowsMutex;
    std::condition_variable m_rowsRead;
    qsizetype m_rowsWaiting = 0;
    bool m_readingDone = false;
};
