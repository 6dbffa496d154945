// Asks which of two or more members to keep before they are merged, and says what will move.
#pragma once

#include "memberrepository.h"

#include <QDialog>

class QButtonGroup;

class MergeMembersDialog final : public QDialog
{
    Q_OBJECT

public:
    // reason: why they were suggested, or empty when the user picked them.
    MergeMembersDialog(const QList<MemberRepository::Row> &members,
                       const QString &reason,
                       QWidget *parent = nullptr);

    [[nodiscard]] qint64 keptMember() const;
    [[nodiscard]] QList<qint64> otherMembers() const;

private:
    QList<MemberRepository::Row> m_members;
    QButtonGroup *m_keep = nullptr;
};
