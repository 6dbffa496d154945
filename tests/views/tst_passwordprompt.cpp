// Tests PasswordPrompt, the start-up password loop for team databases: a server that wants a
// password brings up a password dialog, a refused password brings it back saying so, cancel
// gives up, and other failures or servers that need no password never ask.
#include "database.h"
#include "passwordaskingserver.h"
#include "passwordprompt.h"
#include "postgresadmin.h"
#include "storageerror.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

class tst_PasswordPrompt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void asksAgainAfterRefusalUntilCancel();
    void otherFailuresDoNotAsk();
    void serverWithoutPasswordDoesNotAsk();

private:
    QTemporaryDir m_dir;
};

void tst_PasswordPrompt::initTestCase()
{
    if (!PostgresAdmin::isConfigured())
        QFAIL("WATERCOOLER_TEST_POSTGRES_URL is not set: run the tests with .ci/test, which starts "
              "a PostgreSQL server for them.");
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    // Only the dialog may supply a password here, not the tester's environment or ~/.pgpass.
    qunsetenv("PGPASSWORD");
    qputenv("PGPASSFILE", QFile::encodeName(m_dir.filePath(QStringLiteral("none"))));
}

void tst_PasswordPrompt::asksAgainAfterRefusalUntilCancel()
{
    PasswordAskingServer server;
    QVERIFY(server.isListening());
    const DatabaseLocation location = DatabaseLocation::fromArgument(
        QStringLiteral("postgresql://reader@127.0.0.1:%1/community?sslmode=disable")
            .arg(server.port()));

    QStringList labels;
    bool hidden = true;
    QTimer driver;
    connect(&driver, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        labels << dialog->labelText();
        const QString shots = qEnvironmentVariable("WATERCOOLER_SCREENSHOT_DIR");
        if (!shots.isEmpty() && QDir().mkpath(shots))
            dialog->grab().save(
                QDir(shots).filePath(QStringLiteral("password-prompt-%1.png").arg(labels.size())));
        hidden = hidden && dialog->textEchoMode() == QLineEdit::Password;
        if (labels.size() == 1) {
            dialog->setTextValue(QStringLiteral("typed-once"));
            dialog->accept();
        } else {
            dialog->reject();
        }
    });
    driver.start(50);
    std::unique_ptr<Database> database;
    try {
        database = PasswordPrompt::open(location);
    } catch (const StorageError &error) {
        QFAIL(qPrintable(error.message()));
    }
    driver.stop();

    QVERIFY(!database); // cancelled
    QCOMPARE(labels.size(), 2);
    QVERIFY(hidden);
    QVERIFY2(labels.at(0).contains(QLatin1String("reader"))
                 && labels.at(0).contains(QLatin1String("community")),
             qPrintable(labels.at(0)));
    QVERIFY2(!labels.at(0).contains(QLatin1String("not accepted")), qPrintable(labels.at(0)));
    QVERIFY2(labels.at(1).contains(QLatin1String("not accepted")), qPrintable(labels.at(1)));
    // What was typed reached the server, once.
    QCOMPARE(server.passwords(), QStringList{QStringLiteral("typed-once")});
}

void tst_PasswordPrompt::otherFailuresDoNotAsk()
{
    quint16 port = 0;
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        port = closed.serverPort();
    }
    bool asked = false;
    QTimer driver;
    connect(&driver, &QTimer::timeout, this, [&] {
        if (auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
            asked = true;
            dialog->reject();
        }
    });
    driver.start(50);
    QString message;
    try {
        (void) PasswordPrompt::open(DatabaseLocation::fromArgument(
            QStringLiteral("postgresql://reader@127.0.0.1:%1/community").arg(port)));
    } catch (const StorageError &error) {
        message = error.message();
    }
    QVERIFY(!asked);
    QVERIFY2(message.contains(QLatin1String("refused")), qPrintable(message));
}

void tst_PasswordPrompt::serverWithoutPasswordDoesNotAsk()
{
    const QString name = QStringLiteral("wc_prompt_%1").arg(QCoreApplication::applicationPid());
    QString error;
    QVERIFY2(PostgresAdmin::exec(QStringLiteral("CREATE DATABASE ") + name, &error),
             qPrintable(error));
    bool asked = false;
    QTimer driver;
    connect(&driver, &QTimer::timeout, this, [&] {
        if (auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
            asked = true;
            dialog->reject();
        }
    });
    driver.start(50);
    {
        std::unique_ptr<Database> database;
        try {
            database = PasswordPrompt::open(PostgresAdmin::location(name));
        } catch (const StorageError &storageError) {
            qWarning("%s", qPrintable(storageError.message()));
        }
        QVERIFY(database);
        QVERIFY(database->schemaVersion() > 0);
    }
    QVERIFY(!asked);
    QVERIFY2(PostgresAdmin::exec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(name), &error),
             qPrintable(error));
}

QTEST_MAIN(tst_PasswordPrompt)
#include "tst_passwordprompt.moc"
