// Tests FeedDateParser against the date vectors of the feedparser and gofeed test suites.
#include "feeddateparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

namespace {

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString conformancePath(const QString &relative)
{
    return QStringLiteral(WATERCOOLER_CONFORMANCE_DIR "/") + relative;
}

QString notFollowedKey(const QString &parser, const QString &input)
{
    return parser + QLatin1Char('|') + input;
}

} // namespace

class TestFeedDateParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void feedparserVectors_data();
    void feedparserVectors();
    void gofeedVectors_data();
    void gofeedVectors();
    void notFollowedHaveReasons();
    void handwritten_data();
    void handwritten();
};

void TestFeedDateParser::initTestCase()
{
    QVERIFY2(QFile::exists(
                 conformancePath(QStringLiteral("feedparser/derived/date_parser_vectors.json"))),
             "the conformance corpus is missing");
}

void TestFeedDateParser::feedparserVectors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QDateTime>("expected");

    QSet<QString> notFollowed;
    const QJsonObject skipped = readJson(
        QStringLiteral(WATERCOOLER_TEST_DATA_DIR "/date_vectors_not_followed.json"));
    for (const QJsonValue &v : skipped.value(QLatin1String("vectors")).toArray()) {
        const QJsonObject o = v.toObject();
        notFollowed.insert(notFollowedKey(o.value(QLatin1String("parser")).toString(),
                                          o.value(QLatin1String("input")).toString()));
    }

    const QJsonObject root = readJson(
        conformancePath(QStringLiteral("feedparser/derived/date_parser_vectors.json")));
    int index = 0;
    for (const QJsonValue &v : root.value(QLatin1String("vectors")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString parser = o.value(QLatin1String("parser")).toString();
        const QString input = o.value(QLatin1String("input")).toString();
        ++index;
        if (notFollowed.contains(notFollowedKey(parser, input)))
            continue;
        QDateTime expected;
        const QJsonArray t = o.value(QLatin1String("expected_utc_struct_time")).toArray();
        if (!t.isEmpty()) {
            expected = QDateTime(QDate(t.at(0).toInt(), t.at(1).toInt(), t.at(2).toInt()),
                                 QTime(t.at(3).toInt(), t.at(4).toInt(), t.at(5).toInt()),
                                 Qt::UTC);
        }
        QTest::addRow("%d %s: %s", index, qPrintable(parser), qPrintable(input))
            << input << expected;
    }
}

void TestFeedDateParser::feedparserVectors()
{
    QFETCH(QString, input);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = FeedDateParser::parse(input);
    if (!expected.isValid()) {
        QVERIFY2(!parsed.isValid(), qPrintable(parsed.toString(Qt::ISODate)));
        return;
    }
    QVERIFY(parsed.isValid());
    QCOMPARE(parsed.timeSpec(), Qt::UTC);
    QCOMPARE(parsed, expected);
}

