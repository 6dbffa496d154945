// Import dialogs are modal; exports run on a worker behind a progress dialog that can cancel.
#include "transferactions.h"

#include "communityexporter.h"
#include "transcriptdialog.h"
#include "transfertask.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QProgressDialog>

TransferActions::TransferActions(std::function<const Database &()> database, QWidget *window)
    : QObject(window)
    , m_database(std::move(database))
    , m_window(window)
{}

void TransferActions::addTo(QMenu *fileMenu)
{
    QMenu *import = fileMenu->addMenu(tr("&Import"));
    import->setObjectName(QStringLiteral("importMenu"));
    QAction *members = import->addAction(tr("&Members CSV..."), this, [this] {
        importCsv(CsvImportDialog::Kind::Members);
    });
    members->setObjectName(QStringLiteral("importMembersCsvAction"));
    QAction *posts = import->addAction(tr("&Posts CSV..."), this, [this] {
        importCsv(CsvImportDialog::Kind::Posts);
    });
    posts->setObjectName(QStringLiteral("importPostsCsvAction"));
    QAction *transcript = import->addAction(tr("Chat &Transcript..."), this, [this] {
        importTranscript();
    });
    transcript->setObjectName(QStringLiteral("importTranscriptAction"));
    m_importActions = {members, posts, transcript};

    QMenu *exportMenu = fileMenu->addMenu(tr("&Export"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    exportMenu
        ->addAction(tr("&Members CSV..."),
                    this,
                    [this] { exportCsv(CsvImportDialog::Kind::Members); })
        ->setObjectName(QStringLiteral("exportMembersCsvAction"));
    exportMenu
        ->addAction(tr("&Posts CSV..."), this, [this] { exportCsv(CsvImportDialog::Kind::Posts); })
        ->setObjectName(QStringLiteral("exportPostsCsvAction"));
}

void TransferActions::importCsv(CsvImportDialog::Kind kind, const QString &givenPath)
{
    QString path = givenPath;
    if (path.isEmpty()) {
        path = QFileDialog::getOpenFileName(m_window,
                                            kind == CsvImportDialog::Kind::Members
                                                ? tr("Import Members CSV")
                                                : tr("Import Posts CSV"),
                                            QDir::homePath(),
                                            tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    }
    if (path.isEmpty())
        return;
    CsvImportDialog dialog(m_database(), kind, path, m_window);
    connect(&dialog, &CsvImportDialog::importFailed, this, &TransferActions::failed);
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT imported(dialog.summary());
}

void TransferActions::importTranscript(const QString &path)
{
    TranscriptDialog dialog(m_database(), m_window);
    if (!path.isEmpty())
        dialog.loadFile(path);
    connect(&dialog, &TranscriptDialog::importFailed, this, &TransferActions::failed);
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT imported(dialog.summary());
}

void TransferActions::exportCsv(CsvImportDialog::Kind kind, const QString &givenPath)
{
    const bool members = kind == CsvImportDialog::Kind::Members;
    QString path = givenPath;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(m_window,
                                            members ? tr("Export Members CSV")
                                                    : tr("Export Posts CSV"),
                                            QDir::home().filePath(
                                                members ? QStringLiteral("members.csv")
                                                        : QStringLiteral("posts.csv")),
                                            tr("CSV files (*.csv)"));
    }
    if (path.isEmpty())
        return;
    auto *task = new TransferTask(m_database(), this);
    auto *progress = new QProgressDialog(members ? tr("Exporting members...")
                                                 : tr("Exporting posts..."),
                                         tr("Cancel"),
                                         0,
                                         TransferTask::ProgressSteps,
                                         m_window);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setValue(0);
    connect(progress, &QProgressDialog::canceled, task, &TransferTask::cancel);
    connect(task, &TransferTask::progressChanged, progress, &QProgressDialog::setValue);
    auto rows = std::make_shared<qint64>(0);
    const auto finish = [task, progress] {
        progress->close();
        progress->deleteLater();
        task->deleteLater();
    };
    connect(task, &TransferTask::succeeded, this, [this, finish, rows, path, members] {
        finish();
        Q_EMIT exported(members ? tr("Wrote %n member(s) to %1.", nullptr, int(*rows)).arg(path)
                                : tr("Wrote %n post(s) to %1.", nullptr, int(*rows)).arg(path));
    });
    connect(task, &TransferTask::failed, this, [this, finish, path](const QString &message) {
        finish();
        Q_EMIT failed(tr("The export failed; %1 was left as it was: %2").arg(path, message));
    });
    connect(task, &TransferTask::cancelled, this, [this, finish, path] {
        finish();
        Q_EMIT exported(tr("The export was cancelled; %1 was left as it was.").arg(path));
    });
    task->start(
        [rows, path, members](const QString &connectionName, const TransferTask::Progress &report) {
            const CommunityExporter exporter(connectionName);
            *rows = CommunityExporter::saveFile(path, [&](QIODevice *device) {
                return members ? exporter.writeMembersCsv(device, report)
                               : exporter.writePostsCsv(device, report);
            });
        });
}
