// Tests editing notes in MembersPane: a conflicting save keeps the user's text and offers a
// reload; on PostgreSQL, a lost connection keeps the text too and saving works after reconnect.
#include "communitywriter.h"
#include "memberrepository.h"
#include "memberspane.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "testdatabase.h"

#include <QApplication>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

class tst_MembersPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void notesAreSaved();
    void conflictKeepsTextAndOffersReload();
    void lostConnectionKeepsText();
    void readOnlyDisablesEditing();

private:
    // Clicks the button with this text in the next message box that opens.
    void answerNextMessageBox(const QString &buttonText);
    void openPane();

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<MembersPane> m_pane;
    qint64 m_memberId = 0;
    QString m_boxText;
};

void tst_MembersPane::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("manual");
    batch.sourceName = QStringLiteral("Team");
    ImportMember member;
    member.identity.displayName = QStringLiteral("Ada Lovelace");
    member.identity.handle = QStringLiteral("ada");
    batch.members << member;
    CommunityWriter(m_db->connectionName()).write(batch);
    m_memberId = m_db->scalar(QStringLiteral("SELECT id FROM members")).toLongLong();
    openPane();
}

void tst_MembersPane::cleanup()
{
    m_pane.reset();
    m_db.reset();
}

void tst_MembersPane::openPane()
{
    m_pane = std::make_unique<MembersPane>(m_db->database());
    m_pane->resize(1000, 600);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    auto *detail = m_pane->findChild<QTextBrowser *>(QStringLiteral("memberDetail"));
    QTRY_VERIFY(detail->toPlainText().contains(QLatin1String("Ada Lovelace")));
}

void tst_MembersPane::answerNextMessageBox(const QString &buttonText)
{
    m_boxText.clear();
    QTimer::singleShot(0, this, [this, buttonText] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerNextMessageBox(buttonText); // not open yet
            return;
        }
        m_boxText = box->text();
        const auto buttons = box->buttons();
        for (QAbstractButton *button : buttons) {
            if (button->text() == buttonText)
                button->click();
        }
    });
}

void tst_MembersPane::notesAreSaved()
{
    auto *notes = m_pane->findChild<QPlainTextEdit *>(QStringLiteral("memberNotes"));
    auto *save = m_pane->findChild<QPushButton *>(QStringLiteral("saveNotesButton"));
    QVERIFY(notes->isEnabled());
    QVERIFY(!save->isEnabled());
    QTest::keyClicks(notes, QStringLiteral("Runs the Lisbon meetup"));
    QVERIFY(save->isEnabled());
    save->click();
    QVERIFY(!save->isEnabled());
    QCOMPARE(MemberRepository(m_db->connectionName()).detail(m_memberId).notes,
             QStringLiteral("Runs the Lisbon meetup"));
}

void tst_MembersPane::conflictKeepsTextAndOffersReload()
{
    auto *notes = m_pane->findChild<QPlainTextEdit *>(QStringLiteral("memberNotes"));
    QTest::keyClicks(notes, QStringLiteral("Mine"));

    // Someone else saves the same member meanwhile, on their own connection.
    Database other(m_db->database().location());
    other.open();
    MemberRepository theirs(other.connectionName());
    theirs.updateNotes(m_memberId, QStringLiteral("Theirs"), theirs.detail(m_memberId).rowVersion);

    answerNextMessageBox(QStringLiteral("Keep Editing"));
    QVERIFY(!m_pane->saveNotes());
    QVERIFY2(m_boxText.contains(QLatin1String("someone else"), Qt::CaseInsensitive),
             qPrintable(m_boxText));
    QCOMPARE(notes->toPlainText(), QStringLiteral("Mine"));
    QCOMPARE(theirs.detail(m_memberId).notes, QStringLiteral("Theirs"));

    // Reload shows their text; saving after that goes through.
    answerNextMessageBox(QStringLiteral("Reload"));
    QVERIFY(!m_pane->saveNotes());
    QTRY_COMPARE(notes->toPlainText(), QStringLiteral("Theirs"));
    notes->setPlainText(QStringLiteral("Theirs, and mine"));
    notes->document()->setModified(true);
    QVERIFY(m_pane->saveNotes());
    QCOMPARE(theirs.detail(m_memberId).notes, QStringLiteral("Theirs, and mine"));
}

void tst_MembersPane::lostConnectionKeepsText()
{
    if (!TestDatabase::usesPostgreSql())
        return; // an SQLite file has no connection to lose; the PostgreSQL run covers this
    auto *notes = m_pane->findChild<QPlainTextEdit *>(QStringLiteral("memberNotes"));
    QTest::keyClicks(notes, QStringLiteral("Written while the server was away"));

    const qint64 pid = m_db->scalar(QStringLiteral("SELECT pg_backend_pid()")).toLongLong();
    {
        Database admin(m_db->database().location());
        admin.open();
        SqlQuery(admin.connectionName(), QStringLiteral("SELECT pg_terminate_backend(?)"))
            .bind(pid)
            .exec();
    }
    QSignalSpy errors(m_pane.get(), &Pane::errorOccurred);
    QVERIFY(!m_pane->saveNotes());
    QCOMPARE(errors.size(), 1);
    QVERIFY(!m_db->database().isConnected());
    QCOMPARE(notes->toPlainText(), QStringLiteral("Written while the server was away"));

    m_db->database().reconnect();
    QVERIFY(m_pane->saveNotes());
    QCOMPARE(MemberRepository(m_db->connectionName()).detail(m_memberId).notes,
             QStringLiteral("Written while the server was away"));
}

void tst_MembersPane::readOnlyDisablesEditing()
{
    auto *notes = m_pane->findChild<QPlainTextEdit *>(QStringLiteral("memberNotes"));
    auto *save = m_pane->findChild<QPushButton *>(QStringLiteral("saveNotesButton"));
    m_pane->setReadOnly(true);
    QVERIFY(notes->isReadOnly());
    notes->setPlainText(QStringLiteral("x"));
    notes->document()->setModified(true);
    QVERIFY(!save->isEnabled());
    QVERIFY(!m_pane->saveNotes());
}

QTEST_MAIN(tst_MembersPane)
#include "tst_memberspane.moc"
