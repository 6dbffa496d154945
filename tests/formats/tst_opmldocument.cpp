// Tests OpmlDocument against the OPML conformance files and a write/read round trip.
#include "opmldocument.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>
#include <QTimeZone>

namespace {

QString conformancePath(const QString &relative)
{
    return QStringLiteral(WATERCOOLER_CONFORMANCE_DIR "/opml/") + relative;
}

QByteArray readConformanceFile(const QString &relative)
{
    QFile file(conformancePath(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return file.readAll();
}

int countOutlines(const QList<OpmlOutline> &outlines)
{
    int count = 0;
    for (const OpmlOutline &outline : outlines)
        count += 1 + countOutlines(outline.children);
    return count;
}

int countFeedOutlines(const QList<OpmlOutline> &outlines)
{
    int count = 0;
    for (const OpmlOutline &outline : outlines)
        count += (outline.xmlUrl.isEmpty() ? 0 : 1) + countFeedOutlines(outline.children);
    return count;
}

QStringList folderNames(const QList<OpmlOutline> &outlines)
{
    QStringList names;
    for (const OpmlOutline &outline : outlines) {
        if (outline.isFolder())
            names.append(outline.displayName());
        names += folderNames(outline.children);
    }
    return names;
}

} // namespace

class TestOpmlDocument final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validFiles_data();
    void validFiles();
    void invalidFiles_data();
    void invalidFiles();
    void hollloSample();
    void hollloEverything();
    void nodeOpmlParserOutline();
    void categoriesSplitOnCommas();
    void top100();
    void specFilesWithCrLineEndings();
    void realWorldLists_data();
    void realWorldLists();
    void feedsFlattenFoldersAndSkipDuplicates();
    void roundTrip_data();
    void roundTrip();
    void writeEscapesAttributes();
    void deepNestingIsCut();
};

void TestOpmlDocument::validFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("outlineCount");

    const QString samples = QStringLiteral("holllo-opml/opml_api/tests/samples/");
    QTest::newRow("minimum_valid_opml")
        << samples + QStringLiteral("minimum_valid_opml.opml") << QString() << 1;
    QTest::newRow("empty_docs") << samples + QStringLiteral("empty_docs.opml") << QString() << 1;
    QTest::newRow("valid_opml_1_0")
        << samples + QStringLiteral("valid_opml_1_0.opml") << QString() << -1;
    QTest::newRow("valid_opml_with_everything")
        << samples + QStringLiteral("valid_opml_with_everything.opml") << QString() << -1;
    QTest::newRow("invalid_opml_version_1_0 (1.0 is accepted)")
        << samples + QStringLiteral("invalid_opml_version_1_0.opml") << QString() << -1;
    QTest::newRow("invalid_opml_version_1_1 (1.1 is accepted)")
        << samples + QStringLiteral("invalid_opml_version_1_1.opml") << QString() << -1;
    const QStringList specSamples = {QStringLiteral("category"),
                                     QStringLiteral("directory"),
                                     QStringLiteral("placesLived"),
                                     QStringLiteral("simpleScript"),
                                     QStringLiteral("states"),
                                     QStringLiteral("subscriptionList")};
    for (const QString &name : specSamples) {
        QTest::addRow("holllo spec %s", qPrintable(name))
            << QStringLiteral("holllo-opml/opml_api/tests/spec_samples/%1.opml").arg(name)
            << QString() << -1;
        QTest::addRow("virtualtam unmarshal %s", qPrintable(name))
            << QStringLiteral("virtualtam-opml-go/testdata/spec/unmarshal/%1.opml").arg(name)
            << QString() << -1;
        QTest::addRow("virtualtam marshal %s", qPrintable(name))
            << QStringLiteral("virtualtam-opml-go/testdata/spec/marshal/%1.opml").arg(name)
            << QString() << -1;
    }
    QTest::newRow("feedly") << QStringLiteral("virtualtam-opml-go/testdata/feedreader/feedly.opml")
                            << QString() << -1;
    QTest::newRow("newsblur") << QStringLiteral(
        "virtualtam-opml-go/testdata/feedreader/newsblur.opml")
                              << QString() << -1;
    QTest::newRow("empty-head") << QStringLiteral("node-opmlparser/test/opml/empty-head.opml")
                                << QString() << 4;
}

