// Tests FeedPasswordPrompt offscreen: the dialog names the user and the feed, hides what is
// typed, and gives nothing when cancelled or left empty.
#include "feedpasswordprompt.h"

#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QTest>
#include <QTimer>

namespace {

FeedPasswordRequest request()
{
    FeedPasswordRequest request;
    request.feedId = 7;
    request.title = QStringLiteral("Intranet news");
    request.url = QUrl(QStringLiteral("https://intranet.example.org/feed.xml"));
    request.user = QStringLiteral("alice");
    request.keychainStatus = CredentialStore::Status::Unavailable;
    return request;
}

} // namespace

class tst_FeedPasswordPrompt final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answerIsReturned();
    void cancelGivesNothing_data();
    void cancelGivesNothing();

private:
    // Answers the prompt once it is open: types text and accepts, or rejects.
    void answerWith(const QString &text, bool accept);

    QString m_label;
    QLineEdit::EchoMode m_echo = QLineEdit::Normal;
};

void tst_FeedPasswordPrompt::answerWith(const QString &text, bool accept)
{
    QTimer::singleShot(0, this, [this, text, accept] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        m_label = dialog->labelText();
        m_echo = dialog->textEchoMode();
        dialog->setTextValue(text);
        if (accept)
            dialog->accept();
        else
            dialog->reject();
    });
}

void tst_FeedPasswordPrompt::answerIsReturned()
{
    answerWith(QStringLiteral("typed-secret"), true);
    const std::optional<QString> password = FeedPasswordPrompt::ask(request(), nullptr);
    QVERIFY(password.has_value());
    QCOMPARE(*password, QStringLiteral("typed-secret"));
    QVERIFY2(m_label.contains(QLatin1String("alice")), qPrintable(m_label));
    QVERIFY2(m_label.contains(QLatin1String("Intranet news")), qPrintable(m_label));
    QVERIFY2(m_label.contains(QLatin1String("keychain is not available")), qPrintable(m_label));
    QCOMPARE(m_echo, QLineEdit::Password);
}

void tst_FeedPasswordPrompt::cancelGivesNothing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accept");
    QTest::newRow("cancelled") << QStringLiteral("typed") << false;
    QTest::newRow("empty") << QString() << true;
}

void tst_FeedPasswordPrompt::cancelGivesNothing()
{
    QFETCH(QString, text);
    QFETCH(bool, accept);
    answerWith(text, accept);
    QVERIFY(!FeedPasswordPrompt::ask(request(), nullptr).has_value());
}

QTEST_MAIN(tst_FeedPasswordPrompt)
#include "tst_feedpasswordprompt.moc"
