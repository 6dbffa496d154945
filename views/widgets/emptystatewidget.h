// What a pane shows before it has data: an icon, a title and one sentence on what to do next.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

class EmptyStateWidget final : public QWidget
{
    Q_OBJECT

public:
    EmptyStateWidget(const QString &iconPath,
                     const QString &title,
                     const QString &message,
                     QWidget *parent = nullptr);

    // Adds a button under the message; returns it so the caller can connect it.
    QPushButton *addAction(const QString &text);
    [[nodiscard]] QString message() const;

private:
    QLabel *m_message = nullptr;
    QWidget *m_buttons = nullptr;
};
