// Parsing a transcript takes milliseconds, so it runs as the user types (after a pause); the
// import writes through CommunityWriter on a worker.
#include "transcriptdialog.h"

#include "csvreader.h"
#include "storageerror.h"
#include "transcriptimporter.h"
#include "transfertask.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace {

constexpr qint64 maximumBytes = 16 * 1024 * 1024;

} // namespace

TranscriptDialog::TranscriptDialog(const Database &database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("transcriptDialog"));
    setWindowTitle(tr("Import Chat Transcript"));

    auto *intro = new QLabel(tr("Paste a chat below or open a file: a numbered list of tweets "
                                "copied from a web page, a Zoom chat, or \"Name: text\" lines. "
                                "It becomes one discussion."),
                             this);
    intro->setWordWrap(true);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("transcriptText"));
    m_text->setPlaceholderText(tr("1. Ada Lovelaceadal\n@charlesb thanks for the #notes"));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_openButton = new QPushButton(tr("&Open File..."), this);
    m_openButton->setObjectName(QStringLiteral("openFileButton"));

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("formatBox"));
    m_format->addItem(tr("Detect automatically"), int(TranscriptParser::Format::Unknown));
    for (const auto format : {TranscriptParser::Format::Tweets,
                              TranscriptParser::Format::Zoom,
                              TranscriptParser::Format::Lines})
        m_format->addItem(TranscriptParser::formatName(format), int(format));
    m_detected = new QLabel(this);
    m_detected->setObjectName(QStringLiteral("detectedLabel"));
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_title->setPlaceholderText(tr("e.g. Community call, May 2024"));
    m_source = new QLineEdit(this);
    m_source->setObjectName(QStringLiteral("sourceEdit"));
    m_source->setToolTip(tr("Members are matched by handle or name on this source."));

    auto *formatRow = new QHBoxLayout;
    formatRow->addWidget(m_format);
    formatRow->addWidget(m_detected, 1);
    formatRow->addWidget(m_openButton);
    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), formatRow);
    form->addRow(tr("&Discussion:"), m_title);
    form->addRow(tr("&Source:"), m_source);

    m_messages = new QTableWidget(0, 4, this);
    m_messages->setObjectName(QStringLiteral("messageTable"));
    m_messages->setHorizontalHeaderLabels({tr("Line"), tr("Time"), tr("Who"), tr("Said")});
    m_messages->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_messages->verticalHeader()->hide();
    m_messages->horizontalHeader()->setStretchLastSection(true);
    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("problemList"));

    auto *previewBox = new QGroupBox(tr("Who said what"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_messages, 3);
    previewLayout->addWidget(m_problems, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_text);
    splitter->addWidget(previewBox);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, TransferTask::ProgressSteps);
    m_progress->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_importButton = m_buttons->button(QDialogButtonBox::Ok);
    m_importButton->setText(tr("&Import"));
    m_importButton->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);
    resize(760, 680);

    m_parseTimer = new QTimer(this);
    m_parseTimer->setSingleShot(true);
    m_parseTimer->setInterval(300);
    connect(m_parseTimer, &QTimer::timeout, this, &TranscriptDialog::parseNow);
    connect(m_text, &QPlainTextEdit::textChanged, m_parseTimer, qOverload<>(&QTimer::start));
    connect(m_format, &QComboBox::currentIndexChanged, this, &TranscriptDialog::parseNow);
    connect(m_openButton, &QPushButton::clicked, this, &TranscriptDialog::chooseFile);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TranscriptDialog::startImport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TranscriptDialog::reject);

    m_task = new TransferTask(m_database, this);
    connect(m_task, &TransferTask::progressChanged, m_progress, &QProgressBar::setValue);
    connect(m_task, &TransferTask::succeeded, this, [this] {
        m_progress->hide();
        accept();
    });
    connect(m_task, &TransferTask::failed, this, [this](const QString &message) {
        m_progress->hide();
        m_status->setText(tr("Nothing was imported: %1").arg(message));
        m_status->show();
        m_importButton->setEnabled(true);
        Q_EMIT importFailed(message);
    });
    connect(m_task, &TransferTask::cancelled, this, [this] {
        m_progress->hide();
        m_status->setText(tr("The import was cancelled; nothing was stored."));
        m_status->show();
        m_importButton->setEnabled(true);
    });
    parseNow();
}

TranscriptDialog::~TranscriptDialog() = default;

bool TranscriptDialog::loadFile(const QString &path)
{
    QFile file(path);
    QString error;
    QString text;
    if (!file.open(QIODevice::ReadOnly)) {
        error = tr("Cannot read %1: %2").arg(path, file.errorString());
    } else if (file.size() > maximumBytes) {
        error = tr("%1 is too large for a transcript.").arg(QFileInfo(path).fileName());
    } else if (!CsvReader::decodeText(file.readAll(), &text, &error)) {
        error = tr("%1: %2").arg(QFileInfo(path).fileName(), error);
    }
    if (!error.isEmpty()) {
        m_status->setText(error);
        m_status->show();
        return false;
    }
    m_status->hide();
    m_fileTime = QFileInfo(path).lastModified().toUTC();
    if (m_title->text().isEmpty())
        m_title->setText(QFileInfo(path).completeBaseName());
    setText(text);
    return true;
}

