// Tests CsvImportDialog on both backends: guessed columns, the preview and its problems with line
// numbers, a new mapping, the import, a cancel that stores nothing; and the File menu entries.
#include "csvimportdialog.h"
#include "mainwindow.h"
#include "testdatabase.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

namespace {

QPushButton *importButton(const QDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

QStringList problems(const QDialog &dialog)
{
    QStringList texts;
    const auto *list = dialog.findChild<QListWidget *>(QStringLiteral("problemList"));
    for (int i = 0; i < list->count(); ++i)
        texts << list->item(i)->text();
    return texts;
}

// Saves what the dialog looks like when WATERCOOLER_SCREENSHOT_DIR names a folder.
void screenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("WATERCOOLER_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class tst_CsvImportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void previewShowsRowsAndProblems();
    void newMappingPreviewsAgain();
    void importStoresAndAccepts();
    void unusableFileCannotBeImported();
    void cancelStoresNothing();
    void fileMenuOffersImportAndExport();

private:
    QString write(const QString &name, const QByteArray &contents) const;

    std::unique_ptr<TestDatabase> m_db;
};

void tst_CsvImportDialog::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void tst_CsvImportDialog::cleanup()
{
    m_db.reset();
}

QString tst_CsvImportDialog::write(const QString &name, const QByteArray &contents) const
{
    QFile file(m_db->dirPath() + QLatin1Char('/') + name);
    if (file.open(QIODevice::WriteOnly))
        file.write(contents);
    return file.fileName();
}

const QByteArray membersCsv("Full Name;Twitter;E-mail;Labels;City\r\n"
                            "Ada Lovelace;@adal;ada@example.org;core|speaker;London\r\n"
                            ";;;;\r\n"
                            "Charles Babbage;charlesb;not-mail;;London\r\n"
                            "\"Grace\nHopper\";grace_h;;core;Arlington\r\n");

void tst_CsvImportDialog::previewShowsRowsAndProblems()
{
    CsvImportDialog dialog(m_db->database(),
                           CsvImportDialog::Kind::Members,
                           write(QStringLiteral("members.csv"), membersCsv));
    QSignalSpy ready(&dialog, &CsvImportDialog::previewReady);
    dialog.show();
    QTRY_COMPARE(ready.count(), 1);
    QVERIFY(!dialog.isBusy());
    QCOMPARE(dialog.mapping(), (QList<int>{0, -1, -1, 2, 3}));
    QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("column0"))->currentText(),
             QStringLiteral("Full Name"));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("fileLabel"))
                ->text()
                .contains(QStringLiteral("UTF-8")));

    const auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("previewTable"));
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Ada Lovelace"));
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("core, speaker"));
    QCOMPARE(problems(dialog).size(), 2);
    QVERIFY(problems(dialog).at(0).startsWith(QStringLiteral("Line 3:")));
    QVERIFY(problems(dialog).at(1).startsWith(QStringLiteral("Line 4:")));
    QVERIFY(importButton(dialog)->isEnabled());
    screenshot(dialog, QStringLiteral("csvimportdialog-members"));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), 0);
}

void tst_CsvImportDialog::newMappingPreviewsAgain()
{
    CsvImportDialog dialog(m_db->database(),
                           CsvImportDialog::Kind::Members,
                           write(QStringLiteral("members.csv"), membersCsv));
    QSignalSpy ready(&dialog, &CsvImportDialog::previewReady);
    QTRY_COMPARE(ready.count(), 1);
    // The Twitter column holds handles, the e-mail column is left out.
    dialog.setMapping({0, 1, -1, -1, 3});
    QTRY_COMPARE(ready.count(), 2);
    QCOMPARE(dialog.preview().rowCount, 3);
    const auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("previewTable"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("csv:adal"));
    QCOMPARE(table->item(1, 3)->text(), QString());
    QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("column1"))->currentText(),
             QStringLiteral("Twitter"));
}

