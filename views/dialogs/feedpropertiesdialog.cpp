// Edits a feed's settings; the password goes to the system keychain and never to the database.
#include "feedpropertiesdialog.h"

#include "database.h"
#include "storageerror.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace {

QLabel *statusLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

FeedPropertiesDialog::FeedPropertiesDialog(const Database &database,
                                           qint64 feedId,
                                           const QStringList &folderPaths,
                                           QWidget *parent)
    : QDialog(parent)
    , m_connectionName(database.connectionName())
    , m_feedId(feedId)
    , m_keychain(new CredentialStore(this))
{
    setWindowTitle(tr("Feed Properties"));
    buildForm(folderPaths);
    connect(m_keychain, &CredentialStore::passwordRead, this, &FeedPropertiesDialog::onPasswordRead);
    connect(m_keychain,
            &CredentialStore::passwordWritten,
            this,
            &FeedPropertiesDialog::onPasswordWritten);
    showFeed();
}

void FeedPropertiesDialog::buildForm(const QStringList &folderPaths)
{
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("feedTitle"));
    m_title->setMinimumWidth(340);
    m_folder = new QComboBox(this);
    m_folder->setObjectName(QStringLiteral("feedFolder"));
    m_folder->setEditable(true);
    m_folder->addItem(QString());
    m_folder->addItems(folderPaths);
    m_folder->lineEdit()->setPlaceholderText(tr("No folder"));
    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("refreshInterval"));
    m_interval->setRange(1, MaximumIntervalMinutes);
    m_interval->setSuffix(tr(" minutes"));
    m_ttlNote = new QLabel(this);
    m_ttlNote->setObjectName(QStringLiteral("ttlNote"));
    m_ttlNote->setForegroundRole(QPalette::PlaceholderText);
    m_ttlNote->setWordWrap(true);
    m_keepAll = new QRadioButton(tr("Keep every item"), this);
    m_keepAll->setObjectName(QStringLiteral("keepAll"));
    m_keepNewest = new QRadioButton(tr("Keep the newest"), this);
    m_keepNewest->setObjectName(QStringLiteral("keepNewest"));
    auto *retentionGroup = new QButtonGroup(this);
    retentionGroup->addButton(m_keepAll);
    retentionGroup->addButton(m_keepNewest);
    m_cap = new QSpinBox(this);
    m_cap->setObjectName(QStringLiteral("retentionCap"));
    m_cap->setRange(1, 1000000);
    m_cap->setValue(200);
    m_cap->setSuffix(tr(" items"));
    m_comments = new QCheckBox(tr("Also fetch the comments of its items"), this);
    m_comments->setObjectName(QStringLiteral("followComments"));

    auto *keepNewest = new QHBoxLayout;
    keepNewest->addWidget(m_keepNewest);
    keepNewest->addWidget(m_cap);
    keepNewest->addStretch();
    auto *retention = new QVBoxLayout;
    retention->addWidget(m_keepAll);
    retention->addLayout(keepNewest);

    auto *settings = new QFormLayout;
    settings->addRow(tr("&Title:"), m_title);
    settings->addRow(tr("&Folder:"), m_folder);
    settings->addRow(tr("&Fetch every:"), m_interval);
    settings->addRow(QString(), m_ttlNote);
    settings->addRow(tr("Items:"), retention);
    settings->addRow(QString(), m_comments);

    auto *signIn = new QGroupBox(tr("Sign-in (HTTP Basic)"), this);
    m_user = new QLineEdit(signIn);
    m_user->setObjectName(QStringLiteral("authUser"));
    m_user->setPlaceholderText(tr("None: the feed is public"));
    m_password = new QLineEdit(signIn);
    m_password->setObjectName(QStringLiteral("authPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_removePassword = new QCheckBox(tr("Remove the saved password"), signIn);
    m_removePassword->setObjectName(QStringLiteral("removePassword"));
    m_keychainNote = new QLabel(signIn);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setForegroundRole(QPalette::PlaceholderText);
    m_keychainNote->setWordWrap(true);
    auto *signInForm = new QFormLayout(signIn);
    signInForm->addRow(tr("&User name:"), m_user);
    signInForm->addRow(tr("&Password:"), m_password);
    signInForm->addRow(QString(), m_removePassword);
    signInForm->addRow(QString(), m_keychainNote);

    auto *status = new QGroupBox(tr("Status"), this);
    m_url = statusLabel(QStringLiteral("statusUrl"), status);
    m_lastFetched = statusLabel(QStringLiteral("statusLastFetched"), status);
    m_nextFetch = statusLabel(QStringLiteral("statusNextFetch"), status);
    m_httpStatus = statusLabel(QStringLiteral("statusHttp"), status);
    m_errorText = statusLabel(QStringLiteral("statusError"), status);
    m_movedFrom = statusLabel(QStringLiteral("statusMovedFrom"), status);
    auto *statusForm = new QFormLayout(status);
    statusForm->addRow(tr("Address:"), m_url);
    statusForm->addRow(tr("Last fetched:"), m_lastFetched);
    statusForm->addRow(tr("Next fetch:"), m_nextFetch);
    statusForm->addRow(tr("HTTP status:"), m_httpStatus);
    statusForm->addRow(tr("Error:"), m_errorText);
    statusForm->addRow(tr("Moved from:"), m_movedFrom);

    m_saveError = new QLabel(this);
    m_saveError->setObjectName(QStringLiteral("saveError"));
    m_saveError->setWordWrap(true);
    m_saveError->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    auto *layout = new QVBoxLayout(this);
    // Follows its content, so wrapped notes that come and go never squeeze the form.
    layout->setSizeConstraint(QLayout::SetFixedSize);
    layout->addLayout(settings);
    layout->addWidget(signIn);
    layout->addWidget(status);
    layout->addWidget(m_saveError);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &FeedPropertiesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_keepNewest, &QRadioButton::toggled, m_cap, &QSpinBox::setEnabled);
    connect(m_user, &QLineEdit::textChanged, this, &FeedPropertiesDialog::updateSignIn);
    connect(m_removePassword, &QCheckBox::toggled, this, &FeedPropertiesDialog::updateSignIn);
}

