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
    // A column width that fits a date (and time) in the user's locale.
    [[nodiscard]] static int dateColumnWidth(const QWidget *widget, bool withTime);

private:
    const Database &m_database;
    QStackedLayout *m_stack = nullptr;
    QWidget *m_content = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
};