void TestFeedDateParser::gofeedVectors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QDateTime>("expected");
    const QJsonObject root = readJson(
        conformancePath(QStringLiteral("gofeed/derived/date_vectors.json")));
    int index = 0;
    for (const QJsonValue &v : root.value(QLatin1String("vectors")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString input = o.value(QLatin1String("input")).toString();
        QDateTime expected = QDateTime::fromString(o.value(QLatin1String("expected_utc")).toString(),
                                                   QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        expected.setTimeSpec(Qt::UTC);
        QTest::addRow("%d: %s", ++index, qPrintable(input)) << input << expected;
    }
    QVERIFY(index > 0);
}

void TestFeedDateParser::gofeedVectors()
{
    QFETCH(QString, input);
    QFETCH(QDateTime, expected);
    QCOMPARE(FeedDateParser::parse(input), expected);
}

void TestFeedDateParser::notFollowedHaveReasons()
{
    const QJsonObject skipped = readJson(
        QStringLiteral(WATERCOOLER_TEST_DATA_DIR "/date_vectors_not_followed.json"));
    const QJsonArray vectors = skipped.value(QLatin1String("vectors")).toArray();
    QVERIFY(!vectors.isEmpty());
    for (const QJsonValue &v : vectors)
        QVERIFY(!v.toObject().value(QLatin1String("reason")).toString().isEmpty());
}

void TestFeedDateParser::handwritten_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QDateTime>("expected");
    const auto utc = [](int y, int mo, int d, int h, int mi, int s) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
    };
    QTest::newRow("no weekday") << QStringLiteral("02 Jan 2006 15:04:05 +0100")
                                << utc(2006, 1, 2, 14, 4, 5);
    QTest::newRow("military Z") << QStringLiteral("Mon, 02 Jan 2006 15:04:05 Z")
                                << utc(2006, 1, 2, 15, 4, 5);
    QTest::newRow("military A") << QStringLiteral("Mon, 02 Jan 2006 15:04:05 A")
                                << utc(2006, 1, 2, 14, 4, 5);
    QTest::newRow("military N") << QStringLiteral("Mon, 02 Jan 2006 15:04:05 N")
                                << utc(2006, 1, 2, 16, 4, 5);
    QTest::newRow("CET") << QStringLiteral("Mon, 02 Jan 2006 15:04:05 CET")
                         << utc(2006, 1, 2, 14, 4, 5);
    QTest::newRow("missing zone") << QStringLiteral("Mon, 02 Jan 2006 15:04:05")
                                  << utc(2006, 1, 2, 15, 4, 5);
    QTest::newRow("minutes only") << QStringLiteral("2006-01-02T15:04+02:00")
                                  << utc(2006, 1, 2, 13, 4, 0);
    QTest::newRow("offset without colon")
        << QStringLiteral("2006-01-02T15:04:05+0200") << utc(2006, 1, 2, 13, 4, 5);
    QTest::newRow("asctime") << QStringLiteral("Mon Jan  2 15:04:05 2006")
                             << utc(2006, 1, 2, 15, 4, 5);
    // The common forms read by the fast path, next to their near misses read by the others.
    QTest::newRow("rfc 822 gmt") << QStringLiteral("Sun, 01 Mar 2026 09:30:00 GMT")
                                 << utc(2026, 3, 1, 9, 30, 0);
    QTest::newRow("rfc 822 negative offset")
        << QStringLiteral("Sun, 01 Mar 2026 23:30:00 -0800") << utc(2026, 3, 2, 7, 30, 0);
    QTest::newRow("rfc 822 lower case")
        << QStringLiteral("sun, 01 mar 2026 09:30:00 +0100") << utc(2026, 3, 1, 8, 30, 0);
    QTest::newRow("rfc 822 no such day")
        << QStringLiteral("Sat, 29 Feb 2025 10:00:00 +0000") << QDateTime();
    QTest::newRow("rfc 822 bad offset")
        << QStringLiteral("Sun, 01 Mar 2026 09:30:00 +2500") << QDateTime();
    QTest::newRow("iso fraction and offset")
        << QStringLiteral("2026-03-01T09:30:00.123-05:30") << utc(2026, 3, 1, 15, 0, 0);
    QTest::newRow("iso hour 24") << QStringLiteral("2026-02-28T24:00:00Z")
                                 << utc(2026, 3, 1, 0, 0, 0);
    QTest::newRow("iso no such month") << QStringLiteral("2026-13-01T09:30:00Z") << QDateTime();
    QTest::newRow("iso space before zone")
        << QStringLiteral("2026-03-01T09:30:00 Z") << utc(2026, 3, 1, 9, 30, 0);
    QTest::newRow("garbage") << QStringLiteral("yesterday") << QDateTime();
    QTest::newRow("empty") << QString() << QDateTime();
}

void TestFeedDateParser::handwritten()
{
    QFETCH(QString, input);
    QFETCH(QDateTime, expected);
    QCOMPARE(FeedDateParser::parse(input), expected);
}

QTEST_GUILESS_MAIN(TestFeedDateParser)
#include "tst_feeddateparser.moc"
