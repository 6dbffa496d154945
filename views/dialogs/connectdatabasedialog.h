// File > Connect to Team Database: the server, database, role and password of a PostgreSQL
// community database, with a Test button and the password optionally kept in the system keychain.
#pragma once

#include "connectionprobe.h"
#include "credentialstore.h"
#include "databaselocation.h"

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

class ConnectDatabaseDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectDatabaseDialog(QWidget *parent = nullptr);
    ~ConnectDatabaseDialog() override;
    Q_DISABLE_COPY_MOVE(ConnectDatabaseDialog)

    // The database the fields describe, password included.
    [[nodiscard]] DatabaseLocation location() const;
    // Fills the fields (not the password) from a location, e.g. the last one used.
    void setLocation(const DatabaseLocation &location);

    // What the keychain said when asked for this database's password: Unavailable (and the
    // "remember" box disabled) when no keychain service runs.
    [[nodiscard]] CredentialStore::Status keychainStatus() const { return m_keychainStatus; }
    [[nodiscard]] bool isTesting() const;

    // After the database opened: keeps the password in the keychain or removes it from there,
    // as the "remember" box says. Never writes it anywhere else.
    void storePassword();

    // The last team database used, from the settings; never holds a password.
    [[nodiscard]] static DatabaseLocation lastLocation();
    [[nodiscard]] static QStringList sslModes();

public Q_SLOTS:
    void accept() override;
    // Tries the connection off the GUI thread and shows the result in the dialog.
    void testConnection();

Q_SIGNALS:
    void testFinished(bool connected);
    void keychainAnswered(CredentialStore::Status status);

private:
    void saveSettings() const;
    void updateOkButton();
    void askKeychain();
    void passwordRead(const QString &key, const CredentialStore::Result &result);
    void showTestResult();
    enum class StatusTone { Neutral, Good, Bad };
    void showStatus(const QString &text, StatusTone tone);

    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_sslMode = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_testButton = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    CredentialStore *m_store = nullptr;
    CredentialStore::Status m_keychainStatus = CredentialStore::Status::Unavailable;
    bool m_keychainAnswered = false;
    bool m_passwordFromKeychain = false;
    QString m_askedKey; // the database whose password was last asked for
    QFutureWatcher<ConnectionProbe::Result> m_testWatcher;
};
