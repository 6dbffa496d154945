// File > Import and File > Export: asks for the file, runs the dialog or the export off the GUI
// thread, and says what happened.
#pragma once

#include "csvimportdialog.h"

#include <QObject>
#include <QPointer>

#include <functional>

class Database;
class QAction;
class QMenu;
class QWidget;

class TransferActions final : public QObject
{
    Q_OBJECT

public:
    // database gives the window's current database (the window may switch databases).
    TransferActions(std::function<const Database &()> database, QWidget *window);
    Q_DISABLE_COPY_MOVE(TransferActions)

    // Adds the Import and Export submenus.
    void addTo(QMenu *fileMenu);
    // The actions that write to the database (off for read-only access).
    [[nodiscard]] QList<QAction *> importActions() const { return m_importActions; }

    // Each asks for the file when path is empty.
    void importCsv(CsvImportDialog::Kind kind, const QString &path = {});
    void importTranscript(const QString &path = {});
    void exportCsv(CsvImportDialog::Kind kind, const QString &path = {});

Q_SIGNALS:
    // Something was stored; the panes show it after a reload.
    void imported(const QString &summary);
    void exported(const QString &summary);
    void failed(const QString &message);

private:
    std::function<const Database &()> m_database;
    QPointer<QWidget> m_window;
    QList<QAction *> m_importActions;
};
