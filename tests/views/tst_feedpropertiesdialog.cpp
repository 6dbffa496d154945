// Tests FeedPropertiesDialog offscreen: the form shows the stored feed, Save writes every setting
// in one go, a missing keychain turns the password field off, and with WATERCOOLER_TEST_KEYCHAIN=1
// (a private keyring) the password lands in the keychain and nowhere else.
#include "credentialstore.h"
#include "feedpropertiesdialog.h"
#include "feedrepository.h"
#include "testdatabase.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>
#include <QUrl>

#include <memory>

namespace {

const QString feedUrl = QStringLiteral("https://intranet.example.org/news/feed.xml");

template<typename Widget>
Widget *child(QWidget &parent, const char *name)
{
    return parent.findChild<Widget *>(QLatin1String(name));
}

} // namespace

class tst_FeedPropertiesDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void formShowsTheFeed();
    void saveWritesAllSettings();
    void passwordFollowsTheKeychain();
    void unknownFeedCannotBeSaved();

private:
    static bool keychainExpected();
    void saveScreenshot(QWidget *widget, const QString &name);

    std::unique_ptr<TestDatabase> m_db;
    qint64 m_feedId = 0;
};

bool tst_FeedPropertiesDialog::keychainExpected()
{
    return qEnvironmentVariable("WATERCOOLER_TEST_KEYCHAIN") == QLatin1String("1");
}

void tst_FeedPropertiesDialog::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    FeedRepository repository(m_db->connectionName());
    FeedRepository::NewFeed feed;
    feed.url = QStringLiteral("https://intranet.example.org/old.xml");
    feed.title = QStringLiteral("Intranet news");
    feed.folderPath = QStringLiteral("Work");
    m_feedId = repository.addFeed(feed);
    FeedRepository::FeedSettings settings = repository.settings(m_feedId);
    settings.refreshIntervalSeconds = 1800;
    settings.retentionCap = 50;
    settings.followComments = true;
    settings.authUser = QStringLiteral("alice");
    repository.updateFeedSettings(m_feedId, settings);
    FeedRepository::FetchRecord record;
    record.httpStatus = 401;
    record.errorText = QStringLiteral("The server at intranet.example.org refused the user name "
                                      "and password of this feed (HTTP 401).");
    record.status = QStringLiteral("active");
    record.movedToUrl = feedUrl;
    record.ttlSeconds = 7200;
    repository.recordFetch(m_feedId, record);
}

void tst_FeedPropertiesDialog::cleanup()
{
    if (keychainExpected()) {
        const auto removed = CredentialStore::removeKeyBlocking(
            CredentialStore::keyForFeed(QUrl(feedUrl), QStringLiteral("alice")), 10000);
        Q_UNUSED(removed)
    }
    m_db.reset();
}

void tst_FeedPropertiesDialog::saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("WATERCOOLER_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

void tst_FeedPropertiesDialog::formShowsTheFeed()
{
    FeedPropertiesDialog dialog(m_db->database(),
                                m_feedId,
                                {QStringLiteral("Work"), QStringLiteral("Blogs/Team")});
    dialog.show();
    QCOMPARE(child<QLineEdit>(dialog, "feedTitle")->text(), QStringLiteral("Intranet news"));
    QCOMPARE(child<QComboBox>(dialog, "feedFolder")->currentText(), QStringLiteral("Work"));
    QCOMPARE(child<QComboBox>(dialog, "feedFolder")->count(), 3);
    QCOMPARE(child<QSpinBox>(dialog, "refreshInterval")->value(), 30);
    QVERIFY(child<QLabel>(dialog, "ttlNote")->isVisible());
    QVERIFY(child<QLabel>(dialog, "ttlNote")->text().contains(QLatin1String("120 minute")));
    QVERIFY(child<QRadioButton>(dialog, "keepNewest")->isChecked());
    QCOMPARE(child<QSpinBox>(dialog, "retentionCap")->value(), 50);
    QVERIFY(child<QCheckBox>(dialog, "followComments")->isChecked());
    QCOMPARE(child<QLineEdit>(dialog, "authUser")->text(), QStringLiteral("alice"));
    QCOMPARE(child<QLabel>(dialog, "statusUrl")->text(), feedUrl);
    QCOMPARE(child<QLabel>(dialog, "statusHttp")->text(), QStringLiteral("401"));
    QVERIFY(child<QLabel>(dialog, "statusError")->text().contains(QLatin1String("refused")));
    QCOMPARE(child<QLabel>(dialog, "statusMovedFrom")->text(),
             QStringLiteral("https://intranet.example.org/old.xml"));
    QVERIFY(child<QLabel>(dialog, "statusLastFetched")->text() != QLatin1String("Never"));
    // The keychain has answered one way or the other.
    QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(dialog, "keychainNote")->text().isEmpty(), 10000);
    QTest::qWait(100);
    saveScreenshot(&dialog, QStringLiteral("feed-properties-dialog"));
}

