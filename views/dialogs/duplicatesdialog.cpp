// A two-column list (members, reason) filled from DuplicateFinder on a worker thread.
#include "duplicatesdialog.h"

#include "database.h"
#include "storageerror.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

DuplicatesDialog::DuplicatesDialog(const Database &database, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Possible Duplicates"));
    resize(640, 420);
    m_status = new QLabel(tr("Looking for members who are probably the same person..."), this);
    m_status->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("duplicatesList"));
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Members"), tr("Why")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Close, this);
    m_merge = buttons->button(QDialogButtonBox::Ok);
    m_merge->setText(tr("Merge..."));
    m_merge->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_merge->setEnabled(item != nullptr);
    });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(&m_watcher, &QFutureWatcher<QList<DuplicateFinder::Suggestion>>::finished, this, [this] {
        showSuggestions(m_watcher.result());
    });
    const Database *db = &database;
    m_watcher.setFuture(QtConcurrent::run([db]() {
        QList<DuplicateFinder::Suggestion> suggestions;
        try {
            suggestions = DuplicateFinder(db->connectionName()).find();
        } catch (const StorageError &error) {
            // An empty suggestion carries the error to the GUI thread.
            suggestions = {DuplicateFinder::Suggestion{{}, error.message(), 0, {}, {}}};
        }
        db->releaseThreadConnection();
        return suggestions;
    }));
}

DuplicatesDialog::~DuplicatesDialog()
{
    m_watcher.waitForFinished();
}

void DuplicatesDialog::showSuggestions(const QList<DuplicateFinder::Suggestion> &suggestions)
{
    if (suggestions.size() == 1 && suggestions.constFirst().memberIds.isEmpty()) {
        m_status->setText(suggestions.constFirst().evidence);
        Q_EMIT suggestionsShown();
        return;
    }
    m_suggestions = suggestions;
    m_status->setText(suggestions.isEmpty()
                          ? tr("No likely duplicates found.")
                          : tr("%n suggestion(s). Pick one and merge; you choose which member "
                               "to keep.",
                               nullptr,
                               int(suggestions.size())));
    for (const DuplicateFinder::Suggestion &suggestion : suggestions) {
        auto *item = new QTreeWidgetItem(m_list,
                                         {suggestion.names.join(QStringLiteral(" · ")),
                                          suggestion.explanation()});
        item->setToolTip(0, item->text(0));
    }
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    Q_EMIT suggestionsShown();
}

DuplicateFinder::Suggestion DuplicatesDialog::chosen() const
{
    const int index = m_list->indexOfTopLevelItem(m_list->currentItem());
    return index >= 0 && index < m_suggestions.size() ? m_suggestions.at(index)
                                                      : DuplicateFinder::Suggestion{};
}
