// Base of the sidebar panes: shows an empty state until there is data, then the content.
#pragma once

#include <QWidget>

class Database;
class EmptyStateWidget;
class QAbstractItemModel;
class QStackedLayout;
class QTableView;

class Pane : public QWidget
{
    Q_OBJECT

public:
    explicit Pane(const Database &database, QWidget *parent = nullptr);

    // Reads the data again (after a sync, an import or a change by someone else).
    virtual void reload() = 0;
    [[nodiscard]] virtual bool hasData() const = 0;
    [[nodiscard]] bool isShowingEmptyState() const;
    // The database may only be read (a read-only PostgreSQL role): panes disable their edit
    // actions so nobody runs into write errors. Panes without edits keep the default no-op.
    virtual void setReadOnly(bool readOnly);

Q_SIGNALS:
    void errorOccurred(const QString &message);
    // Asks the main window to open the sample community.
    void sampleRequested();

protected:
    void setUp(QWidget *content, EmptyStateWidget *emptyState);
    // Shows the empty state when there is no data, the content otherwise.
    void updateEmptyState();
    [[nodiscard]] const Database &database() const { return m_database; }
    [[nodiscard]] QString connectionName() const;

    // A table as the panes show them: whole rows selected, no grid, no row numbers.
    [[nodiscard]] static QTableView *createTable(const QString &objectName,
                                                 QAbstractItemModel *model,
                                                 QWidget *parent);
    // The id (PagedTableModel::IdRole) of the table's current row, or 0.
    [[nodiscard]] static qint64 currentId(const QTableView *table);
    // Makes the loaded row with this id current again, or the first row when it is gone.
    static void restoreCurrentRow(QTableView *table, qint64 id);
    // A column width that fits a date (and time) in the user's locale.
    [[nodiscard]] static int dateColumnWidth(const QWidget *widget, bool withTime);

private:
    const Database &m_database;
    QStackedLayout *m_stack = nullptr;
    QWidget *m_content = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
};
