// Tests CredentialStore: keys never hold the password, a missing keychain is reported quickly as
// unavailable, and no password ever reaches a settings file. With WATERCOOLER_TEST_KEYCHAIN=1 (a
// private D-Bus session with a keyring) it also checks the round trip through the keychain.
#include "credentialstore.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

class tst_CredentialStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void keyNamesTheDatabaseNotThePassword();
    void blockingReadAnswersWithinTimeout();
    void asynchronousJobsAnswerOnce();
    void passwordNeverReachesSettings();
    void roundTripThroughKeychain();
    void feedKeyNamesOriginAndUser();
    void feedPasswordBlockingRoundTrip();

private:
    [[nodiscard]] static bool keychainExpected();
    [[nodiscard]] DatabaseLocation location() const;
    // The files under dir that contain text.
    [[nodiscard]] static QStringList filesContaining(const QString &dir, const QString &text);

    QTemporaryDir m_settingsDir;
    QString m_password;
};

bool tst_CredentialStore::keychainExpected()
{
    return qEnvironmentVariable("WATERCOOLER_TEST_KEYCHAIN") == QLatin1String("1");
}

void tst_CredentialStore::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    // Something the app itself keeps there, so the settings file exists and is searched.
    QSettings settings(QSettings::UserScope, QStringLiteral("watercooler"));
    settings.setValue(QStringLiteral("team/host"), QStringLiteral("db.example.org"));
    settings.sync();
    m_password = QStringLiteral("wc-secret-%1-Zq9").arg(QCoreApplication::applicationPid());
}

void tst_CredentialStore::cleanupTestCase()
{
    if (!keychainExpected())
        return;
    // Leave no entry behind in the keyring of the test session.
    CredentialStore store;
    QSignalSpy removed(&store, &CredentialStore::passwordRemoved);
    store.remove(location());
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 10000);
}

DatabaseLocation tst_CredentialStore::location() const
{
    DatabaseLocation location = DatabaseLocation::fromArgument(
        QStringLiteral("postgresql://reader@db.example.org:6543/community?sslmode=require"));
    location.password = m_password;
    return location;
}

QStringList tst_CredentialStore::filesContaining(const QString &dir, const QString &text)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(text.toUtf8()))
            found << file.fileName();
    }
    return found;
}

void tst_CredentialStore::keyNamesTheDatabaseNotThePassword()
{
    const QString key = CredentialStore::keyFor(location());
    QCOMPARE(key, QStringLiteral("postgresql://reader@db.example.org:6543/community"));
    QVERIFY(!key.contains(m_password));

    DatabaseLocation other = location();
    other.port = 5432;
    QVERIFY(CredentialStore::keyFor(other) != key);
    other = location();
    other.userName = QStringLiteral("writer");
    QVERIFY(CredentialStore::keyFor(other) != key);
    QCOMPARE(CredentialStore::serviceName(), QStringLiteral("watercooler"));
}

void tst_CredentialStore::blockingReadAnswersWithinTimeout()
{
    const int timeout = 5000;
    QElapsedTimer timer;
    timer.start();
    const CredentialStore::Result result = CredentialStore::readBlocking(location(), timeout);
    QVERIFY2(timer.elapsed() < timeout + 1000, qPrintable(QString::number(timer.elapsed())));
    if (keychainExpected()) {
        QVERIFY2(result.status == CredentialStore::Status::NotFound
                     || result.status == CredentialStore::Status::Found,
                 qPrintable(result.errorString));
    } else {
        // No keychain service in a headless test run: the caller asks for the password instead.
        QCOMPARE(result.status, CredentialStore::Status::Unavailable);
        QVERIFY(result.password.isEmpty());
        QVERIFY(!result.errorString.isEmpty());
    }
}

void tst_CredentialStore::asynchronousJobsAnswerOnce()
{
    CredentialStore store;
    QSignalSpy read(&store, &CredentialStore::passwordRead);
    QSignalSpy written(&store, &CredentialStore::passwordWritten);
    QSignalSpy removed(&store, &CredentialStore::passwordRemoved);
    const QString key = CredentialStore::keyFor(location());

    store.read(location());
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 10000);
    QCOMPARE(read.at(0).at(0).toString(), key);
    if (keychainExpected())
        return; // the round trip test covers a working keychain
    QCOMPARE(read.at(0).at(1).value<CredentialStore::Result>().status,
             CredentialStore::Status::Unavailable);

    store.write(location(), m_password);
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 10000);
    QCOMPARE(written.at(0).at(1).value<CredentialStore::Result>().status,
             CredentialStore::Status::Unavailable);

    store.remove(location());
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 10000);
    QCOMPARE(removed.at(0).at(1).value<CredentialStore::Result>().status,
             CredentialStore::Status::Unavailable);

    // Each job answers once.
    QTest::qWait(100);
    QCOMPARE(read.count(), 1);
    QCOMPARE(written.count(), 1);
    QCOMPARE(removed.count(), 1);
}

