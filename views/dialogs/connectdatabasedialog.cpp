// The team database form: fields, keychain look-up, the off-thread connection test and settings.
#include "connectdatabasedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {

// Without it libpq waits as long as the network does for a host that does not answer.
const int connectTimeoutSeconds = 10;

QSettings settings()
{
    // The same file as the window geometry; only the non-secret parts of a connection go here.
    return QSettings(QSettings::UserScope, QStringLiteral("watercooler"));
}

QString optionValue(const QString &options, QLatin1String key)
{
    const QStringList parts = options.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString trimmed = part.trimmed();
        if (trimmed.startsWith(key) && trimmed.mid(key.size()).startsWith(QLatin1Char('=')))
            return trimmed.mid(key.size() + 1);
    }
    return {};
}

} // namespace

ConnectDatabaseDialog::ConnectDatabaseDialog(QWidget *parent)
    : QDialog(parent)
    , m_store(new CredentialStore(this))
{
    setObjectName(QStringLiteral("connectDatabaseDialog"));
    setWindowTitle(tr("Connect to Team Database"));

    auto *intro = new QLabel(tr("Open a community database that your team shares on a PostgreSQL "
                                "server."),
                             this);
    intro->setWordWrap(true);

    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_host->setPlaceholderText(QStringLiteral("localhost"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_port->setGroupSeparatorShown(false);
    m_database = new QLineEdit(this);
    m_database->setObjectName(QStringLiteral("databaseEdit"));
    m_database->setPlaceholderText(tr("e.g. community"));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("userEdit"));
    const QString loginName = qEnvironmentVariable("USER");
    if (!loginName.isEmpty())
        m_user->setPlaceholderText(loginName);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Empty: PGPASSWORD or ~/.pgpass"));
    m_sslMode = new QComboBox(this);
    m_sslMode->setObjectName(QStringLiteral("sslModeCombo"));
    m_sslMode->addItems(sslModes());
    m_sslMode->setToolTip(tr("prefer: encrypt when the server offers it; require: always "
                             "encrypt; verify-ca and verify-full: also check the server's "
                             "certificate."));
    m_remember = new QCheckBox(tr("Remember password in the system keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setEnabled(false);
    m_remember->setToolTip(tr("Asking the system keychain..."));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(tr("&SSL mode:"), m_sslMode);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 3);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_testButton = new QPushButton(tr("&Test"), this);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testButton->setAutoDefault(false);
    m_testButton->setToolTip(tr("Try to connect without opening the database"));
    // The first line of the result sits level with the button's caption.
    const int captionOffset
        = std::max(0, (m_testButton->sizeHint().height() - m_status->fontMetrics().height()) / 2);
    m_status->setContentsMargins(0, captionOffset, 0, 0);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_status, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("C&onnect"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addLayout(testRow);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(480);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectDatabaseDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectDatabaseDialog::reject);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectDatabaseDialog::testConnection);
    connect(&m_testWatcher,
            &QFutureWatcher<ConnectionProbe::Result>::finished,
            this,
            &ConnectDatabaseDialog::showTestResult);
    connect(m_store, &CredentialStore::passwordRead, this, &ConnectDatabaseDialog::passwordRead);
    for (QLineEdit *edit : {m_host, m_database, m_user}) {
        connect(edit, &QLineEdit::textChanged, this, &ConnectDatabaseDialog::updateOkButton);
        connect(edit, &QLineEdit::editingFinished, this, &ConnectDatabaseDialog::askKeychain);
    }
    connect(m_port, &QSpinBox::editingFinished, this, &ConnectDatabaseDialog::askKeychain);
    connect(m_password, &QLineEdit::textEdited, this, [this] { m_passwordFromKeychain = false; });

    setLocation(lastLocation());
    askKeychain();
}

ConnectDatabaseDialog::~ConnectDatabaseDialog()
{
    // QDialog's destructor hides the dialog, and the focus leaving a field would ask the
    // keychain on a half-destroyed dialog.
    for (QWidget *field : {static_cast<QWidget *>(m_host),
                           static_cast<QWidget *>(m_port),
                           static_cast<QWidget *>(m_database),
                           static_cast<QWidget *>(m_user),
                           static_cast<QWidget *>(m_password)})
        disconnect(field, nullptr, this, nullptr);
}

QStringList ConnectDatabaseDialog::sslModes()
{
    // libpq's names, which users find in their server's documentation.
    return {QStringLiteral("disable"),
            QStringLiteral("allow"),
            QStringLiteral("prefer"),
            QStringLiteral("require"),
            QStringLiteral("verify-ca"),
            QStringLiteral("verify-full")};
}

DatabaseLocation ConnectDatabaseDialog::lastLocation()
{
    const QSettings s = settings();
    DatabaseLocation location;
    location.backend = DatabaseLocation::Backend::PostgreSql;
    location.host = s.value(QStringLiteral("team/host"), QStringLiteral("localhost")).toString();
    location.port = s.value(QStringLiteral("team/port"), 5432).toInt();
    location.databaseName = s.value(QStringLiteral("team/database")).toString();
    location.userName = s.value(QStringLiteral("team/user")).toString();
    location.options = QStringLiteral("sslmode=")
                       + s.value(QStringLiteral("team/sslmode"), QStringLiteral("prefer")).toString();
    return location;
}

void ConnectDatabaseDialog::setLocation(const DatabaseLocation &location)
{
    m_host->setText(location.host.isEmpty() ? QStringLiteral("localhost") : location.host);
    m_port->setValue(location.port > 0 ? location.port : 5432);
    m_database->setText(location.databaseName);
    m_user->setText(location.userName);
    const int mode = m_sslMode->findText(optionValue(location.options, QLatin1String("sslmode")));
    m_sslMode->setCurrentIndex(mode >= 0 ? mode : m_sslMode->findText(QStringLiteral("prefer")));
    updateOkButton();
}

DatabaseLocation ConnectDatabaseDialog::location() const
{
    DatabaseLocation location;
    location.backend = DatabaseLocation::Backend::PostgreSql;
    location.host = m_host->text().trimmed();
    if (location.host.isEmpty())
        location.host = QStringLiteral("localhost");
    location.port = m_port->value();
    location.databaseName = m_database->text().trimmed();
    location.userName = m_user->text().trimmed();
    location.password = m_password->text();
    location.options = QStringLiteral("sslmode=%1;connect_timeout=%2")
                           .arg(m_sslMode->currentText())
                           .arg(connectTimeoutSeconds);
    return location;
}

void ConnectDatabaseDialog::updateOkButton()
{
    const bool complete = !m_database->text().trimmed().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete);
    m_testButton->setEnabled(complete && !isTesting());
}

