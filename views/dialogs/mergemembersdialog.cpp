// One radio button per member; the most active one is kept unless the user picks another.
#include "mergemembersdialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

MergeMembersDialog::MergeMembersDialog(const QList<MemberRepository::Row> &members,
                                       const QString &reason,
                                       QWidget *parent)
    : QDialog(parent)
    , m_members(members)
{
    setWindowTitle(tr("Merge Members"));
    auto *layout = new QVBoxLayout(this);
    if (!reason.isEmpty()) {
        auto *why = new QLabel(tr("Suggested because of the %1.").arg(reason), this);
        why->setWordWrap(true);
        layout->addWidget(why);
    }
    auto *intro = new QLabel(tr("Keep this member; the identities, posts, mentions and tags of "
                                "the others move to it and the others are removed:"),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_keep = new QButtonGroup(this);
    int busiest = 0;
    for (int i = 0; i < members.size(); ++i) {
        const MemberRepository::Row &row = members.at(i);
        QString text = tr("%1 (%n post(s))", nullptr, row.posts).arg(row.name);
        if (!row.handles.isEmpty())
            text += QStringLiteral(" – ") + row.handles.join(QLatin1String(", "));
        auto *button = new QRadioButton(text, this);
        button->setObjectName(QStringLiteral("keep%1").arg(row.id));
        m_keep->addButton(button, i);
        layout->addWidget(button);
        if (row.posts > members.at(busiest).posts)
            busiest = i;
    }
    if (auto *button = m_keep->button(busiest))
        button->setChecked(true);
    auto *undo = new QLabel(tr("A merge can be undone with Edit ▸ Undo, also after a restart "
                               "(watercooler members unmerge)."),
                            this);
    undo->setForegroundRole(QPalette::PlaceholderText);
    undo->setWordWrap(true);
    layout->addWidget(undo);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Merge"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

qint64 MergeMembersDialog::keptMember() const
{
    const int index = m_keep->checkedId();
    return index >= 0 && index < m_members.size() ? m_members.at(index).id : 0;
}

QList<qint64> MergeMembersDialog::otherMembers() const
{
    QList<qint64> others;
    for (const MemberRepository::Row &row : m_members) {
        if (row.id != keptMember())
            others << row.id;
    }
    return others;
}
