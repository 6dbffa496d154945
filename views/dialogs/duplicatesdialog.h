// Lists members that are probably the same person, each suggestion with its reason; the user
// picks one to merge. The suggestions are computed off the GUI thread.
#pragma once

#include "duplicatefinder.h"

#include <QDialog>
#include <QFutureWatcher>

class Database;
class QLabel;
class QPushButton;
class QTreeWidget;

class DuplicatesDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit DuplicatesDialog(const Database &database, QWidget *parent = nullptr);
    ~DuplicatesDialog() override;

    // The chosen suggestion (valid after accept()).
    [[nodiscard]] DuplicateFinder::Suggestion chosen() const;

Q_SIGNALS:
    void suggestionsShown();

private:
    void showSuggestions(const QList<DuplicateFinder::Suggestion> &suggestions);

    QTreeWidget *m_list = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_merge = nullptr;
    QList<DuplicateFinder::Suggestion> m_suggestions;
    QFutureWatcher<QList<DuplicateFinder::Suggestion>> m_watcher;
};
