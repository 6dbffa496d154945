// Switching between a pane's empty state and its content.
#include "pane.h"

#include "database.h"
#include "emptystatewidget.h"

#include <QStackedLayout>

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

QString Pane::connectionName() const
{
    return m_database.connectionName();
}
