// Tests TranscriptDialog on both backends: pasted text with the detected format, the override,
// a file, who said what, problems by line, and the import as one discussion.
#include "testdatabase.h"
#include "transcriptdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

namespace {

QPushButton *importButton(const QDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

QString cell(const QDialog &dialog, int row, int column)
{
    const auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("messageTable"));
    return table->item(row, column) ? table->item(row, column)->text() : QString();
}

QString detected(const QDialog &dialog)
{
    return dialog.findChild<QLabel *>(QStringLiteral("detectedLabel"))->text();
}

void screenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("WATERCOOLER_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

const QString tweets = QStringLiteral(
    "12. Ada Lovelaceadal\n@charlesb thanks for the #notes RT @mary_s: great\n"
    "13. Charles Babbage charlesb\nRT @adal: @charlesb thanks for the #notes RT @mary_s: great\n"
    "14. Mary Smithmary_s\nlike#tag\u00A0and RT @a@b\n");

} // namespace

class tst_TranscriptDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pastedTweets();
    void typingParsesAfterAPause();
    void formatOverride();
    void zoomFile();
    void unreadableFile();
    void importsOneDiscussion();

private:
    std::unique_ptr<TestDatabase> m_db;
};

void tst_TranscriptDialog::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void tst_TranscriptDialog::cleanup()
{
    m_db.reset();
}

void tst_TranscriptDialog::pastedTweets()
{
    TranscriptDialog dialog(m_db->database());
    QVERIFY(!importButton(dialog)->isEnabled());
    dialog.setTitle(QStringLiteral("Notes thread"));
    dialog.setText(tweets);
    dialog.show();
    QCOMPARE(detected(dialog), QStringLiteral("Detected: List of tweets"));
    QCOMPARE(dialog.transcript().messages.size(), 3);
    QCOMPARE(cell(dialog, 0, 0), QStringLiteral("1"));
    QCOMPARE(cell(dialog, 0, 2), QStringLiteral("Ada Lovelace (@adal)"));
    QCOMPARE(cell(dialog, 1, 2), QStringLiteral("Charles Babbage (@charlesb)"));
    QVERIFY(cell(dialog, 1, 3).startsWith(QStringLiteral("[repost of @adal]")));
    QCOMPARE(cell(dialog, 2, 2), QStringLiteral("Mary Smith (@mary_s)"));
    QVERIFY(importButton(dialog)->isEnabled());
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("sourceEdit"))->placeholderText(),
             QStringLiteral("twitter"));
    screenshot(dialog, QStringLiteral("transcriptdialog-tweets"));
}

void tst_TranscriptDialog::typingParsesAfterAPause()
{
    TranscriptDialog dialog(m_db->database());
    QSignalSpy parsed(&dialog, &TranscriptDialog::parsed);
    auto *text = dialog.findChild<QPlainTextEdit *>(QStringLiteral("transcriptText"));
    QTest::keyClicks(text, QStringLiteral("Ada: hello"));
    QTRY_VERIFY(parsed.count() >= 1);
    QCOMPARE(detected(dialog), QStringLiteral("Detected: \"Name: text\" lines"));
    QCOMPARE(cell(dialog, 0, 2), QStringLiteral("Ada"));
    QCOMPARE(cell(dialog, 0, 3), QStringLiteral("hello"));
}

void tst_TranscriptDialog::formatOverride()
{
    TranscriptDialog dialog(m_db->database());
    dialog.setText(QStringLiteral("1. Ada Lovelace adal\nnote: hi\n"));
    QCOMPARE(cell(dialog, 0, 2), QStringLiteral("Ada Lovelace (@adal)"));
    auto *format = dialog.findChild<QComboBox *>(QStringLiteral("formatBox"));
    format->setCurrentIndex(format->findData(int(TranscriptParser::Format::Lines)));
    QCOMPARE(detected(dialog),
             QStringLiteral("Read as: \"Name: text\" lines (detected: List of tweets)"));
    QCOMPARE(dialog.transcript().messages.size(), 1);
    QCOMPARE(cell(dialog, 0, 2), QStringLiteral("note"));
    const auto *problems = dialog.findChild<QListWidget *>(QStringLiteral("problemList"));
    QCOMPARE(problems->count(), 1);
    QVERIFY(problems->item(0)->text().startsWith(QStringLiteral("Line 1:")));
}

void tst_TranscriptDialog::zoomFile()
{
    const QString path = m_db->dirPath() + QStringLiteral("/Community call.txt");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("10:00:01 From Ada Lovelace to Everyone: Hello all\n"
               "10:00:09 From Bob to Ada Lovelace(Direct Message): psst\n"
               "10:00:30\tCharles Babbage:\tHi \xC3\xA0 tous\n");
    file.close();
    TranscriptDialog dialog(m_db->database());
    QVERIFY(dialog.loadFile(path));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("titleEdit"))->text(),
             QStringLiteral("Community call"));
    QCOMPARE(detected(dialog), QStringLiteral("Detected: Zoom chat"));
    QCOMPARE(cell(dialog, 0, 1), QStringLiteral("10:00:01"));
    QCOMPARE(cell(dialog, 1, 3), QStringLiteral("Hi à tous"));
    const auto *problems = dialog.findChild<QListWidget *>(QStringLiteral("problemList"));
    QCOMPARE(problems->count(), 1);
    QVERIFY(problems->item(0)->text().startsWith(QStringLiteral("Line 2: A private message")));
    dialog.show();
    screenshot(dialog, QStringLiteral("transcriptdialog-zoom"));
}

void tst_TranscriptDialog::unreadableFile()
{
    const QString path = m_db->dirPath() + QStringLiteral("/binary.txt");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("\x00\x01\x02\x03", 4));
    file.close();
    TranscriptDialog dialog(m_db->database());
    QVERIFY(!dialog.loadFile(path));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("statusLabel"))
                ->text()
                .contains(QStringLiteral("not a text file")));
    QVERIFY(!importButton(dialog)->isEnabled());
}

void tst_TranscriptDialog::importsOneDiscussion()
{
    TranscriptDialog dialog(m_db->database());
    dialog.setTitle(QStringLiteral("Notes thread"));
    dialog.setText(tweets);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(importButton(dialog), Qt::LeftButton);
    QTRY_COMPARE(accepted.count(), 1);
    QVERIFY(dialog.summary().contains(QStringLiteral("Notes thread")));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions WHERE title = 'Notes "
                                        "thread'")),
             1);
    // Charles's retweet replies to Ada's post, which the list shows.
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 3);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE parent_id IS NOT NULL")),
             1);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM mentions m JOIN members x ON x.id = "
                                        "m.member_id WHERE x.display_name = 'Mary Smith'")),
             2);
}

QTEST_MAIN(tst_TranscriptDialog)
#include "tst_transcriptdialog.moc"