void TestOpmlDocument::validFiles()
{
    QFETCH(QString, path);
    QFETCH(QString, title);
    QFETCH(int, outlineCount);
    QString error = QStringLiteral("not cleared");
    const OpmlDocument document = OpmlDocument::read(readConformanceFile(path), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!document.outlines().isEmpty());
    if (!title.isEmpty())
        QCOMPARE(document.title(), title);
    if (outlineCount >= 0)
        QCOMPARE(countOutlines(document.outlines()), outlineCount);
}

void TestOpmlDocument::invalidFiles_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("errorPart");

    const QString samples = QStringLiteral("holllo-opml/opml_api/tests/samples/");
    QTest::newRow("invalid_xml") << readConformanceFile(samples + QStringLiteral("invalid_xml.opml"))
                                 << QStringLiteral("Invalid XML");
    QTest::newRow("invalid_opml_version")
        << readConformanceFile(samples + QStringLiteral("invalid_opml_version.opml"))
        << QStringLiteral("Unsupported OPML version \"invalid\"");
    QTest::newRow("invalid_opml_no_outlines")
        << readConformanceFile(samples + QStringLiteral("invalid_opml_no_outlines.opml"))
        << QStringLiteral("no outlines");
    QTest::newRow("no-outlines") << readConformanceFile(
        QStringLiteral("node-opmlparser/test/opml/no-outlines.opml"))
                                 << QStringLiteral("no outlines");
    QTest::newRow("malformed") << readConformanceFile(
        QStringLiteral("node-opmlparser/test/opml/malformed.opml"))
                               << QStringLiteral("Invalid XML");
    QTest::newRow("not opml") << QByteArray("<rss version=\"2.0\"><channel/></rss>")
                              << QStringLiteral("root element is <rss>");
    QTest::newRow("no body") << QByteArray("<opml version=\"2.0\"><head/></opml>")
                             << QStringLiteral("no body");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
}

void TestOpmlDocument::invalidFiles()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, errorPart);
    QString error;
    const OpmlDocument document = OpmlDocument::read(data, &error);
    QVERIFY2(error.contains(errorPart), qPrintable(error));
    QVERIFY(document.outlines().isEmpty());
}