void tst_CsvImportDialog::importStoresAndAccepts()
{
    CsvImportDialog dialog(m_db->database(),
                           CsvImportDialog::Kind::Members,
                           write(QStringLiteral("members.csv"), membersCsv));
    QSignalSpy ready(&dialog, &CsvImportDialog::previewReady);
    QTRY_COMPARE(ready.count(), 1);
    dialog.setMapping({0, 1, -1, 2, 3});
    QTRY_COMPARE(ready.count(), 2);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(importButton(dialog), Qt::LeftButton);
    QTRY_COMPARE(accepted.count(), 1);
    QCOMPARE(dialog.result().rows, 2);
    QCOMPARE(dialog.result().skipped, 2);
    QVERIFY(dialog.summary().contains(QStringLiteral("2 created")));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), 2);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM identities WHERE kind = 'handle'")),
             2);
}

void tst_CsvImportDialog::unusableFileCannotBeImported()
{
    CsvImportDialog dialog(m_db->database(),
                           CsvImportDialog::Kind::Posts,
                           write(QStringLiteral("posts.csv"),
                                 "discussion,author,text\nWelcome,@ada,\"never closed\n"));
    QSignalSpy ready(&dialog, &CsvImportDialog::previewReady);
    dialog.show();
    QTRY_COMPARE(ready.count(), 1);
    QVERIFY(!importButton(dialog)->isEnabled());
    QCOMPARE(problems(dialog).size(), 1);
    QVERIFY2(problems(dialog).constFirst().startsWith(QStringLiteral("Line 2: a quoted field")),
             qPrintable(problems(dialog).constFirst()));
    screenshot(dialog, QStringLiteral("csvimportdialog-unusable"));
}

void tst_CsvImportDialog::cancelStoresNothing()
{
    QByteArray csv("id,discussion,author,time,text,parent\n");
    for (int i = 0; i < 20000; ++i)
        csv += QByteArray::number(i) + ",Topic " + QByteArray::number(i % 100) + ",@m"
               + QByteArray::number(i % 500) + ",2024-05-01T10:00:00Z,post " + QByteArray::number(i)
               + " for @m7 #tag,\n";
    CsvImportDialog dialog(m_db->database(),
                           CsvImportDialog::Kind::Posts,
                           write(QStringLiteral("big.csv"), csv));
    QSignalSpy ready(&dialog, &CsvImportDialog::previewReady);
    dialog.show();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
    QCOMPARE(dialog.preview().rowCount, 20000);
    QTest::mouseClick(importButton(dialog), Qt::LeftButton);
    QVERIFY(dialog.isBusy());
    // Cancel while it runs: the dialog stays and says that nothing was stored.
    dialog.reject();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 20000);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("statusLabel"))
                ->text()
                .contains(QStringLiteral("nothing was stored")));
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")), 0);
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), 0);
    QVERIFY(importButton(dialog)->isEnabled());
}

void tst_CsvImportDialog::fileMenuOffersImportAndExport()
{
    MainWindow window(std::make_unique<Database>(m_db->database().location()));
    QStringList names;
    for (const char *name : {"importMembersCsvAction",
                             "importPostsCsvAction",
                             "importTranscriptAction",
                             "exportMembersCsvAction",
                             "exportPostsCsvAction"}) {
        auto *action = window.findChild<QAction *>(QLatin1String(name));
        QVERIFY2(action, name);
        QVERIFY(action->isEnabled());
        names << action->text();
    }
    QCOMPARE(names,
             (QStringList{QStringLiteral("&Members CSV..."),
                          QStringLiteral("&Posts CSV..."),
                          QStringLiteral("Chat &Transcript..."),
                          QStringLiteral("&Members CSV..."),
                          QStringLiteral("&Posts CSV...")}));
    const auto *importMenu = window.findChild<QMenu *>(QStringLiteral("importMenu"));
    QVERIFY(importMenu);
    QCOMPARE(importMenu->title(), QStringLiteral("&Import"));
}

QTEST_MAIN(tst_CsvImportDialog)
#include "tst_csvimportdialog.moc"
