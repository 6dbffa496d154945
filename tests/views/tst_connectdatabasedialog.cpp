// Tests ConnectDatabaseDialog offscreen: fields from the settings, the location built from the
// fields, Test against the real server and a closed port, no password in the settings, and
// File > Connect to Team Database as a read-only role ending with the read-only badge.
#include "connectdatabasedialog.h"
#include "database.h"
#include "mainwindow.h"
#include "postgresadmin.h"
#include "sqlquery.h"
#include "storageerror.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

class tst_ConnectDatabaseDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void fieldsComeFromSettings();
    void defaultsWithoutSettings();
    void locationFromFields();
    void keychainStateShown();
    void testShowsServerVersion();
    void testShowsErrorForClosedPort();
    void okKeepsPasswordOutOfSettings();
    void connectingAsReaderShowsBadge();

private:
    void fill(ConnectDatabaseDialog &dialog, const DatabaseLocation &location);
    void saveScreenshot(QWidget *widget, const QString &name);
    [[nodiscard]] QStringList filesContaining(const QString &text) const;

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dataDir;
    QString m_password;
};

void tst_ConnectDatabaseDialog::initTestCase()
{
    if (!PostgresAdmin::isConfigured())
        QFAIL("WATERCOOLER_TEST_POSTGRES_URL is not set: run the tests with .ci/test, which starts "
              "a PostgreSQL server for them.");
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_dataDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    m_password = QStringLiteral("wc-dialog-secret-%1").arg(QCoreApplication::applicationPid());
}

void tst_ConnectDatabaseDialog::cleanupTestCase()
{
    QCOMPARE(filesContaining(m_password), QStringList());
}

void tst_ConnectDatabaseDialog::init()
{
    QSettings settings(QSettings::UserScope, QStringLiteral("watercooler"));
    settings.clear();
    settings.setValue(QStringLiteral("team/host"), QStringLiteral("db.example.org"));
    settings.setValue(QStringLiteral("team/port"), 6543);
    settings.setValue(QStringLiteral("team/database"), QStringLiteral("community"));
    settings.setValue(QStringLiteral("team/user"), QStringLiteral("reader"));
    settings.setValue(QStringLiteral("team/sslmode"), QStringLiteral("require"));
}

void tst_ConnectDatabaseDialog::fill(ConnectDatabaseDialog &dialog, const DatabaseLocation &location)
{
    dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->setText(location.host);
    dialog.findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(location.port);
    dialog.findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->setText(location.databaseName);
    dialog.findChild<QLineEdit *>(QStringLiteral("userEdit"))->setText(location.userName);
    dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(location.password);
    // The test server speaks no SSL; "prefer" falls back to a plain connection.
    dialog.findChild<QComboBox *>(QStringLiteral("sslModeCombo"))
        ->setCurrentText(QStringLiteral("prefer"));
}

void tst_ConnectDatabaseDialog::saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("WATERCOOLER_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

QStringList tst_ConnectDatabaseDialog::filesContaining(const QString &text) const
{
    QStringList found;
    for (const QString &root :
         {m_settingsDir.path(),
          QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(text.toUtf8()))
                found << file.fileName();
        }
    }
    return found;
}

void tst_ConnectDatabaseDialog::fieldsComeFromSettings()
{
    ConnectDatabaseDialog dialog;
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->text(),
             QStringLiteral("db.example.org"));
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("portSpin"))->value(), 6543);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->text(),
             QStringLiteral("community"));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("userEdit"))->text(),
             QStringLiteral("reader"));
    QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("sslModeCombo"))->currentText(),
             QStringLiteral("require"));
    const auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QVERIFY(password->text().isEmpty());
}

void tst_ConnectDatabaseDialog::defaultsWithoutSettings()
{
    QSettings(QSettings::UserScope, QStringLiteral("watercooler")).clear();
    ConnectDatabaseDialog dialog;
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->text(),
             QStringLiteral("localhost"));
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("portSpin"))->value(), 5432);
    const auto *sslMode = dialog.findChild<QComboBox *>(QStringLiteral("sslModeCombo"));
    QCOMPARE(sslMode->currentText(), QStringLiteral("prefer"));
    QCOMPARE(sslMode->count(), 6);
    // Nothing to connect to without a database name.
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("testButton"))->isEnabled());
}

