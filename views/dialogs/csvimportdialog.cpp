// The preview and the import both run on a worker; the dialog only shows what they found.
#include "csvimportdialog.h"

#include "memberscsvimporter.h"
#include "postscsvimporter.h"
#include "storageerror.h"
#include "transfertask.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

constexpr int sampleRows = 20;

} // namespace

CsvImportDialog::CsvImportDialog(const Database &database, Kind kind, QString path, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_kind(kind)
    , m_path(std::move(path))
    , m_preview(std::make_shared<CsvImport::Preview>())
    , m_result(std::make_shared<CsvImport::Result>())
{
    setObjectName(QStringLiteral("csvImportDialog"));
    setWindowTitle(kind == Kind::Members ? tr("Import Members CSV") : tr("Import Posts CSV"));

    m_fileLabel = new QLabel(this);
    m_fileLabel->setObjectName(QStringLiteral("fileLabel"));
    m_fileLabel->setWordWrap(true);
    m_fileLabel->setText(tr("Reading %1...").arg(QFileInfo(m_path).fileName()));

    // One column per field, like the preview below it: which column of the file it reads.
    const std::unique_ptr<CsvImport> fields = makeImporter();
    m_columns = new QTableWidget(1, fields->fieldCount(), this);
    m_columns->setObjectName(QStringLiteral("columnTable"));
    m_columns->setHorizontalHeaderLabels(fields->fieldLabels());
    m_columns->setVerticalHeaderLabels({tr("Column")});
    m_columns->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_columns->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_columns->setSelectionMode(QAbstractItemView::NoSelection);
    m_columns->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_columns->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    for (int field = 0; field < fields->fieldCount(); ++field) {
        auto *box = new QComboBox(m_columns);
        box->setObjectName(QStringLiteral("column%1").arg(field));
        box->addItem(tr("(none)"), -1);
        box->setToolTip(
            tr("The column of the file that holds the %1").arg(fields->fieldLabel(field)));
        m_columns->setCellWidget(0, field, box);
        m_columnBoxes << box;
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_updatingColumns)
                startPreview();
        });
    }
    m_columns->resizeRowsToContents();
    m_columns->setFixedHeight(m_columns->horizontalHeader()->sizeHint().height()
                              + m_columns->rowHeight(0) + 2 * m_columns->frameWidth());

    m_source = new QLineEdit(QStringLiteral("csv"), this);
    m_source->setObjectName(QStringLiteral("sourceEdit"));
    m_source->setToolTip(tr("Handles are matched per source; rows that name no source of their "
                            "own come from this one."));
    connect(m_source, &QLineEdit::editingFinished, this, &CsvImportDialog::startPreview);

    auto *mappingBox = new QGroupBox(tr("Columns"), this);
    auto *mappingLayout = new QVBoxLayout(mappingBox);
    mappingLayout->addWidget(m_columns);
    auto *sourceForm = new QFormLayout;
    sourceForm->addRow(tr("&Source of rows without one:"), m_source);
    mappingLayout->addLayout(sourceForm);

    m_rowsLabel = new QLabel(this);
    m_rowsLabel->setObjectName(QStringLiteral("rowsLabel"));
    m_rows = new QTableWidget(this);
    m_rows->setObjectName(QStringLiteral("previewTable"));
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rows->verticalHeader()->hide();
    m_rows->horizontalHeader()->setStretchLastSection(true);
    auto *previewBox = new QGroupBox(tr("Preview: the first rows as they will be stored"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_rowsLabel);
    previewLayout->addWidget(m_rows);

    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("problemList"));
    auto *problemsBox = new QGroupBox(tr("Problems"), this);
    auto *problemsLayout = new QVBoxLayout(problemsBox);
    problemsLayout->addWidget(m_problems);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, TransferTask::ProgressSteps);
    m_progress->setTextVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_importButton = m_buttons->button(QDialogButtonBox::Ok);
    m_importButton->setText(tr("&Import"));
    m_importButton->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_fileLabel);
    layout->addWidget(mappingBox);
    layout->addWidget(previewBox, 3);
    layout->addWidget(problemsBox, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);
    resize(820, 620);

    m_task = new TransferTask(m_database, this);
    connect(m_task, &TransferTask::progressChanged, m_progress, &QProgressBar::setValue);
    connect(m_task, &TransferTask::succeeded, this, [this] {
        setRunning(false, {});
        if (m_importing) {
            m_importing = false;
            m_result = std::move(m_pendingResult);
            accept();
            return;
        }
        m_preview = std::move(m_pendingPreview);
        showPreview();
        if (m_previewAgain)
            startPreview();
    });
    connect(m_task, &TransferTask::failed, this, [this](const QString &message) {
        const bool importing = m_importing;
        m_importing = false;
        setRunning(false, tr("Nothing was imported: %1").arg(message));
        m_importButton->setEnabled(m_preview->isUsable());
        if (importing)
            Q_EMIT importFailed(message);
        if (m_previewAgain)
            startPreview();
    });
    connect(m_task, &TransferTask::cancelled, this, [this] {
        const bool importing = m_importing;
        m_importing = false;
        setRunning(false,
                   importing ? tr("The import was cancelled; nothing was stored.") : QString());
        m_importButton->setEnabled(m_preview->isUsable() && m_preview->rowCount > 0);
        if (m_previewAgain)
            startPreview();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CsvImportDialog::startImport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CsvImportDialog::reject);

    startPreview();
}

