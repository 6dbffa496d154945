// A small form; OK stays disabled while MemberEditor::validate() finds a problem.
#include "memberdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

MemberDialog::MemberDialog(const MemberEditor::Fields &fields,
                           bool adding,
                           const QStringList &sources,
                           QWidget *parent)
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
    if (adding) {
        m_handle = new QLineEdit(fields.handle, this);
        m_handle->setObjectName(QStringLiteral("memberHandle"));
        m_handle->setPlaceholderText(tr("@handle (optional)"));
        m_source = new QComboBox(this);
        m_source->setObjectName(QStringLiteral("memberSource"));
        m_source->setEditable(true);
        m_source->addItems(sources);
        m_source->setCurrentText(fields.source);
        m_source->lineEdit()->setPlaceholderText(tr("Forum, Mastodon, Slack..."));
        m_source->setToolTip(tr("Where the member uses this handle: a source already in the "
                                "database, or a new name."));
        form->addRow(tr("&Handle:"), m_handle);
        form->addRow(tr("&Source:"), m_source);
        connect(m_handle, &QLineEdit::textChanged, this, &MemberDialog::validate);
        connect(m_source, &QComboBox::currentTextChanged, this, &MemberDialog::validate);
    }
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
    MemberEditor::Fields fields{m_name->text().trimmed(), m_email->text().trimmed()};
    if (m_handle) {
        fields.handle = m_handle->text().trimmed();
        fields.source = m_source->currentText().trimmed();
    }
    return fields;
}

void MemberDialog::validate()
{
    const QString problem = MemberEditor::validate(fields());
    m_problem->setText(problem);
    m_ok->setEnabled(problem.isEmpty());
}