void FeedPropertiesDialog::showFeed()
{
    try {
        const FeedRepository repository(m_connectionName);
        m_feed = repository.feed(m_feedId);
        if (m_feed.id != 0)
            m_stored = repository.settings(m_feedId);
    } catch (const StorageError &error) {
        m_feed = {};
        showError(error.message());
    }
    if (m_feed.id == 0) {
        if (m_saveError->isHidden())
            showError(tr("This feed is no longer followed."));
        m_save->setEnabled(false);
        return;
    }

    m_title->setText(m_stored.title);
    m_title->setPlaceholderText(m_feed.url);
    m_folder->setCurrentText(m_stored.folderPath);
    m_interval->setValue(qBound(1, m_stored.refreshIntervalSeconds / 60, MaximumIntervalMinutes));
    m_ttlNote->setVisible(m_feed.ttlSeconds > 0);
    m_ttlNote->setText(tr("The feed asks not to be fetched more often than every %n minute(s); "
                          "the longer wait wins.",
                          nullptr,
                          m_feed.ttlSeconds / 60));
    m_keepAll->setChecked(m_stored.retentionCap <= 0);
    m_keepNewest->setChecked(m_stored.retentionCap > 0);
    if (m_stored.retentionCap > 0)
        m_cap->setValue(m_stored.retentionCap);
    m_cap->setEnabled(m_stored.retentionCap > 0);
    m_comments->setChecked(m_stored.followComments);
    m_user->setText(m_stored.authUser);

    const QLocale locale;
    const auto when = [&locale](const QDateTime &time) {
        return time.isValid() ? locale.toString(time.toLocalTime(), QLocale::ShortFormat)
                              : tr("Never");
    };
    m_url->setText(m_feed.url);
    m_lastFetched->setText(when(m_feed.lastFetched));
    m_nextFetch->setText(
        m_feed.status == QLatin1String("active")
            ? (m_feed.nextFetch.isValid() ? when(m_feed.nextFetch) : tr("With the next sync"))
            : tr("Not fetched any more (%1)").arg(m_feed.status));
    m_httpStatus->setText(m_feed.httpStatus > 0 ? QString::number(m_feed.httpStatus) : tr("None"));
    m_errorText->setText(m_feed.errorText.isEmpty() ? tr("None") : m_feed.errorText);
    m_movedFrom->setText(m_feed.movedFromUrl.isEmpty() ? tr("Not moved") : m_feed.movedFromUrl);

    updateSignIn();
    // Tells whether a password is saved, or that there is no keychain to save one in.
    if (!m_stored.authUser.isEmpty())
        m_keychain->readKey(keyFor(m_stored.authUser));
    else
        m_keychain->readKey(keyFor(QStringLiteral("-")));
}

