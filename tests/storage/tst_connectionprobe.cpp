// Tests ConnectionProbe and ConnectionError: the server's version from a real server, one-line
// errors for a closed port or a missing database, and, with a loopback server that asks for a
// password, that PGPASSWORD and a password file reach the server when the URL has none and that
// a missing or refused password is recognised.
#include "connectionerror.h"
#include "connectionprobe.h"
#include "database.h"
#include "passwordaskingserver.h"
#include "postgresadmin.h"
#include "storageerror.h"

#include <QFile>
#include <QFuture>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrentRun>

class tst_ConnectionProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void realServerTellsItsVersion();
    void closedPortGivesOneLine();
    void missingDatabaseGivesOneLine();
    void missingPasswordIsRecognised();
    void pgpasswordReachesServer();
    void passwordFileReachesServer();
    void urlPasswordWins();

private:
    // Runs the probe off this thread while this thread's event loop serves the fake server.
    [[nodiscard]] static ConnectionProbe::Result probeAsync(const DatabaseLocation &location);
    [[nodiscard]] DatabaseLocation fakeLocation(const PasswordAskingServer &server) const;

    QTemporaryDir m_dir;
};

void tst_ConnectionProbe::initTestCase()
{
    if (!PostgresAdmin::isConfigured())
        QFAIL("WATERCOOLER_TEST_POSTGRES_URL is not set: run the tests with .ci/test, which starts "
              "a PostgreSQL server for them.");
    QVERIFY(m_dir.isValid());
    cleanup();
}

void tst_ConnectionProbe::cleanup()
{
    // No password from the environment or the tester's own ~/.pgpass unless a test sets one.
    qunsetenv("PGPASSWORD");
    qputenv("PGPASSFILE", QFile::encodeName(m_dir.filePath(QStringLiteral("none"))));
}

ConnectionProbe::Result tst_ConnectionProbe::probeAsync(const DatabaseLocation &location)
{
    QFuture<ConnectionProbe::Result> future = QtConcurrent::run(&ConnectionProbe::probe, location);
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, 20000))
        qWarning("The probe did not finish");
    return future.result();
}

DatabaseLocation tst_ConnectionProbe::fakeLocation(const PasswordAskingServer &server) const
{
    return DatabaseLocation::fromArgument(
        QStringLiteral("postgresql://reader@127.0.0.1:%1/community?sslmode=disable")
            .arg(server.port()));
}

void tst_ConnectionProbe::realServerTellsItsVersion()
{
    const ConnectionProbe::Result result = probeAsync(PostgresAdmin::location());
    QVERIFY2(result.connected, qPrintable(result.errorString));
    QVERIFY2(result.serverVersion.contains(QRegularExpression(QStringLiteral("^\\d+(\\.\\d+)?$"))),
             qPrintable(result.serverVersion));
    QVERIFY(result.errorString.isEmpty());
}

void tst_ConnectionProbe::closedPortGivesOneLine()
{
    // A port that was free a moment ago.
    quint16 port = 0;
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        port = server.serverPort();
    }
    const ConnectionProbe::Result result = probeAsync(DatabaseLocation::fromArgument(
        QStringLiteral("postgresql://reader@127.0.0.1:%1/community").arg(port)));
    QVERIFY(!result.connected);
    QVERIFY(!result.passwordRejected);
    QVERIFY2(result.errorString.contains(QLatin1String("refused")), qPrintable(result.errorString));
    QVERIFY(!result.errorString.contains(QLatin1Char('\n')));
}

void tst_ConnectionProbe::missingDatabaseGivesOneLine()
{
    DatabaseLocation location = PostgresAdmin::location();
    location.databaseName = QStringLiteral("wc_no_such_database");
    const ConnectionProbe::Result result = probeAsync(location);
    QVERIFY(!result.connected);
    QVERIFY2(result.errorString.contains(QLatin1String("wc_no_such_database")),
             qPrintable(result.errorString));
    QVERIFY(!result.errorString.contains(QLatin1Char('\n')));

    Database database(location);
    QString message;
    try {
        database.open();
    } catch (const ConnectionError &error) {
        message = error.message();
        QVERIFY(!error.passwordRejected());
    }
    QVERIFY2(message.contains(QLatin1String("does not exist")), qPrintable(message));
    QVERIFY(!message.contains(QLatin1Char('\n')));
}

void tst_ConnectionProbe::missingPasswordIsRecognised()
{
    PasswordAskingServer server;
    QVERIFY(server.isListening());
    const ConnectionProbe::Result result = probeAsync(fakeLocation(server));
    QVERIFY(!result.connected);
    QVERIFY2(result.passwordRejected, qPrintable(result.errorString));
    QVERIFY2(result.errorString.contains(QLatin1String("password")), qPrintable(result.errorString));
    QCOMPARE(server.passwords(), QStringList());
}

void tst_ConnectionProbe::pgpasswordReachesServer()
{
    PasswordAskingServer server;
    QVERIFY(server.isListening());
    qputenv("PGPASSWORD", "from-environment");
    const ConnectionProbe::Result result = probeAsync(fakeLocation(server));
    QCOMPARE(server.passwords(), QStringList{QStringLiteral("from-environment")});
    // The server refused it: asking the user may help.
    QVERIFY(result.passwordRejected);
    QVERIFY2(result.errorString.contains(QLatin1String("password authentication failed")),
             qPrintable(result.errorString));
}

void tst_ConnectionProbe::passwordFileReachesServer()
{
    PasswordAskingServer server;
    QVERIFY(server.isListening());
    const QString path = m_dir.filePath(QStringLiteral("pgpass"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(
        file.write(
            QStringLiteral("127.0.0.1:%1:community:reader:from-pgpass\n").arg(server.port()).toUtf8())
        > 0);
    file.close();
    // libpq ignores a password file others may read.
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    qputenv("PGPASSFILE", QFile::encodeName(path));

    const ConnectionProbe::Result result = probeAsync(fakeLocation(server));
    QCOMPARE(server.passwords(), QStringList{QStringLiteral("from-pgpass")});
    QVERIFY(result.passwordRejected);
}

void tst_ConnectionProbe::urlPasswordWins()
{
    PasswordAskingServer server;
    QVERIFY(server.isListening());
    qputenv("PGPASSWORD", "from-environment");
    DatabaseLocation location = fakeLocation(server);
    location.password = QStringLiteral("typed");
    const ConnectionProbe::Result result = probeAsync(location);
    QCOMPARE(server.passwords(), QStringList{QStringLiteral("typed")});
    QVERIFY(result.passwordRejected);

    // Database::open() reports the same as a ConnectionError the start-up prompt can act on.
    bool rejected = false;
    QFuture<bool> opened = QtConcurrent::run([location] {
        Database database(location);
        try {
            database.open();
        } catch (const ConnectionError &error) {
            return error.passwordRejected();
        } catch (const StorageError &) {
        }
        return false;
    });
    QVERIFY(QTest::qWaitFor([&opened] { return opened.isFinished(); }, 20000));
    rejected = opened.result();
    QVERIFY(rejected);
}

QTEST_GUILESS_MAIN(tst_ConnectionProbe)
#include "tst_connectionprobe.moc"
