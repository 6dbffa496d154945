// A feed's settings (title, folder, refresh, retention, comments, sign-in) and its state.
#pragma once

#include "credentialstore.h"
#include "feedrepository.h"

#include <QDialog>

class Database;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

class FeedPropertiesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedPropertiesDialog)

public:
    // Thirty days: a feed fetched less often than that is as good as paused.
    static constexpr int MaximumIntervalMinutes = 30 * 24 * 60;

    // Reads the feed from database on this thread; folderPaths are offered as folders ("A/B").
    // Save writes the settings in one transaction and the password to the system keychain.
    FeedPropertiesDialog(const Database &database,
                         qint64 feedId,
                         const QStringList &folderPaths,
                         QWidget *parent = nullptr);

    // The settings as the form shows them.
    [[nodiscard]] FeedRepository::FeedSettings settings() const;

public Q_SLOTS:
    void accept() override;

private:
    void buildForm(const QStringList &folderPaths);
    void showFeed();
    void onPasswordRead(const QString &key, const CredentialStore::Result &result);
    void onPasswordWritten(const QString &key, const CredentialStore::Result &result);
    void updateSignIn();
    void showError(const QString &message);
    [[nodiscard]] QString keyFor(const QString &user) const;

    QString m_connectionName;
    qint64 m_feedId = 0;
    FeedRepository::Feed m_feed;
    FeedRepository::FeedSettings m_stored;
    CredentialStore *m_keychain = nullptr;
    bool m_keychainMissing = false;
    bool m_passwordSaved = false; // for the stored user
    QString m_writingKey;

    QLineEdit *m_title = nullptr;
    QComboBox *m_folder = nullptr;
    QSpinBox *m_interval = nullptr;
    QLabel *m_ttlNote = nullptr;
    QRadioButton *m_keepAll = nullptr;
    QRadioButton *m_keepNewest = nullptr;
    QSpinBox *m_cap = nullptr;
    QCheckBox *m_comments = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_removePassword = nullptr;
    QLabel *m_keychainNote = nullptr;
    QLabel *m_url = nullptr;
    QLabel *m_lastFetched = nullptr;
    QLabel *m_nextFetch = nullptr;
    QLabel *m_httpStatus = nullptr;
    QLabel *m_errorText = nullptr;
    QLabel *m_movedFrom = nullptr;
    QLabel *m_saveError = nullptr;
    QPushButton *m_save = nullptr;
};
