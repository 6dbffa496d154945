// File > Copy Community To: asks where the copy goes, an SQLite file or a PostgreSQL server.
#pragma once

#include "databaselocation.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QPushButton;
class QRadioButton;

class CopyCommunityDialog final : public QDialog
{
    Q_OBJECT

public:
    // The source names the community in the text and gives the file dialog its first folder.
    explicit CopyCommunityDialog(const DatabaseLocation &source, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CopyCommunityDialog)

    // The target the fields describe (a PostgreSQL URL may carry a password).
    [[nodiscard]] DatabaseLocation target() const;

    void setFilePath(const QString &path);
    void setUrl(const QString &url);

private:
    void chooseFile();
    void updateOkButton();

    QRadioButton *m_fileChoice = nullptr;
    QRadioButton *m_serverChoice = nullptr;
    QLineEdit *m_file = nullptr;
    QPushButton *m_browse = nullptr;
    QLineEdit *m_url = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_startFolder;
};
