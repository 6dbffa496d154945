// Tests CommunityCopyTask: a copy off the GUI thread, the question before a full target, cancel.
#include "communitycopytask.h"
#include "database.h"
#include "demogenerator.h"
#include "rawsqlite.h"
#include "testdatabase.h"

#include <QFileInfo>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

class tst_CommunityCopyTask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void copiesIntoNewFile();
    void asksBeforeReplacing();
    void cancelWritesNothing();

private:
    [[nodiscard]] QString path(const QString &name) const { return m_dir.filePath(name); }
    [[nodiscard]] static qint64 count(const QString &file, const QString &table);

    QTemporaryDir m_dir;
    DatabaseLocation m_source;
    QWidget m_window;
};

qint64 tst_CommunityCopyTask::count(const QString &file, const QString &table)
{
    RawSqlite raw(file);
    return raw.scalar(QStringLiteral("SELECT COUNT(*) FROM ") + table).toLongLong();
}

void tst_CommunityCopyTask::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_source = DatabaseLocation::sqlite(path(QStringLiteral("source.sqlite")));
    Database source(m_source);
    source.open();
    DemoGenerator::Options options = TestDatabase::demoOptions();
    options.members = 300;
    options.posts = 4000;
    options.discussions = 200;
    DemoGenerator(options).generate(source.connectionName());
}

void tst_CommunityCopyTask::copiesIntoNewFile()
{
    const DatabaseLocation target = DatabaseLocation::sqlite(path(QStringLiteral("copy.sqlite")));
    CommunityCopyTask task(m_source, target, &m_window);
    QSignalSpy copied(&task, &CommunityCopyTask::copied);
    QSignalSpy finished(&task, &CommunityCopyTask::finished);
    task.start();
    QVERIFY(task.progressDialog());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(copied.count(), 1);
    QVERIFY(copied.constFirst().constFirst().toLongLong() > 4000);
    QVERIFY(!task.isRunning());
    QCOMPARE(count(target.filePath, QStringLiteral("posts")),
             count(m_source.filePath, QStringLiteral("posts")));
}

void tst_CommunityCopyTask::asksBeforeReplacing()
{
    const DatabaseLocation target = DatabaseLocation::sqlite(path(QStringLiteral("full.sqlite")));
    {
        Database full(target);
        full.open();
        DemoGenerator::Options options = TestDatabase::demoOptions();
        options.members = 5;
        options.posts = 10;
        options.seed = 42;
        DemoGenerator(options).generate(full.connectionName());
    }
    const qint64 membersBefore = count(target.filePath, QStringLiteral("members"));

    // Declined: nothing copied, the target keeps its community.
    QList<QString> asked;
    {
        CommunityCopyTask task(m_source, target, &m_window);
        task.setConfirmReplace([&](const DatabaseLocation &location) {
            asked << location.filePath;
            return false;
        });
        QSignalSpy copied(&task, &CommunityCopyTask::copied);
        QSignalSpy finished(&task, &CommunityCopyTask::finished);
        task.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(copied.count(), 0);
    }
    QCOMPARE(asked, QList<QString>{target.filePath});
    QCOMPARE(count(target.filePath, QStringLiteral("members")), membersBefore);

    // Confirmed: replaced by the source's community.
    CommunityCopyTask task(m_source, target, &m_window);
    task.setConfirmReplace([](const DatabaseLocation &) { return true; });
    QSignalSpy copied(&task, &CommunityCopyTask::copied);
    QSignalSpy finished(&task, &CommunityCopyTask::finished);
    task.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(copied.count(), 1);
    QCOMPARE(count(target.filePath, QStringLiteral("members")),
             count(m_source.filePath, QStringLiteral("members")));
}

void tst_CommunityCopyTask::cancelWritesNothing()
{
    const DatabaseLocation target = DatabaseLocation::sqlite(path(QStringLiteral("cancel.sqlite")));
    CommunityCopyTask task(m_source, target, &m_window);
    QSignalSpy cancelled(&task, &CommunityCopyTask::cancelled);
    QSignalSpy finished(&task, &CommunityCopyTask::finished);
    task.start();
    // As if the user pressed Cancel.
    auto *cancel = task.progressDialog()->findChild<QPushButton *>();
    QVERIFY(cancel);
    cancel->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!QFileInfo::exists(target.filePath));
}

QTEST_MAIN(tst_CommunityCopyTask)
#include "tst_communitycopytask.moc"
