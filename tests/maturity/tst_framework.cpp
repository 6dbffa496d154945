// Tests Framework: the shipped definitions and the JSON reader's refusals.
#include "framework.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QJsonObject readJsonFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// A small valid framework; the refusal tests break one part of it at a time.
QJsonObject validFramework()
{
    const QJsonArray stages{QJsonObject{{QStringLiteral("level"), 1},
                                        {QStringLiteral("key"), QStringLiteral("start")},
                                        {QStringLiteral("name"), QStringLiteral("Start")}},
                            QJsonObject{{QStringLiteral("level"), 2},
                                        {QStringLiteral("key"), QStringLiteral("grown")},
                                        {QStringLiteral("name"), QStringLiteral("Grown")}}};
    const QJsonArray competencies{QJsonObject{{QStringLiteral("key"), QStringLiteral("care")},
                                              {QStringLiteral("name"), QStringLiteral("Care")},
                                              {QStringLiteral("criteria"),
                                               QJsonArray{QStringLiteral("Nobody cares."),
                                                          QStringLiteral("Everyone cares.")}}}};
    return {{QStringLiteral("key"), QStringLiteral("tiny")},
            {QStringLiteral("name"), QStringLiteral("Tiny Framework")},
            {QStringLiteral("stages"), stages},
            {QStringLiteral("competencies"), competencies}};
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_Framework : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInHasEveryShippedFramework();
    void builtInCmmMatchesItsFile();
    void fromJsonReadsValidFramework();
    void fromJsonRejects_data();
    void fromJsonRejects();
};

void tst_Framework::builtInHasEveryShippedFramework()
{
    const QStringList files = QDir(QStringLiteral(WATERCOOLER_FRAMEWORKS_DIR))
                                  .entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(!files.isEmpty());
    const QList<Framework> frameworks = Framework::builtIn();
    // A shipped file that does not parse would silently go missing here.
    QCOMPARE(frameworks.size(), files.size());
    QCOMPARE(frameworks.constFirst().key, QStringLiteral("cmm"));
    QStringList keys;
    for (const Framework &framework : frameworks)
        keys << framework.key;
    keys.removeDuplicates();
    QCOMPARE(keys.size(), frameworks.size());
}

void tst_Framework::builtInCmmMatchesItsFile()
{
    const QJsonObject json = readJsonFile(QStringLiteral(WATERCOOLER_FRAMEWORKS_DIR "/cmm.json"));
    QVERIFY(!json.isEmpty());
    const Framework cmm = Framework::builtIn().constFirst();

    QCOMPARE(cmm.key, QStringLiteral("cmm"));
    QCOMPARE(cmm.name, json.value(QLatin1String("name")).toString());
    QCOMPARE(cmm.stages.size(), 4);
    QCOMPARE(cmm.competencies.size(), 8);

    const QJsonArray stages = json.value(QLatin1String("stages")).toArray();
    QCOMPARE(cmm.stages.size(), stages.size());
    for (qsizetype i = 0; i < stages.size(); ++i) {
        const QJsonObject stage = stages.at(i).toObject();
        QCOMPARE(cmm.stages.at(i).name, stage.value(QLatin1String("name")).toString());
        QCOMPARE(cmm.stages.at(i).level, stage.value(QLatin1String("level")).toInt());
    }
    const QJsonArray competencies = json.value(QLatin1String("competencies")).toArray();
    QCOMPARE(cmm.competencies.size(), competencies.size());
    for (qsizetype i = 0; i < competencies.size(); ++i) {
        const QJsonObject competency = competencies.at(i).toObject();
        const FrameworkCompetency &read = cmm.competencies.at(i);
        QCOMPARE(read.name, competency.value(QLatin1String("name")).toString());
        QCOMPARE(read.key, competency.value(QLatin1String("key")).toString());
        QCOMPARE(read.criteria.size(), cmm.stages.size());
        QCOMPARE(read.criteria.constFirst(),
                 competency.value(QLatin1String("criteria")).toArray().first().toString());
    }
}

void tst_Framework::fromJsonReadsValidFramework()
{
    QString error;
    const auto framework = Framework::fromJson(toJson(validFramework()), &error);
    QVERIFY2(framework.has_value(), qPrintable(error));
    QCOMPARE(framework->key, QStringLiteral("tiny"));
    QCOMPARE(framework->stages.size(), 2);
    QCOMPARE(framework->competencies.size(), 1);
    QCOMPARE(framework->competencies.constFirst().criteria,
             QStringList({QStringLiteral("Nobody cares."), QStringLiteral("Everyone cares.")}));
}

void tst_Framework::fromJsonRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("invalid JSON") << QByteArray("{\"key\": \"x\", ") << QStringLiteral("JSON");
    QTest::newRow("not JSON at all") << QByteArray("key = cmm") << QStringLiteral("JSON");

    QJsonObject noKey = validFramework();
    noKey.remove(QLatin1String("key"));
    QTest::newRow("missing key") << toJson(noKey) << QStringLiteral("key");

    QJsonObject noName = validFramework();
    noName.remove(QLatin1String("name"));
    QTest::newRow("missing name") << toJson(noName) << QStringLiteral("name");

    QJsonObject noStages = validFramework();
    noStages.remove(QLatin1String("stages"));
    QTest::newRow("no stages") << toJson(noStages) << QStringLiteral("stages");

    QJsonObject noCompetencies = validFramework();
    noCompetencies.insert(QLatin1String("competencies"), QJsonArray());
    QTest::newRow("no competencies") << toJson(noCompetencies) << QStringLiteral("competencies");

    for (const int count : {1, 3}) {
        QJsonObject wrongCriteria = validFramework();
        QJsonArray competencies = wrongCriteria.value(QLatin1String("competencies")).toArray();
        QJsonObject competency = competencies.first().toObject();
        QJsonArray criteria;
        for (int i = 0; i < count; ++i)
            criteria.append(QStringLiteral("Criterion %1").arg(i));
        competency.insert(QLatin1String("criteria"), criteria);
        competencies.replace(0, competency);
        wrongCriteria.insert(QLatin1String("competencies"), competencies);
        QTest::addRow("%d criteria for 2 stages", count)
            << toJson(wrongCriteria) << QStringLiteral("care");
    }

    QJsonObject unnamedCompetency = validFramework();
    QJsonArray competencies = unnamedCompetency.value(QLatin1String("competencies")).toArray();
    QJsonObject competency = competencies.first().toObject();
    competency.remove(QLatin1String("name"));
    competencies.replace(0, competency);
    unnamedCompetency.insert(QLatin1String("competencies"), competencies);
    QTest::newRow("competency without name") << toJson(unnamedCompetency) << QStringLiteral("tiny");
}

void tst_Framework::fromJsonRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, messagePart);

    QString error;
    const auto framework = Framework::fromJson(json, &error);
    QVERIFY(!framework.has_value());
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(messagePart, Qt::CaseInsensitive), qPrintable(error));
    // Callers that do not want the message may pass no error string.
    QVERIFY(!Framework::fromJson(json, nullptr).has_value());
}

QTEST_GUILESS_MAIN(tst_Framework)
#include "tst_framework.moc"
