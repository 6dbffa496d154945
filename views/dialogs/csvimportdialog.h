// File > Import > Members CSV / Posts CSV: which column is which, a preview of the rows as they
// will be stored and of the rows that will be skipped, then the import with progress and cancel.
#pragma once

#include "csvimport.h"

#include <QDialog>

#include <memory>

class Database;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;
class TransferTask;

class CsvImportDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Kind { Members, Posts };

    CsvImportDialog(const Database &database, Kind kind, QString path, QWidget *parent = nullptr);
    ~CsvImportDialog() override;
    Q_DISABLE_COPY_MOVE(CsvImportDialog)

    [[nodiscard]] Kind kind() const { return m_kind; }
    // The columns chosen for each field (-1 for none).
    [[nodiscard]] QList<int> mapping() const;
    void setMapping(const QList<int> &mapping);
    [[nodiscard]] bool isBusy() const;
    // What the last preview found, and what the import did (after accepted()).
    [[nodiscard]] const CsvImport::Preview &preview() const { return *m_preview; }
    [[nodiscard]] const CsvImport::Result &result() const { return *m_result; }
    // One line for the status bar about what was imported.
    [[nodiscard]] QString summary() const;

    // While an import runs, cancels it and stays open to say that nothing was stored.
    void reject() override;

Q_SIGNALS:
    void previewReady();
    void importFailed(const QString &message);

private:
    [[nodiscard]] std::unique_ptr<CsvImport> makeImporter() const;
    void startPreview();
    void showPreview();
    void startImport();
    void setRunning(bool running, const QString &message);

    const Database &m_database;
    Kind m_kind;
    QString m_path;
    QLabel *m_fileLabel = nullptr;
    QTableWidget *m_columns = nullptr;
    QList<QComboBox *> m_columnBoxes;
    QLineEdit *m_source = nullptr;
    QTableWidget *m_rows = nullptr;
    QLabel *m_rowsLabel = nullptr;
    QListWidget *m_problems = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_importButton = nullptr;
    TransferTask *m_task = nullptr;
    std::shared_ptr<CsvImport::Preview> m_preview;
    std::shared_ptr<CsvImport::Result> m_result;
    // What the running work fills in; shown once it succeeded.
    std::shared_ptr<CsvImport::Preview> m_pendingPreview;
    std::shared_ptr<CsvImport::Result> m_pendingResult;
    bool m_importing = false;
    bool m_previewAgain = false;
    bool m_updatingColumns = false;
};
