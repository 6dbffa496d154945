// Asks for a feed's address, its folder and whether to follow its comments.
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

class AddFeedDialog final : public QDialog
{
    Q_OBJECT

public:
    // folders: the existing folder paths ("A/B"), offered for the new feed.
    explicit AddFeedDialog(const QStringList &folders, QWidget *parent = nullptr);

    [[nodiscard]] QString url() const;
    [[nodiscard]] QString folderPath() const;
    [[nodiscard]] bool followComments() const;
    void setUrl(const QString &url);

private:
    void validate();

    QLineEdit *m_url = nullptr;
    QComboBox *m_folder = nullptr;
    QCheckBox *m_comments = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_ok = nullptr;
};