CsvImportDialog::~CsvImportDialog() = default;

std::unique_ptr<CsvImport> CsvImportDialog::makeImporter() const
{
    std::unique_ptr<CsvImport> importer;
    if (m_kind == Kind::Members)
        importer = std::make_unique<MembersCsvImporter>();
    else
        importer = std::make_unique<PostsCsvImporter>();
    if (m_source)
        importer->setDefaultSource(m_source->text().trimmed().isEmpty()
                                       ? QStringLiteral("csv")
                                       : m_source->text().trimmed());
    importer->setMapping(mapping());
    return importer;
}

QList<int> CsvImportDialog::mapping() const
{
    // Until the header is known, the importer guesses.
    if (m_preview->header.isEmpty())
        return {};
    QList<int> columns;
    for (const QComboBox *box : m_columnBoxes)
        columns << box->currentData().toInt();
    return columns;
}

void CsvImportDialog::setMapping(const QList<int> &columns)
{
    m_updatingColumns = true;
    for (qsizetype field = 0; field < m_columnBoxes.size(); ++field) {
        QComboBox *box = m_columnBoxes.at(field);
        const int index = box->findData(columns.value(field, -1));
        box->setCurrentIndex(std::max(0, index));
    }
    m_updatingColumns = false;
    startPreview();
}

bool CsvImportDialog::isBusy() const
{
    return m_task->isRunning();
}

void CsvImportDialog::startPreview()
{
    if (m_task->isRunning()) {
        // The running preview reads with the old columns: stop it and read again.
        m_previewAgain = true;
        m_task->cancel();
        return;
    }
    m_previewAgain = false;
    auto preview = std::make_shared<CsvImport::Preview>();
    std::shared_ptr<CsvImport> importer = makeImporter();
    const QString path = m_path;
    m_importButton->setEnabled(false);
    setRunning(true, tr("Reading the file..."));
    m_pendingPreview = preview;
    m_task->start(
        [preview, importer, path](const QString &, const TransferTask::Progress &progress) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                throw StorageError(tr("Cannot read %1: %2").arg(path, file.errorString()));
            *preview = importer->preview(&file, sampleRows, progress);
        },
        false);
}