void tst_FeedPropertiesDialog::saveWritesAllSettings()
{
    FeedPropertiesDialog dialog(m_db->database(), m_feedId, {QStringLiteral("Work")});
    child<QLineEdit>(dialog, "feedTitle")->setText(QStringLiteral("  Company news "));
    child<QComboBox>(dialog, "feedFolder")->setCurrentText(QStringLiteral("Blogs/New"));
    child<QSpinBox>(dialog, "refreshInterval")->setValue(45);
    child<QRadioButton>(dialog, "keepAll")->setChecked(true);
    child<QCheckBox>(dialog, "followComments")->setChecked(false);
    child<QLineEdit>(dialog, "authUser")->clear();
    QVERIFY(!child<QLineEdit>(dialog, "authPassword")->isEnabled());

    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const FeedRepository repository(m_db->connectionName());
    const FeedRepository::FeedSettings stored = repository.settings(m_feedId);
    QCOMPARE(stored.title, QStringLiteral("Company news"));
    QCOMPARE(stored.folderPath, QStringLiteral("Blogs/New"));
    QCOMPARE(stored.refreshIntervalSeconds, 45 * 60);
    QCOMPARE(stored.retentionCap, 0);
    QVERIFY(!stored.followComments);
    QVERIFY(stored.authUser.isEmpty());
    // The fetch state is not the dialog's to change.
    QCOMPARE(repository.feed(m_feedId).httpStatus, 401);
}

void tst_FeedPropertiesDialog::passwordFollowsTheKeychain()
{
    FeedPropertiesDialog dialog(m_db->database(), m_feedId, {});
    dialog.show();
    auto *note = child<QLabel>(dialog, "keychainNote");
    auto *password = child<QLineEdit>(dialog, "authPassword");
    QTRY_VERIFY_WITH_TIMEOUT(!note->text().isEmpty(), 10000);
    if (!keychainExpected()) {
        // Nothing can be saved: the field is off and the note says what happens instead.
        QTRY_VERIFY_WITH_TIMEOUT(note->text().contains(QLatin1String("No system keychain")), 10000);
        QVERIFY(!password->isEnabled());
        QVERIFY(!child<QCheckBox>(dialog, "removePassword")->isEnabled());
        child<QSpinBox>(dialog, "refreshInterval")->setValue(90);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(FeedRepository(m_db->connectionName()).settings(m_feedId).refreshIntervalSeconds,
                 90 * 60);
        return;
    }
    QTRY_COMPARE_WITH_TIMEOUT(password->placeholderText(), QStringLiteral("None saved"), 10000);
    QVERIFY(password->isEnabled());
    QVERIFY(!child<QCheckBox>(dialog, "removePassword")->isEnabled());
    password->setText(QStringLiteral("dialog-Secret-1"));
    dialog.accept();
    // Closed once the keychain took it.
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
    const CredentialStore::Result read
        = CredentialStore::readKeyBlocking(CredentialStore::keyForFeed(QUrl(feedUrl),
                                                                       QStringLiteral("alice")),
                                           10000);
    QCOMPARE(read.status, CredentialStore::Status::Found);
    QCOMPARE(read.password, QStringLiteral("dialog-Secret-1"));

    // Opened again: it says a password is saved, and can remove it.
    FeedPropertiesDialog again(m_db->database(), m_feedId, {});
    auto *againPassword = child<QLineEdit>(again, "authPassword");
    QTRY_COMPARE_WITH_TIMEOUT(againPassword->placeholderText(),
                              QStringLiteral("Saved in the system keychain"),
                              10000);
    QVERIFY(child<QCheckBox>(again, "removePassword")->isEnabled());
    child<QCheckBox>(again, "removePassword")->setChecked(true);
    QVERIFY(!againPassword->isEnabled());
    again.accept();
    QCOMPARE(again.result(), int(QDialog::Accepted));
    QTRY_COMPARE_WITH_TIMEOUT(
        CredentialStore::readKeyBlocking(CredentialStore::keyForFeed(QUrl(feedUrl),
                                                                     QStringLiteral("alice")),
                                         10000)
            .status,
        CredentialStore::Status::NotFound,
        10000);
}

void tst_FeedPropertiesDialog::unknownFeedCannotBeSaved()
{
    FeedPropertiesDialog dialog(m_db->database(), 4242, {});
    QVERIFY(!child<QLabel>(dialog, "saveError")->isHidden());
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->isEnabled());
}

QTEST_MAIN(tst_FeedPropertiesDialog)
#include "tst_feedpropertiesdialog.moc"
