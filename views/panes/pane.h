// Base of the sidebar panes: shows an empty state until there is data, then the content.
#pragma once

#include <QWidget>

class Database;
class EmptyStateWidget;
class QStackedLayout;

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

private:
    const Database &m_database;
    QStackedLayout *m_stack = nullptr;
    QWidget *m_content = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
};
