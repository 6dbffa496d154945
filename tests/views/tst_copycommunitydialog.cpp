// Tests CopyCommunityDialog: the Copy button follows the fields, and the target they describe.
#include "copycommunitydialog.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

class tst_CopyCommunityDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileTarget();
    void serverTarget();
};

namespace {

QPushButton *okButton(const CopyCommunityDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

void tst_CopyCommunityDialog::fileTarget()
{
    CopyCommunityDialog dialog(DatabaseLocation::sqlite(QStringLiteral("/tmp/source.sqlite")));
    QVERIFY(!okButton(dialog)->isEnabled());
    dialog.setFilePath(QStringLiteral("/tmp/copy.sqlite"));
    QVERIFY(okButton(dialog)->isEnabled());
    const DatabaseLocation target = dialog.target();
    QVERIFY(target.isSqlite());
    QCOMPARE(target.filePath, QStringLiteral("/tmp/copy.sqlite"));
}

void tst_CopyCommunityDialog::serverTarget()
{
    CopyCommunityDialog dialog(DatabaseLocation::sqlite(QStringLiteral("/tmp/source.sqlite")));
    auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    QVERIFY(url);
    QTest::keyClicks(url, QStringLiteral("not a url"));
    QVERIFY(dialog.findChild<QRadioButton *>(QStringLiteral("serverChoice"))->isChecked());
    QVERIFY(!okButton(dialog)->isEnabled());

    dialog.setUrl(QStringLiteral("postgresql://team:secret@db.example.org:5433/community"));
    QVERIFY(okButton(dialog)->isEnabled());
    const DatabaseLocation target = dialog.target();
    QCOMPARE(target.backend, DatabaseLocation::Backend::PostgreSql);
    QCOMPARE(target.host, QStringLiteral("db.example.org"));
    QCOMPARE(target.port, 5433);
    QCOMPARE(target.databaseName, QStringLiteral("community"));
    QCOMPARE(target.password, QStringLiteral("secret"));
}

QTEST_MAIN(tst_CopyCommunityDialog)
#include "tst_copycommunitydialog.moc"