QString FeedPropertiesDialog::keyFor(const QString &user) const
{
    return CredentialStore::keyForFeed(QUrl(m_feed.url), user);
}

void FeedPropertiesDialog::onPasswordRead(const QString &key, const CredentialStore::Result &result)
{
    if (result.status == CredentialStore::Status::Unavailable) {
        m_keychainMissing = true;
    } else if (!m_stored.authUser.isEmpty() && key == keyFor(m_stored.authUser)) {
        m_passwordSaved = result.status == CredentialStore::Status::Found;
        m_password->setPlaceholderText(result.status == CredentialStore::Status::Found
                                           ? tr("Saved in the system keychain")
                                           : tr("None saved"));
    }
    updateSignIn();
}

void FeedPropertiesDialog::updateSignIn()
{
    const QString user = m_user->text().trimmed();
    const bool sameUser = !user.isEmpty() && user == m_stored.authUser;
    m_removePassword->setEnabled(sameUser && m_passwordSaved && !m_keychainMissing);
    if (!sameUser)
        m_removePassword->setChecked(false);
    m_password->setEnabled(!user.isEmpty() && !m_keychainMissing && !m_removePassword->isChecked());
    if (m_keychainMissing) {
        m_password->setPlaceholderText(QString());
        m_keychainNote->setText(tr("No system keychain is available, so no password can be saved. "
                                   "Watercooler asks for it once per session when it syncs."));
    } else {
        m_keychainNote->setText(tr("The password is kept in the system keychain only. Leave it "
                                   "empty to keep the saved one."));
    }
    m_keychainNote->setVisible(!user.isEmpty());
}

FeedRepository::FeedSettings FeedPropertiesDialog::settings() const
{
    FeedRepository::FeedSettings settings;
    settings.title = m_title->text().trimmed();
    settings.folderPath = m_folder->currentText().trimmed();
    settings.refreshIntervalSeconds = m_interval->value() * 60;
    settings.retentionCap = m_keepNewest->isChecked() ? m_cap->value() : 0;
    settings.followComments = m_comments->isChecked();
    settings.authUser = m_user->text().trimmed();
    return settings;
}

void FeedPropertiesDialog::showError(const QString &message)
{
    m_saveError->setText(message);
    m_saveError->setVisible(!message.isEmpty());
}

void FeedPropertiesDialog::accept()
{
    if (!m_writingKey.isEmpty())
        return;
    showError(QString());
    const FeedRepository::FeedSettings wanted = settings();
    try {
        FeedRepository(m_connectionName).updateFeedSettings(m_feedId, wanted);
    } catch (const StorageError &error) {
        showError(error.message());
        return;
    }

    // The old entry goes when its user goes, or when asked to.
    const bool userChanged = m_stored.authUser != wanted.authUser;
    if (!m_stored.authUser.isEmpty() && !m_keychainMissing
        && (userChanged || m_removePassword->isChecked()))
        m_keychain->removeKey(keyFor(m_stored.authUser));
    m_stored = wanted;

    const QString password = m_password->isEnabled() ? m_password->text() : QString();
    if (wanted.authUser.isEmpty() || password.isEmpty()) {
        QDialog::accept();
        return;
    }
    // Closed when the keychain took the password; an error keeps the dialog open.
    m_writingKey = keyFor(wanted.authUser);
    m_save->setEnabled(false);
    m_keychainNote->setText(tr("Saving the password in the system keychain..."));
    m_keychain->writeKey(m_writingKey, password);
}

void FeedPropertiesDialog::onPasswordWritten(const QString &key,
                                             const CredentialStore::Result &result)
{
    if (key != m_writingKey)
        return;
    m_writingKey.clear();
    m_save->setEnabled(true);
    if (result.status == CredentialStore::Status::Done) {
        m_password->clear();
        QDialog::accept();
        return;
    }
    if (result.status == CredentialStore::Status::Unavailable)
        m_keychainMissing = true;
    updateSignIn();
    showError(tr("The settings are saved, but the password is not: %1")
                  .arg(result.errorString.isEmpty() ? tr("the system keychain refused it.")
                                                    : result.errorString));
}
