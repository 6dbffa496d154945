// Tests FrameworkRepository: installing a framework once or twice gives one row per competency.
#include "framework.h"
#include "frameworkrepository.h"
#include "testdatabase.h"

#include <QTest>

class tst_FrameworkRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void installStoresEverything();
    void installTwiceIsIdempotent();
};

void tst_FrameworkRepository::installStoresEverything()
{
    TestDatabase db;
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    const QList<Framework> frameworks = Framework::builtIn();
    QVERIFY(!frameworks.isEmpty());
    FrameworkRepository repository(db.connectionName());
    for (const Framework &framework : frameworks)
        QVERIFY(repository.install(framework) > 0);

    QCOMPARE(repository.list().size(), frameworks.size());
    for (const Framework &framework : frameworks) {
        const qint64 id = repository.idForKey(framework.key);
        QVERIFY(id > 0);
        QCOMPARE(db.count(QStringLiteral(
                              "SELECT COUNT(*) FROM framework_stages WHERE framework_id = ?"),
                          {id}),
                 framework.stages.size());
        QCOMPARE(db.count(QStringLiteral(
                              "SELECT COUNT(*) FROM competencies WHERE framework_id = ?"),
                          {id}),
                 framework.competencies.size());
        QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM competency_criteria cc JOIN "
                                         "competencies c ON c.id = cc.competency_id WHERE "
                                         "c.framework_id = ?"),
                          {id}),
                 framework.competencies.size() * framework.stages.size());
        // Competencies keep the order of the definition.
        const QVariantList names = db.column(
            QStringLiteral(
                "SELECT name FROM competencies WHERE framework_id = ? ORDER BY position"),
            {id});
        QCOMPARE(names.size(), framework.competencies.size());
        for (qsizetype i = 0; i < names.size(); ++i)
            QCOMPARE(names.at(i).toString(), framework.competencies.at(i).name);
    }
    QCOMPARE(repository.idForKey(QStringLiteral("no-such-framework")), 0);
}

void tst_FrameworkRepository::installTwiceIsIdempotent()
{
    TestDatabase db;
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    Framework cmm = Framework::builtIn().constFirst();
    QCOMPARE(cmm.key, QStringLiteral("cmm"));

    FrameworkRepository repository(db.connectionName());
    const qint64 firstId = repository.install(cmm);
    const qint64 competenciesBefore = db.count(QStringLiteral("SELECT COUNT(*) FROM competencies"));
    const qint64 criteriaBefore = db.count(
        QStringLiteral("SELECT COUNT(*) FROM competency_criteria"));

    // A newer definition of the same framework: same keys, one renamed competency.
    cmm.competencies[1].name = QStringLiteral("Leadership and Sponsorship");
    cmm.competencies[1].criteria[2] = QStringLiteral("Executives sponsor the community.");
    const qint64 secondId = repository.install(cmm);

    QCOMPARE(secondId, firstId);
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM frameworks WHERE key = 'cmm'")), 1);
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM competencies")), competenciesBefore);
    QCOMPARE(db.count(QStringLiteral("SELECT COUNT(*) FROM competency_criteria")), criteriaBefore);
    QCOMPARE(db.count(QStringLiteral(
                          "SELECT COUNT(*) FROM framework_stages WHERE framework_id = ?"),
                      {firstId}),
             cmm.stages.size());
    // One row per competency, whatever the number of installs.
    QCOMPARE(db.count(QStringLiteral(
                          "SELECT COUNT(*) FROM (SELECT key FROM competencies WHERE "
                          "framework_id = ? GROUP BY key HAVING COUNT(*) > 1) AS doubles"),
                      {firstId}),
             0);
    QCOMPARE(db.scalar(QStringLiteral("SELECT name FROM competencies WHERE framework_id = ? AND "
                                      "key = ?"),
                       {firstId, cmm.competencies.at(1).key})
                 .toString(),
             QStringLiteral("Leadership and Sponsorship"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT cc.description FROM competency_criteria cc JOIN "
                                      "competencies c ON c.id = cc.competency_id WHERE c.key = ? "
                                      "AND cc.stage_level = ?"),
                       {cmm.competencies.at(1).key, cmm.stages.at(2).level})
                 .toString(),
             QStringLiteral("Executives sponsor the community."));
}

QTEST_GUILESS_MAIN(tst_FrameworkRepository)
#include "tst_frameworkrepository.moc"
