// A two-field form; OK stays disabled while MemberEditor::validate() finds a problem.
#include "memberdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

MemberDialog::MemberDialog(const MemberEditor::Fields &fields, bool adding, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(adding ? tr("Add Member") : tr("Edit Member"));
    m_name = new QLineEdit(fields.name, this);
    m_name->setObjectName(QStringLiteral("memberName"));
    m_name->setMinimumWidth(320);
    m_email = new QLineEdit(fields.email, this);
    m_email->setObjectName(QStringLiteral("memberEmail"));
    m_email->setPlaceholderText(tr("name@example.org (optional)"));
    m_problem = new QLabel(this);
    m_problem->setForegroundRole(QPalette::PlaceholderText);
    m_problem->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&E-mail:"), m_email);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(adding ? tr("Add") : tr("Save"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &MemberDialog::validate);
    connect(m_email, &QLineEdit::textChanged, this, &MemberDialog::validate);
    validate();
}

MemberEditor::Fields MemberDialog::fields() const
{
    return {m_name->text().trimmed(), m_email->text().trimmed()};
}

void MemberDialog::validate()
{
    const QString problem = MemberEditor::validate(fields());
    m_problem->setText(problem);
    m_ok->setEnabled(problem.isEmpty());
}