void tst_ConnectDatabaseDialog::locationFromFields()
{
    ConnectDatabaseDialog dialog;
    DatabaseLocation typed;
    typed.host = QStringLiteral("pg.internal");
    typed.port = 5433;
    typed.databaseName = QStringLiteral("team");
    typed.userName = QStringLiteral("alice");
    typed.password = m_password;
    fill(dialog, typed);
    dialog.findChild<QComboBox *>(QStringLiteral("sslModeCombo"))
        ->setCurrentText(QStringLiteral("verify-full"));

    const DatabaseLocation location = dialog.location();
    QCOMPARE(location.backend, DatabaseLocation::Backend::PostgreSql);
    QCOMPARE(location.host, QStringLiteral("pg.internal"));
    QCOMPARE(location.port, 5433);
    QCOMPARE(location.databaseName, QStringLiteral("team"));
    QCOMPARE(location.userName, QStringLiteral("alice"));
    QCOMPARE(location.password, m_password);
    QVERIFY2(location.options.split(QLatin1Char(';')).contains(QLatin1String("sslmode=verify-full")),
             qPrintable(location.options));
    QVERIFY(!location.displayName().contains(m_password));
    QCOMPARE(location.displayName(), QStringLiteral("postgresql://alice@pg.internal:5433/team"));
}

void tst_ConnectDatabaseDialog::keychainStateShown()
{
    ConnectDatabaseDialog dialog;
    QSignalSpy answered(&dialog, &ConnectDatabaseDialog::keychainAnswered);
    QTRY_VERIFY_WITH_TIMEOUT(answered.count() >= 1, 10000);
    const auto *remember = dialog.findChild<QCheckBox *>(QStringLiteral("rememberCheck"));
    if (dialog.keychainStatus() == CredentialStore::Status::Unavailable) {
        QVERIFY(!remember->isEnabled());
        QVERIFY(!remember->isChecked());
        QVERIFY2(remember->toolTip().contains(QLatin1String("keychain")),
                 qPrintable(remember->toolTip()));
    } else {
        QVERIFY(remember->isEnabled());
    }
}

