// A dashboard tile: a big figure, its label and a short note.
#pragma once

#include <QFrame>

class QLabel;

class StatCard final : public QFrame
{
    Q_OBJECT

public:
    explicit StatCard(const QString &label, QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &note = {});
    [[nodiscard]] QString value() const;

private:
    QLabel *m_value = nullptr;
    QLabel *m_note = nullptr;
};