void TestOpmlDocument::hollloSample()
{
    QString error;
    const OpmlDocument document = OpmlDocument::read(readConformanceFile(QStringLiteral(
                                                         "holllo-opml/opml_cli/tests/sample.opml")),
                                                     &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QByteArray snapshot = readConformanceFile(
        QStringLiteral("holllo-opml/opml_cli/tests/snapshots/cli__json.snap.txt"));
    // Every xml_url the reference implementation reports is found here too.
    const QList<FeedEntry> feeds = document.feeds();
    QVERIFY(!feeds.isEmpty());
    for (const FeedEntry &feed : feeds)
        QVERIFY2(snapshot.contains(feed.xmlUrl.toUtf8()), qPrintable(feed.xmlUrl));
}

void TestOpmlDocument::hollloEverything()
{
    QString error;
    const OpmlDocument document = OpmlDocument::read(
        readConformanceFile(
            QStringLiteral("holllo-opml/opml_api/tests/samples/valid_opml_with_everything.opml")),
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(document.version(), QStringLiteral("2.0"));
    QCOMPARE(document.title(), QStringLiteral("Title"));
    QVERIFY(!document.dateCreated().isValid()); // "Date Created" is no date
    QCOMPARE(document.outlines().size(), 1);
    const OpmlOutline outline = document.outlines().first();
    QCOMPARE(outline.text, QStringLiteral("Outline Text"));
    QCOMPARE(outline.title, QStringLiteral("Outline Title"));
    QCOMPARE(outline.type, QStringLiteral("Outline Type"));
    QCOMPARE(outline.xmlUrl, QStringLiteral("Outline XML URL"));
    QCOMPARE(outline.htmlUrl, QStringLiteral("Outline HTML URL"));
    QCOMPARE(outline.description, QStringLiteral("Outline Description"));
    QCOMPARE(outline.category, QStringList({QStringLiteral("Outline Category")}));
    QCOMPARE(outline.children.size(), 1);
    QCOMPARE(outline.children.first().text, QStringLiteral("Nested Outline Text"));
    QCOMPARE(outline.children.first().xmlUrl, QStringLiteral("Nested Outline XML URL"));
    QVERIFY(!outline.isFolder());
}

void TestOpmlDocument::nodeOpmlParserOutline()
{
    QString error;
    const OpmlDocument document = OpmlDocument::read(readConformanceFile(QStringLiteral(
                                                         "node-opmlparser/test/opml/outline.opml")),
                                                     &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(document.title(), QStringLiteral("Outline Title"));
    QCOMPARE(countOutlines(document.outlines()), 5);
    QCOMPARE(document.dateCreated(),
             QDateTime(QDate(2006, 3, 7), QTime(20, 57, 50), QTimeZone::utc()));
}

void TestOpmlDocument::categoriesSplitOnCommas()
{
    QString error;
    const OpmlDocument document
        = OpmlDocument::read(readConformanceFile(
                                 QStringLiteral("node-opmlparser/test/opml/categories.opml")),
                             &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(document.outlines().size(), 1);
    QCOMPARE(document.outlines().first().category,
             QStringList({QStringLiteral("/Tourism/New York"),
                          QStringLiteral("/Philosophy/Baseball/Mets"),
                          QStringLiteral("/Tourism/New York")}));
}

void TestOpmlDocument::top100()
{
    QString error;
    const OpmlDocument document = OpmlDocument::read(readConformanceFile(QStringLiteral(
                                                         "node-opmlparser/test/opml/top100.opml")),
                                                     &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<FeedEntry> feeds = document.feeds();
    QCOMPARE(feeds.size(), 100);
    QCOMPARE(feeds.first().title, QStringLiteral("TechCrunch"));
}

void TestOpmlDocument::specFilesWithCrLineEndings()
{
    const QByteArray data = readConformanceFile(
        QStringLiteral("virtualtam-opml-go/testdata/spec/unmarshal/subscriptionList.opml"));
    QString error;
    const OpmlDocument document = OpmlDocument::read(data, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(document.title(), QStringLiteral("mySubscriptions.opml"));
    QCOMPARE(document.feeds().size(), countFeedOutlines(document.outlines()));
    QVERIFY(document.feeds().size() > 5);
}

void TestOpmlDocument::realWorldLists_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &folder :
         {QStringLiteral("liferea-feedlists"), QStringLiteral("rssguard-initial-feeds")}) {
        QDirIterator it(conformancePath(folder),
                        {QStringLiteral("*.opml")},
                        QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::newRow(qPrintable(path.section(u'/', -2))) << path;
        }
    }
}

void TestOpmlDocument::realWorldLists()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    const OpmlDocument document = OpmlDocument::read(file.readAll(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList skipped;
    const QList<FeedEntry> feeds = document.feeds(&skipped);
    QVERIFY(!feeds.isEmpty());
    QCOMPARE(feeds.size() + skipped.size(), countFeedOutlines(document.outlines()));
    for (const FeedEntry &feed : feeds)
        QVERIFY(!feed.xmlUrl.isEmpty());
}

void TestOpmlDocument::feedsFlattenFoldersAndSkipDuplicates()
{
    const QByteArray data
        = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\r"
          "<opml version=\"1.0\"><head><title>Caf\xe9</title></head><body>\r"
          "<outline text=\"A\"><outline text=\"B\" type=\"link\">"
          "<outline text=\"One\" xmlUrl=\"http://one/feed\" htmlUrl=\"http://one/\"/>"
          "</outline></outline>"
          "<outline title=\"Two\" text=\"2\" xmlUrl=\"http://two/feed\"/>"
          "<outline text=\"Again\" xmlUrl=\"http://one/feed\"/>"
          "</body></opml>";
    QString error;
    const OpmlDocument document = OpmlDocument::read(data, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(document.title(), QStringLiteral("Caf\u00e9"));
    QStringList skipped;
    const QList<FeedEntry> feeds = document.feeds(&skipped);
    QCOMPARE(feeds.size(), 2);
    QCOMPARE(feeds.at(0).xmlUrl, QStringLiteral("http://one/feed"));
    QCOMPARE(feeds.at(0).title, QStringLiteral("One"));
    QCOMPARE(feeds.at(0).htmlUrl, QStringLiteral("http://one/"));
    QCOMPARE(feeds.at(0).folderPath, QStringLiteral("A/B"));
    QCOMPARE(feeds.at(1).title, QStringLiteral("Two"));
    QCOMPARE(feeds.at(1).folderPath, QString());
    QCOMPARE(skipped, QStringList({QStringLiteral("http://one/feed")}));
}

void TestOpmlDocument::roundTrip_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("subscriptionList") << conformancePath(
        QStringLiteral("virtualtam-opml-go/testdata/spec/unmarshal/subscriptionList.opml"));
    QTest::newRow("feedly") << conformancePath(
        QStringLiteral("virtualtam-opml-go/testdata/feedreader/feedly.opml"));
    QTest::newRow("liferea en") << conformancePath(
        QStringLiteral("liferea-feedlists/opml/feedlist_en.opml"));
    QTest::newRow("liferea he") << conformancePath(
        QStringLiteral("liferea-feedlists/opml/feedlist_he.opml"));
}

void TestOpmlDocument::roundTrip()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    const OpmlDocument original = OpmlDocument::read(file.readAll(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QByteArray written = original.write();
    QVERIFY(written.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    const OpmlDocument copy = OpmlDocument::read(written, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(copy.version(), QStringLiteral("2.0"));
    QCOMPARE(copy.title(), original.title());
    QVERIFY(copy.dateCreated().isValid());
    QCOMPARE(folderNames(copy.outlines()), folderNames(original.outlines()));
    const QList<FeedEntry> before = original.feeds();
    const QList<FeedEntry> after = copy.feeds();
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        QCOMPARE(after.at(i).xmlUrl, before.at(i).xmlUrl);
        QCOMPARE(after.at(i).title, before.at(i).title);
        QCOMPARE(after.at(i).htmlUrl, before.at(i).htmlUrl);
        QCOMPARE(after.at(i).folderPath, before.at(i).folderPath);
    }
}

void TestOpmlDocument::writeEscapesAttributes()
{
    OpmlDocument document;
    document.setTitle(QStringLiteral("Mine & yours"));
    const QDateTime created(QDate(2024, 5, 1), QTime(8, 30), QTimeZone::utc());
    document.setDateCreated(created);
    OpmlOutline feed;
    feed.text = QStringLiteral("\"Quotes\" <tags> & more");
    feed.xmlUrl = QStringLiteral("http://e.com/feed?a=1&b=2");
    document.setOutlines({feed});
    const QByteArray written = document.write();
    QVERIFY(written.contains("&amp;b=2"));
    QVERIFY(written.contains("&quot;Quotes&quot; &lt;tags&gt; &amp; more"));
    QVERIFY(written.contains("<dateCreated>Wed, 01 May 2024 08:30:00 GMT</dateCreated>"));
    QString error;
    const OpmlDocument copy = OpmlDocument::read(written, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(copy.title(), document.title());
    QCOMPARE(copy.dateCreated(), created);
    QCOMPARE(copy.outlines().first().text, feed.text);
    QCOMPARE(copy.outlines().first().xmlUrl, feed.xmlUrl);
}

void TestOpmlDocument::deepNestingIsCut()
{
    QByteArray data = "<opml version=\"2.0\"><body>";
    for (int i = 0; i < 100000; ++i)
        data += "<outline text=\"f\">";
    data += "<outline text=\"feed\" xmlUrl=\"http://deep/feed\"/>";
    for (int i = 0; i < 100000; ++i)
        data += "</outline>";
    data += "<outline text=\"top\" xmlUrl=\"http://top/feed\"/></body></opml>";
    QString error;
    const OpmlDocument document = OpmlDocument::read(data, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(document.outlines().size(), 2);
    QCOMPARE(countOutlines(document.outlines()), 65);
    const QList<FeedEntry> feeds = document.feeds();
    QCOMPARE(feeds.size(), 1);
    QCOMPARE(feeds.first().xmlUrl, QStringLiteral("http://top/feed"));
}

QTEST_GUILESS_MAIN(TestOpmlDocument)
#include "tst_opmldocument.moc"