void tst_ConnectDatabaseDialog::testShowsServerVersion()
{
    ConnectDatabaseDialog dialog;
    fill(dialog, PostgresAdmin::location());
    dialog.findChild<QComboBox *>(QStringLiteral("sslModeCombo"))
        ->setCurrentText(QStringLiteral("prefer"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy finished(&dialog, &ConnectDatabaseDialog::testFinished);
    auto *test = dialog.findChild<QPushButton *>(QStringLiteral("testButton"));
    QVERIFY(test->isEnabled());
    QTest::mouseClick(test, Qt::LeftButton);
    // The GUI thread goes on while the worker connects.
    QVERIFY(dialog.isTesting() || finished.count() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    const QString status = dialog.findChild<QLabel *>(QStringLiteral("statusLabel"))->text();
    QVERIFY2(QRegularExpression(QStringLiteral("^Connected: PostgreSQL \\d+(\\.\\d+)?$"))
                 .match(status)
                 .hasMatch(),
             qPrintable(status));
    QVERIFY(test->isEnabled());
    saveScreenshot(&dialog, QStringLiteral("connect-database-dialog"));
}

void tst_ConnectDatabaseDialog::testShowsErrorForClosedPort()
{
    quint16 port = 0;
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        port = server.serverPort();
    }
    ConnectDatabaseDialog dialog;
    DatabaseLocation closed = PostgresAdmin::location();
    closed.host = QStringLiteral("127.0.0.1");
    closed.port = port;
    fill(dialog, closed);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy finished(&dialog, &ConnectDatabaseDialog::testFinished);
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const QString status = dialog.findChild<QLabel *>(QStringLiteral("statusLabel"))->text();
    QVERIFY2(status.contains(QString::number(port)) && status.contains(QLatin1String("refused")),
             qPrintable(status));
    QVERIFY(!status.startsWith(QLatin1String("Connected")));
    saveScreenshot(&dialog, QStringLiteral("connect-database-dialog-error"));
}

void tst_ConnectDatabaseDialog::okKeepsPasswordOutOfSettings()
{
    ConnectDatabaseDialog dialog;
    DatabaseLocation typed = PostgresAdmin::location();
    typed.password = m_password;
    fill(dialog, typed);
    dialog.findChild<QComboBox *>(QStringLiteral("sslModeCombo"))
        ->setCurrentText(QStringLiteral("disable"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    dialog.storePassword();
    QTest::qWait(200); // let a keychain job answer, if one was started

    QSettings settings(QSettings::UserScope, QStringLiteral("watercooler"));
    settings.sync();
    QCOMPARE(settings.value(QStringLiteral("team/host")).toString(), typed.host);
    QCOMPARE(settings.value(QStringLiteral("team/port")).toInt(), typed.port);
    QCOMPARE(settings.value(QStringLiteral("team/database")).toString(), typed.databaseName);
    QCOMPARE(settings.value(QStringLiteral("team/user")).toString(), typed.userName);
    QCOMPARE(settings.value(QStringLiteral("team/sslmode")).toString(), QStringLiteral("disable"));
    const QStringList keys = settings.allKeys();
    for (const QString &key : keys)
        QVERIFY2(settings.value(key).toString() != m_password, qPrintable(key));
    QVERIFY(!filesContaining(typed.databaseName).isEmpty()); // the file is where we look
    QCOMPARE(filesContaining(m_password), QStringList());

    // The next dialog starts from what was used, without the password.
    ConnectDatabaseDialog next;
    QCOMPARE(next.findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->text(),
             typed.databaseName);
    if (next.keychainStatus() == CredentialStore::Status::Unavailable)
        QVERIFY(next.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->text().isEmpty());
}

void tst_ConnectDatabaseDialog::connectingAsReaderShowsBadge()
{
    const qint64 pid = QCoreApplication::applicationPid();
    const QString name = QStringLiteral("wc_dialog_%1").arg(pid);
    const QString reader = QStringLiteral("wc_dialog_reader_%1").arg(pid);
    QString error;
    QVERIFY2(PostgresAdmin::exec(QStringLiteral("CREATE DATABASE ") + name, &error),
             qPrintable(error));
    auto dropDatabase = qScopeGuard([&] {
        QString dropError;
        if (!PostgresAdmin::exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name),
                                 &dropError)
            || !PostgresAdmin::exec(QStringLiteral("DROP ROLE IF EXISTS ") + reader, &dropError))
            qWarning("%s", qPrintable(dropError));
    });
    QVERIFY2(PostgresAdmin::exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(reader), &error),
             qPrintable(error));
    {
        // The owner sets it up; the reader may only read.
        Database owner(PostgresAdmin::location(name));
        try {
            owner.open();
        } catch (const StorageError &storageError) {
            QFAIL(qPrintable(storageError.message()));
        }
    }
    QVERIFY2(PostgresAdmin::exec(QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO ")
                                     + reader,
                                 &error,
                                 name),
             qPrintable(error));

    auto own = std::make_unique<Database>(
        DatabaseLocation::sqlite(m_dataDir.filePath(QStringLiteral("own.sqlite"))));
    own->open();
    MainWindow window(std::move(own));
    window.resize(1000, 640);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.isReadOnly());
    auto *badge = window.findChild<QLabel *>(QStringLiteral("readOnlyBadge"));
    QVERIFY(badge);
    QVERIFY(!badge->isVisible());

    auto *action = window.findChild<QAction *>(QStringLiteral("connectTeamDatabaseAction"));
    QVERIFY(action);
    bool filled = false;
    QString unexpected;
    // The dialog is modal: fill it in and press Connect once it shows. Anything else that shows
    // (an error box, the form again after a refusal) is noted and closed.
    QTimer driver;
    connect(&driver, &QTimer::timeout, this, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        auto *dialog = qobject_cast<ConnectDatabaseDialog *>(modal);
        if (dialog && !filled) {
            fill(*dialog, PostgresAdmin::roleLocation(reader, name));
            filled = true;
            dialog->accept();
            return;
        }
        if (auto *box = qobject_cast<QMessageBox *>(modal))
            unexpected += box->text();
        if (auto *other = qobject_cast<QDialog *>(modal))
            other->reject();
    });
    driver.start(50);
    action->trigger();
    driver.stop();
    QVERIFY(filled);
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected));
    QCOMPARE(window.database().location().databaseName, name);
    QVERIFY(window.isReadOnly());
    QVERIFY(badge->isVisible());
    QVERIFY2(window.windowTitle().contains(QLatin1String("read-only")),
             qPrintable(window.windowTitle()));
    saveScreenshot(&window, QStringLiteral("main-window-read-only"));
}

QTEST_MAIN(tst_ConnectDatabaseDialog)
#include "tst_connectdatabasedialog.moc"
