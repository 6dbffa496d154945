// Asks for a member's name and e-mail address, to add a member or edit one.
#pragma once

#include "membereditor.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

class MemberDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit MemberDialog(const MemberEditor::Fields &fields,
                          bool adding,
                          QWidget *parent = nullptr);

    [[nodiscard]] MemberEditor::Fields fields() const;

private:
    void validate();

    QLineEdit *m_name = nullptr;
    QLineEdit *m_email = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_ok = nullptr;
};
