// Runs DatabaseCopier on a worker thread with its own Database objects and reports back.
#include "communitycopytask.h"

#include "database.h"
#include "databasecopier.h"
#include "storageerror.h"

#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QtConcurrent>

namespace {

constexpr int progressSteps = 1000;

} // namespace

CommunityCopyTask::CommunityCopyTask(DatabaseLocation source,
                                     DatabaseLocation target,
                                     QWidget *parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_target(std::move(target))
    , m_window(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &CommunityCopyTask::workFinished);
}

CommunityCopyTask::~CommunityCopyTask()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
    delete m_progress;
}

void CommunityCopyTask::start()
{
    if (!isRunning())
        run(false);
}

void CommunityCopyTask::run(bool replace)
{
    delete m_progress;
    m_progress = new QProgressDialog(
        replace ? tr("Replacing the community in %1...").arg(m_target.displayName())
                : tr("Copying the community to %1...").arg(m_target.displayName()),
        tr("Cancel"),
        0,
        progressSteps,
        m_window);
    m_progress->setObjectName(QStringLiteral("copyProgress"));
    m_progress->setWindowTitle(tr("Copy Community"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setValue(0);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    connect(m_progress, &QProgressDialog::canceled, this, [cancel = m_cancel] {
        cancel->store(true);
    });

    // A QSqlDatabase belongs to the thread that made it: the worker opens its own.
    m_watcher.setFuture(QtConcurrent::run(
        [this, source = m_source, target = m_target, replace, cancel = m_cancel]() -> Outcome {
            Outcome outcome;
            try {
                Database database(source);
                database.open();
                {
                    DatabaseCopier copier(database, target);
                    copier.setReplace(replace);
                    if (!replace && !copier.targetIsEmpty()) {
                        outcome.kind = Outcome::Kind::TargetNotEmpty;
                    } else {
                        int last = -1;
                        const DatabaseCopier::Summary summary = copier.copy(
                            [&](qint64 done, qint64 total) {
                                const int value = total > 0 ? int(progressSteps * done / total)
                                                            : progressSteps;
                                if (value != last) {
                                    last = value;
                                    // The task outlives the worker (its destructor waits).
                                    QMetaObject::invokeMethod(
                                        this,
                                        [this, value] { showProgress(value); },
                                        Qt::QueuedConnection);
                                }
                                return !cancel->load();
                            });
                        outcome.kind = Outcome::Kind::Copied;
                        outcome.rows = summary.total();
                    }
                }
                database.releaseThreadConnection();
            } catch (const OperationCancelled &) {
                outcome.kind = Outcome::Kind::Cancelled;
            } catch (const StorageError &error) {
                outcome.kind = Outcome::Kind::Failed;
                outcome.message = error.message();
            }
            return outcome;
        }));
}

QProgressDialog *CommunityCopyTask::progressDialog() const
{
    return m_progress;
}

void CommunityCopyTask::showProgress(int value)
{
    if (m_progress && !m_progress->wasCanceled())
        m_progress->setValue(value);
}

bool CommunityCopyTask::askReplace(const DatabaseLocation &target) const
{
    QMessageBox box(QMessageBox::Warning,
                    tr("Replace Community?"),
                    tr("%1 already holds a community. Replace everything in it with a copy of "
                       "this one? What it holds now is deleted.")
                        .arg(target.displayName()),
                    QMessageBox::Cancel,
                    m_window);
    box.setObjectName(QStringLiteral("replaceCommunityBox"));
    QPushButton *replace = box.addButton(tr("&Replace"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == replace;
}

void CommunityCopyTask::workFinished()
{
    const Outcome outcome = m_watcher.result();
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    switch (outcome.kind) {
    case Outcome::Kind::TargetNotEmpty:
        if (m_confirmReplace ? m_confirmReplace(m_target) : askReplace(m_target)) {
            run(true);
            return;
        }
        break;
    case Outcome::Kind::Copied:
        Q_EMIT copied(outcome.rows);
        break;
    case Outcome::Kind::Cancelled:
        Q_EMIT cancelled();
        break;
    case Outcome::Kind::Failed:
        Q_EMIT failed(outcome.message);
        break;
    }
    Q_EMIT finished();
}
