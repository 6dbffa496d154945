// The reading loop both CSV imports share: header, mapping, row checks with line numbers,
// progress and the one transaction.
#include "csvimport.h"

#include "csvreader.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "transaction.h"

#include <QScopeGuard>

#include <atomic>
#include <thread>

namespace {

constexpr qint64 progressSteps = 1000;
constexpr qint64 readingSteps = 200; // of progressSteps; the rest is writing
// Rows read before the writer is woken, when it writes while the file is read.
constexpr qsizetype rowsPerWrite = 5000;
// Of progressSteps, when it writes while the file is read: the rest is the end of the import.
constexpr qint64 readingBesideSteps = 900;

QString normalizedHeader(const QString &name)
{
    QString result;
    for (const QChar c : name) {
        if (c.isLetterOrNumber())
            result += c.toLower();
    }
    return result;
}

} // namespace

CsvImport::~CsvImport() = default;

QStringList CsvImport::fieldLabels() const
{
    QStringList labels;
    for (int field = 0; field < fieldCount(); ++field)
        labels << fieldLabel(field);
    return labels;
}

QStringList CsvImport::fieldKeys() const
{
    QStringList keys;
    for (int field = 0; field < fieldCount(); ++field)
        keys << headerNames(field).value(0);
    return keys;
}

QList<int> CsvImport::guessMapping(const QStringList &header) const
{
    QStringList normalized;
    for (const QString &name : header)
        normalized << normalizedHeader(name);
    QList<int> mapping(fieldCount(), -1);
    QList<bool> taken(header.size(), false);
    for (int field = 0; field < fieldCount(); ++field) {
        for (const QString &name : headerNames(field)) {
            const qsizetype column = normalized.indexOf(normalizedHeader(name));
            if (column >= 0 && !taken.at(column)) {
                mapping[field] = int(column);
                taken[column] = true;
                break;
            }
        }
    }
    return mapping;
}

void CsvImport::clearReadRows()
{
    if (m_readingBeside) {
        const std::lock_guard lock(m_rowsMutex);
        clearRows();
    } else {
        clearRows();
    }
}

bool CsvImport::readRows(QIODevice *device,
                         int sampleRows,
                         const Progress &progress,
                         Preview *preview)
{
    clearReadRows();
    CsvReader reader(device);
    const auto unusable = [&](int line, const QString &message) {
        preview->error = message;
        preview->errorLine = line;
        clearReadRows();
        return false;
    };
    if (!reader.open())
        return unusable(reader.errorLine(), reader.errorString());
    preview->encoding = reader.encodingName();
    preview->delimiter = reader.delimiter();
    preview->fieldLabels = fieldLabels();
    QStringList record;
    if (!reader.readRecord(&record)) {
        return unusable(reader.errorLine(),
                        reader.hasError() ? reader.errorString() : tr("The file is empty."));
    }
    for (QString &name : record)
        name = name.trimmed();
    preview->header = record;
    const int headerLine = reader.recordLine();
    preview->mapping = m_mapping.isEmpty() ? guessMapping(record) : m_mapping;
    preview->mapping.resize(fieldCount(), -1);
    for (int &column : preview->mapping) {
        if (column >= record.size())
            column = -1;
    }
    for (auto it = m_overrides.cbegin(); it != m_overrides.cend(); ++it) {
        qsizetype column = -1;
        for (qsizetype i = 0; i < record.size() && column < 0; ++i) {
            if (record.at(i).compare(it.value().trimmed(), Qt::CaseInsensitive) == 0)
                column = i;
        }
        if (column < 0) {
            return unusable(headerLine,
                            tr("Line %1: no column is named \"%2\" (for %3). The columns are: "
                               "%4.")
                                .arg(headerLine)
                                .arg(it.value(),
                                     fieldLabel(it.key()),
                                     record.join(QLatin1String(", "))));
        }
        // A column holds one field: the one named for it takes it from a guessed one.
        for (int &mapped : preview->mapping) {
            if (mapped == column)
                mapped = -1;
        }
        preview->mapping[it.key()] = int(column);
    }
    m_activeMapping = preview->mapping;
    const QString problem = mappingProblem(preview->mapping);
    if (!problem.isEmpty()) {
        return unusable(reader.recordLine(),
                        tr("Line %1: %2 The columns are: %3.")
                            .arg(reader.recordLine())
                            .arg(problem, record.join(QLatin1String(", "))));
    }

    const qint64 size = std::max<qint64>(1, reader.size());
    qint64 lastReport = -1;
    while (reader.readRecord(&record)) {
        const int line = reader.recordLine();
        QString rowProblem;
        QStringList stored;
        if (record.size() != preview->header.size()) {
            rowProblem = tr("the row has %1 fields, the header %2; skipped.")
                             .arg(record.size())
                             .arg(preview->header.size());
        } else {
            QStringList values;
            for (const int column : std::as_const(preview->mapping))
                values << (column >= 0 ? record.at(column) : QString());
            if (m_readingBeside) {
                bool wake = false;
                {
                    const std::lock_guard lock(m_rowsMutex);
                    if (addRow(values, line, &rowProblem, nullptr))
                        wake = ++m_rowsWaiting % rowsPerWrite == 0;
                }
                if (wake)
                    m_rowsRead.notify_all();
            } else {
                addRow(values,
                       line,
                       &rowProblem,
                       preview->rows.size() < sampleRows ? &stored : nullptr);
            }
        }
        if (!rowProblem.isEmpty()) {
            ++preview->skipped;
            if (preview->issues.size() < MaximumIssues)
                preview->issues.append({line, tr("Line %1: %2").arg(line).arg(rowProblem)});
        } else {
            ++preview->rowCount;
            if (preview->rows.size() < sampleRows)
                preview->rows.append(stored);
        }
        if (progress) {
            const qint64 done = reader.bytesRead() * readingSteps / size;
            if (done != lastReport) {
                lastReport = done;
                if (!progress(done, progressSteps)) {
                    clearReadRows();
                    throw OperationCancelled();
                }
            }
        }
    }
    if (reader.hasError())
        return unusable(reader.errorLine(), reader.errorString());
    if (preview->rowCount == 0 && preview->skipped == 0)
        return unusable(headerLine,
                        tr("Line %1: the file has a header but no rows.").arg(headerLine));
    return true;
}

