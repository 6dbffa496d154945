// File > Import > Chat Transcript: a file or pasted text, the detected format with an override,
// a preview of who said what, then one discussion imported off the GUI thread.
#pragma once

#include "importbatch.h"
#include "transcriptparser.h"

#include <QDialog>

class Database;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;
class TransferTask;

class TranscriptDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit TranscriptDialog(const Database &database, QWidget *parent = nullptr);
    ~TranscriptDialog() override;
    Q_DISABLE_COPY_MOVE(TranscriptDialog)

    // Reads a transcript file into the text box; false (with the reason shown) when unreadable.
    bool loadFile(const QString &path);
    void setText(const QString &text);
    void setTitle(const QString &title);
    // Format::Unknown detects it.
    void setFormat(TranscriptParser::Format format);

    [[nodiscard]] const TranscriptParser::Result &transcript() const { return m_transcript; }
    [[nodiscard]] QString summary() const { return m_summary; }

    // Parses the text now instead of after the typing pause.
    void parseNow();

    // While an import runs, cancels it and stays open to say that nothing was stored.
    void reject() override;

Q_SIGNALS:
    void parsed();
    void importFailed(const QString &message);

private:
    void chooseFile();
    void showTranscript();
    void startImport();

    const Database &m_database;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_openButton = nullptr;
    QComboBox *m_format = nullptr;
    QLabel *m_detected = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_source = nullptr;
    QTableWidget *m_messages = nullptr;
    QListWidget *m_problems = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_importButton = nullptr;
    QTimer *m_parseTimer = nullptr;
    TransferTask *m_task = nullptr;
    TranscriptParser::Result m_transcript;
    QDateTime m_fileTime; // the file's time: its clock times fall on that day
    QString m_summary;
};
