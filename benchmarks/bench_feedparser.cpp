// Benchmarks FeedParser's throughput on the conformance corpus and on a generated 50 MB feed,
// next to Debian's python3-feedparser on the same bytes.
#include "feedgenerator.h"
#include "feedparser.h"
#include "processmeasures.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

using ProcessMeasures::processorSeconds;

constexpr double targetRatio = 30.0;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

struct Document
{
    QString path;
    QByteArray data;
};

struct Throughput
{
    qint64 bytes = 0;
    int passes = 0;
    double seconds = 0;    // wall clock
    double cpuSeconds = 0; // processor time of the process
    int feeds = 0;         // documents read as feeds
    int crashes = 0;       // documents the parser raised an exception on
    QString error;

    // Per second of processor time: other work on a shared machine barely changes it.
    [[nodiscard]] double megabytesPerSecond() const
    {
        return cpuSeconds > 0 ? double(bytes) * passes / cpuSeconds / 1e6 : 0;
    }
    [[nodiscard]] double megabytesPerWallSecond() const
    {
        return seconds > 0 ? double(bytes) * passes / seconds / 1e6 : 0;
    }
};

// The element name after the XML declaration, comments, processing instructions and doctype.
QString rootElement(const QString &text)
{
    qsizetype at = 0;
    const auto skipPast = [&text, &at](const QString &end) {
        const qsizetype found = text.indexOf(end, at);
        at = found < 0 ? text.size() : found + end.size();
    };
    while (at < text.size()) {
        const QChar c = text.at(at);
        if (c.isSpace() || c == QChar(0xFEFF)) {
            ++at;
        } else if (QStringView(text).mid(at).startsWith(u"<?")) {
            skipPast(QStringLiteral("?>"));
        } else if (QStringView(text).mid(at).startsWith(u"<!--")) {
            skipPast(QStringLiteral("-->"));
        } else if (QStringView(text).mid(at).startsWith(u"<!")) {
            const qsizetype bracket = text.indexOf(QLatin1Char('['), at);
            const qsizetype close = text.indexOf(QLatin1Char('>'), at);
            skipPast(bracket >= 0 && bracket < close ? QStringLiteral("]>") : QStringLiteral(">"));
        } else if (c == QLatin1Char('<')) {
            qsizetype end = at + 1;
            while (end < text.size() && !text.at(end).isSpace() && text.at(end) != QLatin1Char('>')
                   && text.at(end) != QLatin1Char('/'))
                ++end;
            return text.mid(at + 1, end - at - 1);
        } else {
            return {};
        }
    }
    return {};
}

// Feed documents of the corpus: RSS, RDF and Atom roots, JSON Feed objects. OPML, schemas,
// expected-result files and licences are left out.
bool isFeedDocument(const QString &relativePath, const QByteArray &data)
{
    static const QStringList suffixes = {QStringLiteral("xml"),
                                         QStringLiteral("rss"),
                                         QStringLiteral("atom"),
                                         QStringLiteral("rdf"),
                                         QStringLiteral("json")};
    const QString suffix = QFileInfo(relativePath).suffix().toLower();
    if (!suffixes.contains(suffix) || relativePath.startsWith(QLatin1String("opml/"))
        || relativePath.contains(QLatin1String("/derived/")))
        return false;
    if (suffix == QLatin1String("json")) {
        const QJsonObject root = QJsonDocument::fromJson(data).object();
        return root.value(QLatin1String("version"))
                   .toString()
                   .contains(QLatin1String("jsonfeed.org/version"))
               && root.value(QLatin1String("items")).isArray();
    }
    QString root = rootElement(FeedParser::decode(data.left(64 * 1024), {}));
    root = root.mid(root.lastIndexOf(QLatin1Char(':')) + 1).toLower();
    return root == QLatin1String("rss") || root == QLatin1String("rdf")
           || root == QLatin1String("feed") || root == QLatin1String("entry");
}

QList<Document> corpusDocuments(const QString &corpusDir)
{
    QList<Document> documents;
    const QDir base(corpusDir);
    QDirIterator it(corpusDir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray data = file.readAll();
        if (isFeedDocument(base.relativeFilePath(path), data))
            documents.append({path, data});
    }
    std::sort(documents.begin(), documents.end(), [](const Document &a, const Document &b) {
        return a.path < b.path;
    });
    return documents;
}

