// Tests editing notes in MembersPane: a conflicting save keeps the user's text and offers a
// reload; on PostgreSQL, a lost connection keeps the text too and saving works after reconnect.
#include "communitywriter.h"
#include "duplicatesdialog.h"
#include "engagementsettingsdialog.h"
#include "erasememberdialog.h"
#include "memberdialog.h"
#include "memberjournal.h"
#include "memberrepository.h"
#include "membersmodel.h"
#include "memberspane.h"
#include "mergemembersdialog.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "tablesnapshot.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

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
    void demoCommunityShowsLevelsAndExplanation();
    void editsUndoAndRedoThroughTheWindowStack();
    void engagementRecomputesOffTheGuiThread();
    void dialogsRender();

private:
    // Replaces the one-member database with a demo community and opens the pane on it.
    void openDemo();
    // Saves a picture of the widget when WATERCOOLER_SCREENSHOTS names a folder (to look at).
    static void keepPicture(QWidget *widget, const QString &name);
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

void tst_MembersPane::openDemo()
{
    m_pane.reset();
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    DemoGenerator::Options options = TestDatabase::demoOptions();
    options.members = 120;
    options.posts = 1500;
    QVERIFY2(m_db->fillDemo(options), qPrintable(m_db->errorString()));
    m_pane = std::make_unique<MembersPane>(m_db->database());
    m_pane->resize(1400, 820);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
}

void tst_MembersPane::keepPicture(QWidget *widget, const QString &name)
{
    const QImage image = widget->grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 200 && image.height() > 100);
    const QString folder = qEnvironmentVariable("WATERCOOLER_SCREENSHOTS");
    if (!folder.isEmpty())
        QVERIFY(image.save(QDir(folder).filePath(name + QStringLiteral(".png"))));
}

void tst_MembersPane::demoCommunityShowsLevelsAndExplanation()
{
    openDemo();
    auto *table = m_pane->findChild<QTableView *>(QStringLiteral("membersTable"));
    auto *detail = m_pane->findChild<QTextBrowser *>(QStringLiteral("memberDetail"));
    // The most engaged first, as a community manager would look at them.
    table->sortByColumn(MembersModel::LevelColumn, Qt::DescendingOrder);
    table->selectRow(0);
    const QString name = table->model()->index(0, MembersModel::NameColumn).data().toString();
    QTRY_VERIFY(detail->toPlainText().startsWith(name)
                && detail->toPlainText().contains(QLatin1String("Score")));
    const QString text = detail->toPlainText();
    const QString level = table->model()->index(0, MembersModel::LevelColumn).data().toString();
    QVERIFY2(text.contains(QStringLiteral("Engagement: %1").arg(level)), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("Replies")));
    QVERIFY(text.contains(QLatin1String("Identities")));
    QVERIFY(!text.contains(QLatin1String("still shows"))); // stored and explained agree
    keepPicture(m_pane.get(), QStringLiteral("members-pane"));

    // The level filter shows one level only, straight from SQL.
    auto *levels = m_pane->findChild<QComboBox *>(QStringLiteral("levelFilter"));
    const int leading = levels->findData(int(EngagementFormula::Level::Leading));
    QVERIFY(leading > 0);
    levels->setCurrentIndex(leading);
    const qint64 expected = m_db->count(
        QStringLiteral("SELECT COUNT(*) FROM members WHERE engagement_level = 4"));
    QVERIFY(expected > 0);
    while (table->model()->canFetchMore({}))
        table->model()->fetchMore({});
    QCOMPARE(table->model()->rowCount(), int(expected));
}

void tst_MembersPane::editsUndoAndRedoThroughTheWindowStack()
{
    openDemo();
    QUndoStack stack;
    m_pane->setUndoStack(&stack);
    auto *table = m_pane->findChild<QTableView *>(QStringLiteral("membersTable"));
    // The model is checked while rows are fetched, reset by merges and filtered.
    QAbstractItemModelTester tester(table->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QVariantList rows = m_db->column(
        QStringLiteral("SELECT id FROM members ORDER BY post_count DESC, id LIMIT 3"));
    const QList<qint64> ids{rows.at(0).toLongLong(),
                            rows.at(1).toLongLong(),
                            rows.at(2).toLongLong()};
    const auto before = TableSnapshot::take(m_db->connectionName());
    const int shown = table->model()->rowCount();

    QVERIFY(m_pane->tag(ids, QStringLiteral("ambassador"), true));
    QVERIFY(m_pane->merge(ids.at(0), ids.mid(1)));
    QCOMPARE(stack.count(), 2);
    QCOMPARE(stack.undoText(),
             QStringLiteral("Merge 2 member(s) into %1")
                 .arg(MemberRepository(m_db->connectionName()).detail(ids.at(0)).row.name));
    QCOMPARE(table->model()->rowCount(), shown - 2); // read again, two members fewer
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM member_journal")), 1);

    stack.undo();
    stack.undo();
    const QString difference = TableSnapshot::difference(before,
                                                         TableSnapshot::take(
                                                             m_db->connectionName()));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    stack.redo();
    stack.redo();
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members WHERE id IN (?, ?)"),
                         {ids.at(1), ids.at(2)}),
             0);
    auto *filter = m_pane->findChild<QLineEdit *>(QStringLiteral("membersFilter"));
    filter->setText(QStringLiteral("ambassador"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    stack.undo();
    QTRY_COMPARE(table->model()->rowCount(), 3);
    m_pane.reset(); // before the stack it uses
}

void tst_MembersPane::engagementRecomputesOffTheGuiThread()
{
    openDemo();
    SqlQuery::execDirect(m_db->connectionName(),
                         QStringLiteral("UPDATE members SET engagement_level = 4, "
                                        "engagement_score = 999"));
    QSignalSpy done(m_pane.get(), &MembersPane::engagementRecomputed);
    m_pane->recomputeEngagement(false);
    // The call returns at once: the run reports through the event loop, never before.
    QCOMPARE(done.count(), 0);
    // It may queue behind a run the pane began on its own (levels a day old).
    QTRY_VERIFY_WITH_TIMEOUT(done.count() >= 1 && !m_pane->isRecomputing(), 30000);
    // Computed for today, long after the demo's last post: everybody is inactive now.
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members WHERE engagement_score = "
                                        "999 OR engagement_level <> 0")),
             0);
    const QDateTime asOf = EngagementCalculator(m_db->connectionName()).lastAsOf();
    QVERIFY(qAbs(asOf.secsTo(QDateTime::currentDateTimeUtc())) < 120);
}

