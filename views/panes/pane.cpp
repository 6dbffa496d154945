// Switching between a pane's empty state and its content.
#include "pane.h"

#include "database.h"
#include "emptystatewidget.h"
#include "pagedtablemodel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <QStackedLayout>
#include <QTableView>

Pane::Pane(const Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_stack(new QStackedLayout(this))
{}

void Pane::setUp(QWidget *content, EmptyStateWidget *emptyState)
{
    m_content = content;
    m_emptyState = emptyState;
    m_stack->addWidget(content);
    m_stack->addWidget(emptyState);
}

void Pane::updateEmptyState()
{
    m_stack->setCurrentWidget(hasData() ? m_content : static_cast<QWidget *>(m_emptyState));
}

bool Pane::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_emptyState;
}

void Pane::setReadOnly(bool readOnly)
{
    Q_UNUSED(readOnly)
}

QString Pane::connectionName() const
{
    return m_database.connectionName();
}

QTableView *Pane::createTable(const QString &objectName, QAbstractItemModel *model, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    return table;
}

int Pane::dateColumnWidth(const QWidget *widget, bool withTime)
{
    const QDateTime sample(QDate(2026, 12, 28), QTime(23, 59, 59));
    const QString text = withTime ? QLocale().toString(sample, QLocale::ShortFormat)
                                  : QLocale().toString(sample.date(), QLocale::ShortFormat);
    return widget->fontMetrics().horizontalAdvance(text) + 24;
}

qint64 Pane::currentId(const QTableView *table)
{
    return table->currentIndex().data(PagedTableModel::IdRole).toLongLong();
}

void Pane::restoreCurrentRow(QTableView *table, qint64 id)
{
    const QAbstractItemModel *model = table->model();
    if (model->rowCount() == 0)
        return;
    if (id > 0) {
        const QModelIndexList found = model->match(model->index(0, 0),
                                                   PagedTableModel::IdRole,
                                                   id,
                                                   1,
                                                   Qt::MatchExactly);
        if (!found.isEmpty()) {
            table->setCurrentIndex(found.constFirst());
            return;
        }
    }
    table->setCurrentIndex(model->index(0, 0));
}
