// The Erase button only enables once the user confirms that erasing cannot be undone.
#include "erasememberdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

EraseMemberDialog::EraseMemberDialog(const QString &name, int posts, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Erase Personal Data"));
    auto *text = new QLabel(tr("Erase everything that identifies %1: their identities on every "
                               "source, name, e-mail address, notes and tags. The member stays "
                               "as \"Deleted member\".")
                                .arg(name),
                            this);
    text->setWordWrap(true);
    m_keepPosts = new QRadioButton(tr("Keep their %n post(s), shown as written by a deleted member",
                                      nullptr,
                                      posts),
                                   this);
    m_keepPosts->setObjectName(QStringLiteral("keepPosts"));
    m_keepPosts->setChecked(true);
    m_removePosts = new QRadioButton(tr("Remove their %n post(s) as well", nullptr, posts), this);
    m_removePosts->setObjectName(QStringLiteral("removePosts"));
    m_understood = new QCheckBox(tr("I understand that this cannot be undone"), this);
    m_understood->setObjectName(QStringLiteral("eraseUnderstood"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *erase = buttons->button(QDialogButtonBox::Ok);
    erase->setText(tr("Erase"));
    erase->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_keepPosts);
    layout->addWidget(m_removePosts);
    layout->addSpacing(8);
    layout->addWidget(m_understood);
    layout->addWidget(buttons);
    connect(m_understood, &QCheckBox::toggled, erase, &QPushButton::setEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

MemberEditor::ErasePosts EraseMemberDialog::posts() const
{
    return m_removePosts->isChecked() ? MemberEditor::ErasePosts::Remove
                                      : MemberEditor::ErasePosts::KeepAsDeletedMember;
}