void tst_MembersPane::dialogsRender()
{
    openDemo();
    EngagementFormula formula;
    EngagementSettingsDialog settings(formula);
    settings.show();
    QVERIFY(QTest::qWaitForWindowExposed(&settings));
    auto *summary = settings.findChild<QLabel *>(QStringLiteral("formulaSummary"));
    QVERIFY(summary->text().contains(QLatin1String("90")));
    auto *threshold = settings.findChild<QDoubleSpinBox *>(QStringLiteral("threshold0"));
    threshold->setValue(500); // above Contributing: not allowed
    QVERIFY(!settings.formula().problem().isEmpty());
    threshold->setValue(5);
    QCOMPARE(settings.formula(), formula);
    keepPicture(&settings, QStringLiteral("engagement-settings"));

    const QList<MemberRepository::Row> rows{MemberRepository(m_db->connectionName()).detail(1).row,
                                            MemberRepository(m_db->connectionName()).detail(2).row};
    MergeMembersDialog merge(rows, QStringLiteral("same e-mail address ada@example.org"));
    merge.show();
    QVERIFY(QTest::qWaitForWindowExposed(&merge));
    QVERIFY(merge.keptMember() > 0);
    QCOMPARE(merge.otherMembers().size(), 1);
    keepPicture(&merge, QStringLiteral("merge-members"));

    EraseMemberDialog erase(rows.at(0).name, rows.at(0).posts);
    erase.show();
    QVERIFY(QTest::qWaitForWindowExposed(&erase));
    QCOMPARE(erase.posts(), MemberEditor::ErasePosts::KeepAsDeletedMember);
    keepPicture(&erase, QStringLiteral("erase-member"));

    // Two members with one address, so there is something to suggest.
    SqlQuery::execDirect(m_db->connectionName(),
                         QStringLiteral("UPDATE members SET email = 'twin@example.org' WHERE id "
                                        "IN (1, 2)"));
    DuplicatesDialog duplicates(m_db->database());
    QSignalSpy shown(&duplicates, &DuplicatesDialog::suggestionsShown);
    duplicates.show();
    QVERIFY(QTest::qWaitForWindowExposed(&duplicates));
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
    auto *list = duplicates.findChild<QTreeWidget *>(QStringLiteral("duplicatesList"));
    QVERIFY(list->topLevelItemCount() > 0);
    QVERIFY(list->topLevelItem(0)->text(1).contains(QLatin1String("twin@example.org")));
    QCOMPARE(duplicates.chosen().memberIds, (QList<qint64>{1, 2}));
    keepPicture(&duplicates, QStringLiteral("duplicates"));

    // Adding asks for a handle and its source too; a handle needs a source.
    MemberDialog add({}, true, {QStringLiteral("Community forum"), QStringLiteral("Mastodon")});
    add.show();
    QVERIFY(QTest::qWaitForWindowExposed(&add));
    auto *ok = add.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    add.findChild<QLineEdit *>(QStringLiteral("memberName"))->setText(QStringLiteral("Grace"));
    QVERIFY(ok->isEnabled());
    add.findChild<QLineEdit *>(QStringLiteral("memberHandle"))->setText(QStringLiteral("@grace"));
    auto *source = add.findChild<QComboBox *>(QStringLiteral("memberSource"));
    source->setCurrentText(QString());
    QVERIFY(!ok->isEnabled());
    source->setCurrentIndex(1);
    QVERIFY(ok->isEnabled());
    QCOMPARE(add.fields().source, QStringLiteral("Mastodon"));
    QCOMPARE(add.fields().handle, QStringLiteral("@grace"));
    keepPicture(&add, QStringLiteral("add-member"));
    MemberDialog edit({QStringLiteral("Grace"), {}}, false);
    QVERIFY(!edit.findChild<QLineEdit *>(QStringLiteral("memberHandle")));
}

QTEST_MAIN(tst_MembersPane)
#include "tst_memberspane.moc"
