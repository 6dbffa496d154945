// Asks for a member's name and e-mail address, to add a member or edit one; when adding, also
// for a handle and the source it belongs to.
#pragma once

#include "membereditor.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

class MemberDialog final : public QDialog
{
    Q_OBJECT

public:
    // sources: the names offered for a handle (adding only; any other name may be typed).
    explicit MemberDialog(const MemberEditor::Fields &fields,
                          bool adding,
                          const QStringList &sources = {},
                          QWidget *parent = nullptr);

    [[nodiscard]] MemberEditor::Fields fields() const;

private:
    void validate();

    QLineEdit *m_name = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_handle = nullptr;
    QComboBox *m_source = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_ok = nullptr;
};