CsvImport::Preview CsvImport::preview(QIODevice *device, int sampleRows, const Progress &progress)
{
    Preview result;
    const Progress scaled = progress ? Progress(
                                [&](qint64 done, qint64) { return progress(done, readingSteps); })
                                     : Progress();
    readRows(device, sampleRows, scaled, &result);
    clearRows();
    return result;
}

CsvImport::Result CsvImport::import(QIODevice *device,
                                    const QString &connectionName,
                                    const Progress &progress)
{
    if (writesWhileReading())
        return importWhileReading(device, connectionName, progress);
    Preview read;
    if (!readRows(device, 0, progress, &read))
        throw StorageError(read.error);
    Result result;
    result.rows = read.rowCount;
    result.skipped = read.skipped;
    result.issues = read.issues;
    const Progress writing = [&](qint64 done, qint64 total) {
        if (!progress)
            return true;
        return progress(readingSteps
                            + (total > 0 ? done * (progressSteps - readingSteps) / total
                                         : progressSteps - readingSteps),
                        progressSteps);
    };
    try {
        Transaction transaction(connectionName);
        writeRows(connectionName, writing, &result);
        transaction.commit();
    } catch (...) {
        clearRows();
        throw;
    }
    clearRows();
    if (progress)
        progress(progressSteps, progressSteps);
    return result;
}

CsvImport::Result CsvImport::importWhileReading(QIODevice *device,
                                                const QString &connectionName,
                                                const Progress &progress)
{
    // The reading thread reports through these; the caller's progress is called from here.
    std::atomic<qint64> readSteps = 0;
    std::atomic<bool> stop = false;
    Preview read;
    bool usable = false;
    std::exception_ptr failure;
    m_readingBeside = true;
    m_rowsWaiting = 0;
    m_readingDone = false;
    Result result;
    try {
        Transaction transaction(connectionName);
        // Before a rollback, the rows being written on another thread are waited for (the
        // connection serves one thread at a time) and forgotten.
        const auto writingStopped = qScopeGuard([this] { stopWriting(); });
        std::thread reader([&] {
            try {
                usable = readRows(
                    device,
                    0,
                    [&](qint64 done, qint64) {
                        readSteps = done;
                        return !stop.load();
                    },
                    &read);
            } catch (...) {
                failure = std::current_exception();
            }
            {
                const std::lock_guard lock(m_rowsMutex);
                m_readingDone = true;
            }
            m_rowsRead.notify_all();
        });
        // Whatever happens here, the reader ends before the rows and the device go.
        const auto joinReader = qScopeGuard([&] {
            stop = true;
            if (reader.joinable())
                reader.join();
        });
        const auto report = [&](qint64 steps) {
            if (progress && !progress(steps, progressSteps)) {
                stop = true;
                throw OperationCancelled();
            }
        };
        bool done = false;
        while (!done) {
            {
                std::unique_lock lock(m_rowsMutex);
                // Woken every few thousand rows; the timeout keeps progress and cancel alive.
                m_rowsRead.wait_for(lock, std::chrono::milliseconds(100), [this] {
                    return m_readingDone || m_rowsWaiting >= rowsPerWrite;
                });
                done = m_readingDone;
                m_rowsWaiting = 0;
            }
            // The last rows wait for the verdict on the whole file.
            if (!done)
                writeReadRows(connectionName, &result);
            report(readSteps.load() * readingBesideSteps / readingSteps);
        }
        reader.join();
        if (failure)
            std::rethrow_exception(failure);
        if (!usable)
            throw StorageError(read.error);
        writeReadRows(connectionName, &result);
        finishWriting(connectionName, &result);
        report(readingBesideSteps + (progressSteps - readingBesideSteps) / 2);
        transaction.commit();
    } catch (...) {
        m_readingBeside = false;
        clearRows();
        throw;
    }
    m_readingBeside = false;
    clearRows();
    result.rows = read.rowCount;
    result.skipped = read.skipped;
    result.issues = read.issues;
    if (progress)
        progress(progressSteps, progressSteps);
    return result;
}
