// Copies the open community into another database off the GUI thread: a progress dialog that can
// cancel, and a question before a target that already holds a community is replaced.
#pragma once

#include "databaselocation.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

class QProgressDialog;
class QWidget;

class CommunityCopyTask final : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        enum class Kind { Copied, TargetNotEmpty, Cancelled, Failed };
        Kind kind = Kind::Failed;
        QString message; // why it failed
        qint64 rows = 0; // rows copied
    };

    // Asked before the rows of a target that is not empty are deleted; true replaces them.
    using ConfirmReplace = std::function<bool(const DatabaseLocation &target)>;

    // The copy reads the source through its own connection, so the window may go on using it.
    CommunityCopyTask(DatabaseLocation source, DatabaseLocation target, QWidget *parent);
    // Cancels a running copy and waits for it: nothing is written then.
    ~CommunityCopyTask() override;
    Q_DISABLE_COPY_MOVE(CommunityCopyTask)

    // Replaces the default question (a message box) about a target that is not empty.
    void setConfirmReplace(ConfirmReplace confirm) { m_confirmReplace = std::move(confirm); }

    void start();
    [[nodiscard]] bool isRunning() const { return m_watcher.isRunning(); }
    [[nodiscard]] QProgressDialog *progressDialog() const;

Q_SIGNALS:
    void copied(qint64 rows);
    void failed(const QString &message);
    void cancelled();
    // After each of the above, and when the user kept a target that is not empty.
    void finished();

private:
    void run(bool replace);
    void showProgress(int value);
    void workFinished();
    [[nodiscard]] bool askReplace(const DatabaseLocation &target) const;

    DatabaseLocation m_source;
    DatabaseLocation m_target;
    QPointer<QWidget> m_window;
    ConfirmReplace m_confirmReplace;
    QPointer<QProgressDialog> m_progress;
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};
