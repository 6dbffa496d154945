// Runs an import or export on a worker thread with that thread's database connection: progress
// in steps of a thousand, cancel, and the outcome back on the GUI thread.
#pragma once

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class Database;

class TransferTask final : public QObject
{
    Q_OBJECT

public:
    static constexpr int ProgressSteps = 1000;

    using Progress = std::function<bool(qint64 done, qint64 total)>;
    // Runs on the worker. Throws StorageError to fail, OperationCancelled when progress said so.
    using Work = std::function<void(const QString &connectionName, const Progress &progress)>;

    explicit TransferTask(const Database &database, QObject *parent = nullptr);
    // Cancels running work and waits for it.
    ~TransferTask() override;
    Q_DISABLE_COPY_MOVE(TransferTask)

    // Starts work unless some is running; false then. Work that reads only files gets an
    // empty connection name, and no connection is opened for it.
    bool start(Work work, bool usesDatabase = true);
    void cancel();
    // From start() until one of the outcome signals (a future may not run yet right after start).
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progressChanged(int steps); // 0..ProgressSteps
    void succeeded();
    void failed(const QString &message);
    void cancelled();

private:
    enum class Outcome { Succeeded, Failed, Cancelled };

    void workFinished();

    const Database &m_database;
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QString m_message;
    bool m_running = false;
};