void ConnectDatabaseDialog::askKeychain()
{
    // Once the keychain said it is not there, it will not appear during this dialog.
    if (m_keychainAnswered && m_keychainStatus == CredentialStore::Status::Unavailable)
        return;
    if (!m_password->text().isEmpty() && !m_passwordFromKeychain)
        return;
    // Leaving a field without changing it asks nothing new.
    const QString key = CredentialStore::keyFor(location());
    if (key == m_askedKey)
        return;
    m_askedKey = key;
    m_store->read(location());
}

void ConnectDatabaseDialog::passwordRead(const QString &key, const CredentialStore::Result &result)
{
    m_keychainAnswered = true;
    m_keychainStatus = result.status;
    switch (result.status) {
    case CredentialStore::Status::Unavailable:
        m_remember->setChecked(false);
        m_remember->setEnabled(false);
        m_remember->setToolTip(
            tr("No system keychain is running (%1). Watercooler asks for the password each "
               "session and never stores it anywhere else.")
                .arg(result.errorString));
        break;
    case CredentialStore::Status::Failed:
        m_remember->setEnabled(true);
        m_remember->setToolTip(tr("The system keychain refused: %1").arg(result.errorString));
        break;
    case CredentialStore::Status::Found:
    case CredentialStore::Status::NotFound:
    case CredentialStore::Status::Done:
        m_remember->setEnabled(true);
        m_remember->setToolTip(tr("Keeps the password in your desktop's keychain, not in "
                                  "Watercooler's settings."));
        break;
    }
    // The answer may be for fields the user has changed since.
    if (key == CredentialStore::keyFor(location())) {
        if (result.status == CredentialStore::Status::Found) {
            if (m_password->text().isEmpty() || m_passwordFromKeychain) {
                m_password->setText(result.password);
                m_passwordFromKeychain = true;
            }
            m_remember->setChecked(true);
        } else if (result.status == CredentialStore::Status::NotFound && m_passwordFromKeychain) {
            m_password->clear();
            m_passwordFromKeychain = false;
            m_remember->setChecked(false);
        }
    }
    Q_EMIT keychainAnswered(result.status);
}

bool ConnectDatabaseDialog::isTesting() const
{
    return m_testWatcher.isRunning();
}

void ConnectDatabaseDialog::testConnection()
{
    if (isTesting())
        return;
    m_testButton->setEnabled(false);
    showStatus(tr("Connecting to %1...").arg(location().displayName()), StatusTone::Neutral);
    // A QSqlDatabase belongs to the thread that made it: the probe makes and removes its own.
    m_testWatcher.setFuture(QtConcurrent::run(&ConnectionProbe::probe, location()));
}

void ConnectDatabaseDialog::showTestResult()
{
    const ConnectionProbe::Result result = m_testWatcher.result();
    updateOkButton();
    if (result.connected)
        showStatus(tr("Connected: PostgreSQL %1").arg(result.serverVersion), StatusTone::Good);
    else if (result.passwordRejected && m_password->text().isEmpty())
        showStatus(tr("The server asks for a password: %1").arg(result.errorString),
                   StatusTone::Bad);
    else
        showStatus(result.errorString, StatusTone::Bad);
    Q_EMIT testFinished(result.connected);
}

void ConnectDatabaseDialog::showStatus(const QString &text, StatusTone tone)
{
    QColor color = palette().color(QPalette::WindowText);
    if (tone == StatusTone::Good)
        color = QColor(0x1e, 0x7b, 0x34);
    else if (tone == StatusTone::Bad)
        color = QColor(0xb0, 0x1e, 0x1e);
    QPalette statusPalette = m_status->palette();
    statusPalette.setColor(QPalette::WindowText, color);
    m_status->setPalette(statusPalette);
    m_status->setText(text);
}

void ConnectDatabaseDialog::saveSettings() const
{
    const DatabaseLocation current = location();
    QSettings s = settings();
    s.setValue(QStringLiteral("team/host"), current.host);
    s.setValue(QStringLiteral("team/port"), current.port);
    s.setValue(QStringLiteral("team/database"), current.databaseName);
    s.setValue(QStringLiteral("team/user"), current.userName);
    s.setValue(QStringLiteral("team/sslmode"), m_sslMode->currentText());
}

void ConnectDatabaseDialog::accept()
{
    if (m_database->text().trimmed().isEmpty())
        return;
    saveSettings();
    QDialog::accept();
}

void ConnectDatabaseDialog::storePassword()
{
    if (m_keychainStatus == CredentialStore::Status::Unavailable)
        return;
    const DatabaseLocation current = location();
    if (m_remember->isChecked() && !current.password.isEmpty())
        m_store->write(current, current.password);
    else if (!m_remember->isChecked())
        m_store->remove(current);
}