// FeedParser as the app calls it on a file (feeds parse FILE): the bytes and the file's URL.
Throughput parseWithFeedParser(const QList<Document> &documents, double minimumSeconds)
{
    QList<QUrl> urls;
    for (const Document &document : documents)
        urls.append(QUrl::fromLocalFile(document.path));
    Throughput result;
    for (const Document &document : documents)
        result.bytes += document.data.size();
    QElapsedTimer clock;
    clock.start();
    const double cpuStart = processorSeconds();
    do {
        result.feeds = 0;
        for (qsizetype i = 0; i < documents.size(); ++i) {
            const ParsedFeed feed = FeedParser::parse(documents.at(i).data, urls.at(i));
            if (!feed.format.isEmpty())
                ++result.feeds;
        }
        ++result.passes;
    } while (double(clock.nsecsElapsed()) / 1e9 < minimumSeconds);
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    result.cpuSeconds = processorSeconds() - cpuStart;
    return result;
}

Throughput parseWithPython(const QString &python,
                           const QString &script,
                           const QList<Document> &documents,
                           const QString &listPath,
                           double minimumSeconds)
{
    Throughput result;
    QFile list(listPath);
    if (!list.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        result.error = QStringLiteral("cannot write %1").arg(listPath);
        return result;
    }
    for (const Document &document : documents)
        list.write(document.path.toUtf8() + '\n');
    list.close();

    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(python,
                  {script,
                   QStringLiteral("--list"),
                   listPath,
                   QStringLiteral("--min-seconds"),
                   QString::number(minimumSeconds)});
    if (!process.waitForFinished(-1) || process.exitCode() != 0) {
        result.error = QStringLiteral("%1 %2 failed: %3").arg(python, script, process.errorString());
        return result;
    }
    const QJsonObject figures = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    result.bytes = qint64(figures.value(QLatin1String("bytes")).toDouble());
    result.passes = figures.value(QLatin1String("passes")).toInt();
    result.seconds = figures.value(QLatin1String("seconds")).toDouble();
    result.cpuSeconds = figures.value(QLatin1String("cpu_seconds")).toDouble();
    result.feeds = figures.value(QLatin1String("feeds")).toInt();
    result.crashes = figures.value(QLatin1String("crashes")).toInt();
    if (result.passes == 0)
        result.error = QStringLiteral("no figures from %1").arg(script);
    return result;
}