void tst_CredentialStore::passwordNeverReachesSettings()
{
    CredentialStore store;
    QSignalSpy written(&store, &CredentialStore::passwordWritten);
    store.write(location(), m_password);
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 10000);

    QSettings(QSettings::UserScope, QStringLiteral("watercooler")).sync();
    QVERIFY(!filesContaining(m_settingsDir.path(), QStringLiteral("db.example.org")).isEmpty());
    QCOMPARE(filesContaining(m_settingsDir.path(), m_password), QStringList());
    // Nor in the folders QStandardPaths hands out in test mode (where a keychain library's
    // "insecure fallback" would write).
    for (const auto standardLocation : {QStandardPaths::GenericConfigLocation,
                                        QStandardPaths::AppConfigLocation,
                                        QStandardPaths::GenericDataLocation}) {
        const QString dir = QStandardPaths::writableLocation(standardLocation);
        QCOMPARE(filesContaining(dir, m_password), QStringList());
    }
}

void tst_CredentialStore::roundTripThroughKeychain()
{
    CredentialStore store;
    QSignalSpy read(&store, &CredentialStore::passwordRead);
    QSignalSpy written(&store, &CredentialStore::passwordWritten);
    QSignalSpy removed(&store, &CredentialStore::passwordRemoved);
    if (!keychainExpected()) {
        // Without a keychain service (the _keychain run provides one) a write says so.
        store.write(location(), m_password);
        QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 10000);
        QCOMPARE(written.at(0).at(1).value<CredentialStore::Result>().status,
                 CredentialStore::Status::Unavailable);
        return;
    }

    store.write(location(), m_password);
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 10000);
    QCOMPARE(written.at(0).at(1).value<CredentialStore::Result>().status,
             CredentialStore::Status::Done);

    const CredentialStore::Result found = CredentialStore::readBlocking(location(), 10000);
    QCOMPARE(found.status, CredentialStore::Status::Found);
    QCOMPARE(found.password, m_password);

    DatabaseLocation otherUser = location();
    otherUser.userName = QStringLiteral("someone-else");
    store.read(otherUser);
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 10000);
    QCOMPARE(read.at(0).at(1).value<CredentialStore::Result>().status,
             CredentialStore::Status::NotFound);

    store.remove(location());
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 10000);
    QCOMPARE(removed.at(0).at(1).value<CredentialStore::Result>().status,
             CredentialStore::Status::Done);
    QCOMPARE(CredentialStore::readBlocking(location(), 10000).status,
             CredentialStore::Status::NotFound);
}

void tst_CredentialStore::feedKeyNamesOriginAndUser()
{
    const QString key
        = CredentialStore::keyForFeed(QUrl(QStringLiteral(
                                          "https://Intranet.Example.org/news/feed.xml?x=1")),
                                      QStringLiteral("alice"));
    QCOMPARE(key, QStringLiteral("feed:https://alice@intranet.example.org:443"));
    // Every feed of one origin shares the entry; the password is only ever sent there.
    QCOMPARE(CredentialStore::keyForFeed(QUrl(QStringLiteral("https://intranet.example.org/b")),
                                         QStringLiteral("alice")),
             key);
    QVERIFY(CredentialStore::keyForFeed(QUrl(QStringLiteral("http://intranet.example.org/")),
                                        QStringLiteral("alice"))
            != key);
    QVERIFY(CredentialStore::keyForFeed(QUrl(QStringLiteral("https://intranet.example.org:8443/")),
                                        QStringLiteral("alice"))
            != key);
    QVERIFY(CredentialStore::keyForFeed(QUrl(QStringLiteral("https://intranet.example.org/")),
                                        QStringLiteral("bob"))
            != key);
    QVERIFY(key != CredentialStore::keyFor(location()));
}

void tst_CredentialStore::feedPasswordBlockingRoundTrip()
{
    const QString key = CredentialStore::keyForFeed(QUrl(QStringLiteral("https://feeds.example/")),
                                                    QStringLiteral("alice"));
    const CredentialStore::Result written = CredentialStore::writeKeyBlocking(key,
                                                                              m_password,
                                                                              10000);
    if (!keychainExpected()) {
        QCOMPARE(written.status, CredentialStore::Status::Unavailable);
        QCOMPARE(CredentialStore::readKeyBlocking(key, 10000).status,
                 CredentialStore::Status::Unavailable);
        return;
    }
    QCOMPARE(written.status, CredentialStore::Status::Done);
    const CredentialStore::Result read = CredentialStore::readKeyBlocking(key, 10000);
    QCOMPARE(read.status, CredentialStore::Status::Found);
    QCOMPARE(read.password, m_password);
    QCOMPARE(CredentialStore::removeKeyBlocking(key, 10000).status, CredentialStore::Status::Done);
    QCOMPARE(CredentialStore::readKeyBlocking(key, 10000).status, CredentialStore::Status::NotFound);
}

QTEST_GUILESS_MAIN(tst_CredentialStore)
#include "tst_credentialstore.moc"