void TranscriptDialog::setText(const QString &text)
{
    m_text->setPlainText(text);
    parseNow();
}

void TranscriptDialog::setTitle(const QString &title)
{
    m_title->setText(title);
}

void TranscriptDialog::setFormat(TranscriptParser::Format format)
{
    m_format->setCurrentIndex(std::max(0, m_format->findData(int(format))));
    parseNow();
}

void TranscriptDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this,
                                                      tr("Open Chat Transcript"),
                                                      QString(),
                                                      tr("Text files (*.txt);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

void TranscriptDialog::parseNow()
{
    m_parseTimer->stop();
    const auto chosen = TranscriptParser::Format(m_format->currentData().toInt());
    const QDate day = m_fileTime.isValid() ? m_fileTime.date() : QDate::currentDate();
    m_transcript = TranscriptParser::parse(m_text->toPlainText(), chosen, day);
    showTranscript();
    Q_EMIT parsed();
}

void TranscriptDialog::showTranscript()
{
    const bool empty = m_text->toPlainText().trimmed().isEmpty();
    const auto chosen = TranscriptParser::Format(m_format->currentData().toInt());
    if (empty)
        m_detected->setText(tr("Paste or open a transcript."));
    else if (chosen == TranscriptParser::Format::Unknown)
        m_detected->setText(
            tr("Detected: %1").arg(TranscriptParser::formatName(m_transcript.format)));
    else
        m_detected->setText(tr("Read as: %1 (detected: %2)")
                                .arg(TranscriptParser::formatName(chosen),
                                     TranscriptParser::formatName(
                                         TranscriptParser::detect(m_text->toPlainText()))));
    m_source->setPlaceholderText(TranscriptImporter::defaultSourceName(m_transcript.format));

    m_messages->setRowCount(int(m_transcript.messages.size()));
    for (int row = 0; row < m_transcript.messages.size(); ++row) {
        const TranscriptMessage &message = m_transcript.messages.at(row);
        QString who = message.name;
        if (!message.handle.isEmpty())
            who = who.isEmpty() ? QLatin1Char('@') + message.handle
                                : tr("%1 (@%2)").arg(message.name, message.handle);
        QString said = QString(message.text).replace(QLatin1Char('\n'), QChar(0x21B5));
        if (!message.repostOf.isEmpty())
            said = tr("[repost of @%1] %2").arg(message.repostOf, said);
        const QStringList cells{QString::number(message.line),
                                message.time.isValid()
                                    ? message.time.toString(QStringLiteral("HH:mm:ss"))
                                    : QString(),
                                who,
                                said};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(column == 3 ? message.text : cells.at(column));
            m_messages->setItem(row, column, item);
        }
    }
    m_messages->resizeColumnsToContents();
    m_messages->setColumnWidth(2, std::min(m_messages->columnWidth(2), 240));

    m_problems->clear();
    for (const TranscriptIssue &issue : m_transcript.issues) {
        new QListWidgetItem(issue.line > 0 ? tr("Line %1: %2").arg(issue.line).arg(issue.message)
                                           : issue.message,
                            m_problems);
    }
    if (!empty && m_transcript.messages.isEmpty() && m_transcript.issues.isEmpty())
        new QListWidgetItem(tr("No messages found."), m_problems);
    m_problems->setVisible(m_problems->count() > 0);
    m_importButton->setEnabled(!m_task->isRunning() && !m_transcript.messages.isEmpty());
}

void TranscriptDialog::startImport()
{
    parseNow();
    if (m_task->isRunning() || m_transcript.messages.isEmpty())
        return;
    TranscriptImporter::Options options;
    options.title = m_title->text().trimmed().isEmpty() ? tr("Transcript")
                                                        : m_title->text().trimmed();
    options.sourceName = m_source->text().trimmed();
    options.start = m_fileTime.isValid() ? m_fileTime : QDateTime::currentDateTimeUtc();
    const ImportBatch batch = TranscriptImporter::batch(m_transcript, options);
    m_summary = tr("Imported %n message(s) into \"%1\".", nullptr, int(m_transcript.messages.size()))
                    .arg(options.title);
    m_importButton->setEnabled(false);
    m_status->setText(tr("Importing..."));
    m_status->show();
    m_progress->show();
    m_task->start([batch](const QString &connectionName, const TransferTask::Progress &progress) {
        TranscriptImporter::import(connectionName, batch, progress);
    });
}

void TranscriptDialog::reject()
{
    if (m_task->isRunning()) {
        // Cancel stops the import; the dialog stays to say that nothing was stored.
        m_task->cancel();
        return;
    }
    QDialog::reject();
}
