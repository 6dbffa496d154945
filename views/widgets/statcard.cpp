// Layout of a dashboard tile.
#include "statcard.h"

#include <QLabel>
#include <QVBoxLayout>

StatCard::StatCard(const QString &label, QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    auto *title = new QLabel(label, this);
    title->setForegroundRole(QPalette::PlaceholderText);
    m_value = new QLabel(QStringLiteral("–"), this);
    QFont font = m_value->font();
    font.setPointSizeF(font.pointSizeF() * 2.0);
    font.setBold(true);
    m_value->setFont(font);
    m_note = new QLabel(this);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(2);
    layout->addWidget(title);
    layout->addWidget(m_value);
    layout->addWidget(m_note);
}

void StatCard::setValue(const QString &value, const QString &note)
{
    m_value->setText(value);
    m_note->setText(note);
}

QString StatCard::value() const
{
    return m_value->text();
}