void printRow(const QString &name, qsizetype files, const Throughput &ours, const Throughput &theirs)
{
    const bool compared = theirs.error.isEmpty() && theirs.megabytesPerSecond() > 0;
    const double ratio = compared ? ours.megabytesPerSecond() / theirs.megabytesPerSecond() : 0;
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6  %7")
                 .arg(name, -28)
                 .arg(files, 6)
                 .arg(double(ours.bytes) / 1e6, 8, 'f', 2)
                 .arg(ours.megabytesPerSecond(), 12, 'f', 2)
                 .arg(compared ? QString::number(theirs.megabytesPerSecond(), 'f', 2)
                               : QStringLiteral("-"),
                      11)
                 .arg(compared ? QString::number(ratio, 'f', 1) + QLatin1Char('x')
                               : QStringLiteral("-"),
                      8)
                 .arg(compared ? (ratio >= targetRatio ? QStringLiteral("met")
                                                       : QStringLiteral("MISSED"))
                               : QStringLiteral("not compared"))
          << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measures FeedParser's throughput and python3-feedparser's on the same "
                       "documents."));
    parser.addHelpOption();
    const QCommandLineOption corpusOption(QStringLiteral("corpus"),
                                          QStringLiteral("The conformance corpus folder."),
                                          QStringLiteral("DIR"),
                                          QStringLiteral(WATERCOOLER_CONFORMANCE_DIR));
    const QCommandLineOption
        pythonOption(QStringLiteral("python"),
                     QStringLiteral(
                         "The Python with feedparser (default Debian's /usr/bin/python3)."),
                     QStringLiteral("PATH"),
                     QStringLiteral("/usr/bin/python3"));
    const QCommandLineOption
        secondsOption(QStringLiteral("min-seconds"),
                      QStringLiteral("Repeat each measurement for at least this long (default 3)."),
                      QStringLiteral("SECONDS"),
                      QStringLiteral("3"));
    const QCommandLineOption sizeOption(QStringLiteral("generated-mb"),
                                        QStringLiteral("Size of the generated feed (default 50)."),
                                        QStringLiteral("MB"),
                                        QStringLiteral("50"));
    const QCommandLineOption noPythonOption(QStringLiteral("no-python"),
                                            QStringLiteral("Measure FeedParser only."));
    parser.addOptions({corpusOption, pythonOption, secondsOption, sizeOption, noPythonOption});
    parser.process(app);
    const double minimumSeconds = qMax(0.0, parser.value(secondsOption).toDouble());
    const qint64 generatedBytes = qBound<qint64>(1,
                                                 qint64(parser.value(sizeOption).toDouble() * 1e6),
                                                 FeedParser::MaximumSize);
    const QString script = QStringLiteral(WATERCOOLER_FEEDPARSER_SCRIPT);

    QTemporaryDir dir;
    const QList<Document> corpus = corpusDocuments(parser.value(corpusOption));
    if (corpus.isEmpty()) {
        out() << QStringLiteral("No feed documents in %1.").arg(parser.value(corpusOption))
              << Qt::endl;
        return 2;
    }
    Document generated{dir.filePath(QStringLiteral("generated.rss")),
                       FeedGenerator(7).rssOfSize(0, generatedBytes)};
    QFile file(generated.path);
    if (!file.open(QIODevice::WriteOnly) || file.write(generated.data) != generated.data.size()) {
        out() << QStringLiteral("Cannot write %1.").arg(generated.path) << Qt::endl;
        return 2;
    }
    file.close();

    struct Set
    {
        QString name;
        QList<Document> documents;
        Throughput ours;
        Throughput theirs;
    };
    QList<Set> sets = {{QStringLiteral("conformance corpus"), corpus, {}, {}},
                       {QStringLiteral("generated RSS 2.0 feed"), {generated}, {}, {}}};
    for (Set &set : sets) {
        set.ours = parseWithFeedParser(set.documents, minimumSeconds);
        if (parser.isSet(noPythonOption))
            set.theirs.error = QStringLiteral("not run");
        else
            set.theirs = parseWithPython(parser.value(pythonOption),
                                         script,
                                         set.documents,
                                         dir.filePath(QStringLiteral("list.txt")),
                                         minimumSeconds);
    }

    out() << QStringLiteral("Parse throughput: MB (10^6 bytes) of documents held in memory per "
                            "processor second of parsing. Target: FeedParser at least %1x "
                            "feedparser.")
                 .arg(targetRatio)
          << Qt::endl;
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6  %7")
                 .arg(QStringLiteral("documents"), -28)
                 .arg(QStringLiteral("files"), 6)
                 .arg(QStringLiteral("MB"), 8)
                 .arg(QStringLiteral("FeedParser"), 12)
                 .arg(QStringLiteral("feedparser"), 11)
                 .arg(QStringLiteral("ratio"), 8)
                 .arg(QStringLiteral("target"))
          << Qt::endl;
    bool met = true;
    for (const Set &set : std::as_const(sets)) {
        printRow(set.name, set.documents.size(), set.ours, set.theirs);
        met = met && set.theirs.error.isEmpty()
              && set.ours.megabytesPerSecond() >= targetRatio * set.theirs.megabytesPerSecond();
    }
    out() << Qt::endl;
    for (const Set &set : std::as_const(sets)) {
        out() << QStringLiteral("%1: FeedParser read %2 of %3 as feeds in %4 pass(es)")
                     .arg(set.name)
                     .arg(set.ours.feeds)
                     .arg(set.documents.size())
                     .arg(set.ours.passes);
        if (set.theirs.error.isEmpty())
            out() << QStringLiteral("; feedparser %1 in %2 pass(es), raising an exception on %3")
                         .arg(set.theirs.feeds)
                         .arg(set.theirs.passes)
                         .arg(set.theirs.crashes);
        else
            out() << QStringLiteral("; feedparser: ") << set.theirs.error;
        out() << QStringLiteral(". By the wall clock: %1 MB/s")
                     .arg(set.ours.megabytesPerWallSecond(), 0, 'f', 2);
        if (set.theirs.error.isEmpty())
            out() << QStringLiteral(" and %1 MB/s")
                         .arg(set.theirs.megabytesPerWallSecond(), 0, 'f', 2);
        out() << Qt::endl;
    }
    QFile loadAverage(QStringLiteral("/proc/loadavg"));
    if (loadAverage.open(QIODevice::ReadOnly))
        out() << QStringLiteral("load average at the end: ")
              << QString::fromLatin1(loadAverage.readAll().simplified()) << Qt::endl;
    return met ? 0 : 1;
}
