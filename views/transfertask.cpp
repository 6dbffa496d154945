// The worker opens its own connection (a QSqlDatabase belongs to its thread) and closes it again.
#include "transfertask.h"

#include "database.h"
#include "storageerror.h"

#include <QtConcurrent>

TransferTask::TransferTask(const Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &TransferTask::workFinished);
}

TransferTask::~TransferTask()
{
    cancel();
    m_watcher.waitForFinished();
}

bool TransferTask::start(Work work, bool usesDatabase)
{
    if (isRunning())
        return false;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_message.clear();
    m_running = true;
    m_watcher.setFuture(
        QtConcurrent::run([this, work = std::move(work), usesDatabase, cancel = m_cancel]() {
            Outcome outcome = Outcome::Succeeded;
            int last = -1;
            const Progress progress = [&](qint64 done, qint64 total) {
                const int steps = total > 0 ? int(ProgressSteps * std::min(done, total) / total)
                                            : ProgressSteps;
                if (steps != last) {
                    last = steps;
                    // The task outlives the worker (its destructor waits).
                    QMetaObject::invokeMethod(
                        this,
                        [this, steps] { Q_EMIT progressChanged(steps); },
                        Qt::QueuedConnection);
                }
                return !cancel->load();
            };
            try {
                work(usesDatabase ? m_database.connectionName() : QString(), progress);
            } catch (const OperationCancelled &) {
                outcome = Outcome::Cancelled;
            } catch (const StorageError &error) {
                outcome = Outcome::Failed;
                m_message = error.message();
            }
            if (usesDatabase)
                m_database.releaseThreadConnection();
            return outcome;
        }));
    return true;
}

void TransferTask::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void TransferTask::workFinished()
{
    m_running = false;
    switch (m_watcher.result()) {
    case Outcome::Succeeded:
        Q_EMIT succeeded();
        break;
    case Outcome::Failed:
        Q_EMIT failed(m_message);
        break;
    case Outcome::Cancelled:
        Q_EMIT cancelled();
        break;
    }
}
