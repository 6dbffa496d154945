// Centred, quiet layout for empty panes.
#include "emptystatewidget.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

EmptyStateWidget::EmptyStateWidget(const QString &iconPath,
                                   const QString &title,
                                   const QString &message,
                                   QWidget *parent)
    : QWidget(parent)
{
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(iconPath).pixmap(72, 72, QIcon::Disabled));
    icon->setAlignment(Qt::AlignCenter);

    auto *titleLabel = new QLabel(title, this);
    QFont titleFont = titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    titleLabel->setFont(titleFont);
    titleLabel->setAlignment(Qt::AlignCenter);

    m_message = new QLabel(message, this);
    m_message->setObjectName(QStringLiteral("emptyStateMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    // A fixed width lets the wrapped text claim the height it needs.
    m_message->setFixedWidth(460);
    m_message->setMinimumHeight(m_message->heightForWidth(460));
    m_message->setForegroundRole(QPalette::PlaceholderText);

    m_buttons = new QWidget(this);
    auto *buttonLayout = new QHBoxLayout(m_buttons);
    buttonLayout->setContentsMargins(0, 8, 0, 0);
    buttonLayout->addStretch();
    buttonLayout->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addSpacing(8);
    layout->addWidget(titleLabel);
    layout->addWidget(m_message, 0, Qt::AlignHCenter);
    layout->addWidget(m_buttons);
    layout->addStretch(3);
}

QPushButton *EmptyStateWidget::addAction(const QString &text)
{
    auto *button = new QPushButton(text, m_buttons);
    auto *layout = static_cast<QHBoxLayout *>(m_buttons->layout());
    layout->insertWidget(layout->count() - 1, button);
    return button;
}

QString EmptyStateWidget::message() const
{
    return m_message->text();
}