void CsvImportDialog::showPreview()
{
    const CsvImport::Preview &preview = *m_preview;
    const QString delimiter = preview.delimiter == QLatin1Char('\t') ? tr("tab")
                                                                     : QString(preview.delimiter);
    m_fileLabel->setText(preview.encoding.isEmpty()
                             ? QFileInfo(m_path).fileName()
                             : tr("%1: %2, fields separated by \"%3\"")
                                   .arg(QFileInfo(m_path).fileName(), preview.encoding, delimiter));

    m_updatingColumns = true;
    for (qsizetype field = 0; field < m_columnBoxes.size(); ++field) {
        QComboBox *box = m_columnBoxes.at(field);
        if (box->count() != preview.header.size() + 1) {
            box->clear();
            box->addItem(tr("(none)"), -1);
            for (qsizetype column = 0; column < preview.header.size(); ++column)
                box->addItem(preview.header.at(column), int(column));
        }
        box->setCurrentIndex(std::max(0, box->findData(preview.mapping.value(field, -1))));
    }
    m_updatingColumns = false;

    m_rows->clear();
    m_rows->setColumnCount(int(preview.fieldLabels.size()));
    m_rows->setHorizontalHeaderLabels(preview.fieldLabels);
    m_rows->setRowCount(int(preview.rows.size()));
    for (int row = 0; row < preview.rows.size(); ++row) {
        const QStringList &values = preview.rows.at(row);
        for (int column = 0; column < values.size(); ++column) {
            const QString value = values.at(column);
            auto *item = new QTableWidgetItem(
                QString(value).replace(QLatin1Char('\n'), QChar(0x21B5)));
            item->setToolTip(value);
            m_rows->setItem(row, column, item);
        }
    }
    m_rows->resizeColumnsToContents();
    for (int column = 0; column < m_rows->columnCount(); ++column)
        m_rows->setColumnWidth(column, std::min(m_rows->columnWidth(column), 260));

    m_problems->clear();
    if (!preview.isUsable()) {
        auto *item = new QListWidgetItem(preview.error, m_problems);
        item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxCritical));
        m_rowsLabel->setText(tr("This file cannot be imported."));
    } else {
        for (const CsvImport::Issue &issue : preview.issues)
            new QListWidgetItem(issue.message, m_problems);
        if (preview.skipped > preview.issues.size())
            new QListWidgetItem(tr("... and %n more.",
                                   nullptr,
                                   int(preview.skipped - preview.issues.size())),
                                m_problems);
        m_rowsLabel->setText(tr("%n row(s) will be imported", nullptr, preview.rowCount)
                             + QLatin1String("; ")
                             + tr("%n row(s) skipped.", nullptr, preview.skipped));
    }
    if (m_problems->count() == 0)
        new QListWidgetItem(tr("No problems found."), m_problems);
    m_importButton->setEnabled(preview.isUsable() && preview.rowCount > 0);
    Q_EMIT previewReady();
}

void CsvImportDialog::startImport()
{
    if (m_task->isRunning() || !m_preview->isUsable())
        return;
    m_importing = true;
    auto result = std::make_shared<CsvImport::Result>();
    std::shared_ptr<CsvImport> importer = makeImporter();
    const QString path = m_path;
    setRunning(true, tr("Importing..."));
    m_pendingResult = result;
    m_task->start([result, importer, path](const QString &connectionName,
                                           const TransferTask::Progress &progress) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw StorageError(tr("Cannot read %1: %2").arg(path, file.errorString()));
        *result = importer->import(&file, connectionName, progress);
    });
}

void CsvImportDialog::setRunning(bool running, const QString &message)
{
    m_progress->setVisible(running);
    if (running)
        m_progress->setValue(0);
    m_columns->setEnabled(!running || !m_importing);
    m_source->setEnabled(!m_importing);
    if (running)
        m_importButton->setEnabled(false);
    m_status->setText(message);
    m_status->setVisible(!message.isEmpty());
}

void CsvImportDialog::reject()
{
    if (m_importing && m_task->isRunning()) {
        // Cancel stops the import; the dialog stays to say that nothing was stored.
        m_task->cancel();
        return;
    }
    m_task->cancel();
    QDialog::reject();
}

QString CsvImportDialog::summary() const
{
    const CsvImport::Result &result = *m_result;
    if (m_kind == Kind::Members)
        return tr("Imported %n member row(s): ", nullptr, result.rows)
               + tr("%n matched, ", nullptr, result.membersMatched)
               + tr("%n created, ", nullptr, result.summary.membersCreated)
               + tr("%n skipped.", nullptr, result.skipped);
    return tr("Imported %n post row(s): ", nullptr, result.rows)
           + tr("%n new, ", nullptr, result.summary.postsCreated)
           + tr("%n updated, ", nullptr, result.summary.postsUpdated)
           + tr("%n skipped.", nullptr, result.skipped);
}
