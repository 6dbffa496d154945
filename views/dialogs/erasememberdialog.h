// Confirms erasing a member's personal data and asks what becomes of their posts.
#pragma once

#include "membereditor.h"

#include <QDialog>

class QCheckBox;
class QRadioButton;

class EraseMemberDialog final : public QDialog
{
    Q_OBJECT

public:
    EraseMemberDialog(const QString &name, int posts, QWidget *parent = nullptr);

    [[nodiscard]] MemberEditor::ErasePosts posts() const;

private:
    QRadioButton *m_keepPosts = nullptr;
    QRadioButton *m_removePosts = nullptr;
    QCheckBox *m_understood = nullptr;
};
