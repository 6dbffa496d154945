// Benchmarks the posts CSV import: generates a realistic posts CSV (threads with replies, a long
// tail of authors, mentions, hashtags and links) and imports it as `watercooler import posts-csv`
// does, into a new SQLite database and optionally into PostgreSQL.
//   bench_postsimport [--rows 100000] [--discussions 3000] [--authors 10000]
//                     [--database postgresql://...] [--keep FILE]
#include "database.h"
#include "databaselocation.h"
#include "discussionrepository.h"
#include "engagementcalculator.h"
#include "postscsvimporter.h"
#include "processmeasures.h"
#include "sqlquery.h"
#include "storageerror.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <random>

namespace {

using ProcessMeasures::processorSeconds;

constexpr double targetRowsPerSecond = 50000;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QByteArray csvField(const QByteArray &value)
{
    if (!value.contains(',') && !value.contains('"') && !value.contains('\n'))
        return value;
    QByteArray quoted = value;
    quoted.replace('"', "\"\"");
    return '"' + quoted + '"';
}

struct GeneratedPost
{
    qint64 time = 0;
    int discussion = 0;
    int author = 0;
    int index = 0;   // within the discussion
    int parent = -1; // index of the post replied to within the discussion
};

// Writes the CSV file; returns the number of rows (posts) written.
qint64 generateCsv(const QString &path, int rows, int discussions, int authors, quint32 seed)
{
    std::mt19937 random(seed);
    const auto uniform = [&](int bound) {
        return int(std::uniform_int_distribution<int>(0, bound - 1)(random));
    };
    const auto chance = [&](double p) {
        return std::uniform_real_distribution<double>(0, 1)(random) < p;
    };
    // A few prolific authors, a long tail of occasional ones.
    const auto someAuthor = [&] {
        const double u = std::uniform_real_distribution<double>(0, 1)(random);
        return std::min(authors - 1, int(double(authors) * std::pow(u, 2.5)));
    };

    static const char *const firstNames[] = {"Ada",     "Bob",   "Carol",  "Dave",   "Erin",
                                             "Frank",   "Grace", "Heidi",  "Ivan",   "Judy",
                                             "Mallory", "Niaj",  "Olivia", "Peggy",  "Rupert",
                                             "Sybil",   "Trent", "Victor", "Walter", "Yusuf",
                                             "Zoë",     "Chloé", "Łukasz", "Søren",  "Mónica",
                                             "Kenji",   "Priya"};
    static const char *const lastNames[] = {"Lovelace",   "Hopper",   "Turing",   "Liskov",
                                            "Knuth",      "Hamilton", "Ritchie",  "Kernighan",
                                            "Stroustrup", "Wirth",    "Dijkstra", "Torvalds",
                                            "Goldberg",   "Allen",    "Backus",   "Müller",
                                            "García",     "Nakamura", "O'Brien",  "Smith"};
    static const char *const words[]
        = {"release", "calendar", "meetup",    "onboarding", "docs",      "question", "thanks",
           "great",   "idea",     "community", "workshop",   "feedback",  "roadmap",  "bug",
           "fixed",   "please",   "review",    "merge",      "hackathon", "event",    "slides",
           "video",   "tomorrow", "schedule",  "shared",     "team",      "plugin",   "support",
           "agree",   "proposal", "vote",      "newsletter", "welcome",   "hello",    "and",
           "the",     "to",       "with",      "for",        "we",        "is",       "a",
           "this",    "on",       "can",       "should",     "will",      "really",   "maybe"};
    static const char *const hashtags[] = {"release",
                                           "meetup",
                                           "docs",
                                           "help",
                                           "rust",
                                           "qt",
                                           "community",
                                           "events",
                                           "news",
                                           "hiring",
                                           "oss",
                                           "a11y",
                                           "design",
                                           "ux",
                                           "showcase",
                                           "café",
                                           "2024"};
    const auto pick = [&](const auto &list) {
        return QByteArray(list[uniform(int(std::size(list)))]);
    };

    QList<QByteArray> names;
    QList<QByteArray> handles;
    QList<QByteArray> authorColumn;
    for (int i = 0; i < authors; ++i) {
        const QByteArray first = pick(firstNames);
        const QByteArray last = pick(lastNames);
        const QByteArray name = first + ' ' + last;
        QByteArray handle;
        const QByteArray letters = first.left(3) + last;
        for (const char c : letters) {
            if (std::isalpha(static_cast<unsigned char>(c)))
                handle += char(std::tolower(static_cast<unsigned char>(c)));
        }
        handle += QByteArray::number(i);
        names << name;
        handles << handle;
        const int form = uniform(10);
        if (form < 8)
            authorColumn << name + " (@" + handle + ')';
        else if (form < 9)
            authorColumn << name + " <" + handle + "@example.org>";
        else
            authorColumn << '@' + handle;
    }

    // Posts per discussion: most threads are short, some run long.
    QList<int> sizes(discussions, 1);
    for (int i = discussions; i < rows; ++i)
        ++sizes[std::min(discussions - 1,
                         int(double(discussions)
                             * std::pow(std::uniform_real_distribution<double>(0, 1)(random), 1.7)))];
    const qint64 end = QDateTime(QDate(2026, 6, 30), QTime(12, 0), Qt::UTC).toSecsSinceEpoch();
    const qint64 span = 180 * 86400;
    QList<GeneratedPost> posts;
    posts.reserve(rows);
    QList<QByteArray> titles;
    for (int d = 0; d < discussions; ++d) {
        QByteArray title = pick(words);
        title[0] = char(std::toupper(static_cast<unsigned char>(title.at(0))));
        titles << title + ' ' + pick(words) + ' ' + pick(words) + " #" + QByteArray::number(d + 1);
        qint64 time = end - span + qint64(uniform(int(span / 60))) * 60;
        for (int i = 0; i < sizes.at(d); ++i) {
            GeneratedPost post;
            post.time = time;
            post.discussion = d;
            post.author = someAuthor();
            post.index = i;
            if (i > 0 && chance(0.7))
                post.parent = chance(0.5) ? 0 : uniform(i);
            posts << post;
            time += 30 + uniform(4 * 3600);
        }
    }
    std::stable_sort(posts.begin(), posts.end(), [](const auto &a, const auto &b) {
        return a.time < b.time;
    });

    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw StorageError(file.errorString());
    file.write("id,discussion,author,time,text,parent\r\n");
    QByteArray line;
    for (const GeneratedPost &post : std::as_const(posts)) {
        const QByteArray id = 'd' + QByteArray::number(post.discussion) + 'p'
                              + QByteArray::number(post.index);
        QByteArray text;
        const int sentences = 1 + uniform(3);
        for (int s = 0; s < sentences; ++s) {
            if (s > 0)
                text += chance(0.2) ? "\n" : " ";
            const int length = 4 + uniform(14);
            for (int w = 0; w < length; ++w) {
                if (w > 0)
                    text += ' ';
                QByteArray word = pick(words);
                if (w == 0)
                    word[0] = char(std::toupper(word.at(0)));
                text += word;
                if (chance(0.03))
                    text += ',';
            }
            text += chance(0.2) ? "?" : ".";
        }
        if (chance(0.35)) {
            text.prepend('@' + handles.at(someAuthor()) + (chance(0.1) ? "\xc2\xa0" : " "));
            if (chance(0.2))
                text += " cc @" + handles.at(someAuthor());
        }
        if (chance(0.3))
            text += (chance(0.1) ? "#" : " #") + pick(hashtags);
        if (chance(0.12))
            text += " https://example.org/" + pick(words) + '/' + QByteArray::number(uniform(1000));
        if (chance(0.05))
            text += " \"quoted\" by " + names.at(someAuthor());
        line = id + ',' + csvField(titles.at(post.discussion)) + ','
               + csvField(authorColumn.at(post.author)) + ','
               + QDateTime::fromSecsSinceEpoch(post.time, Qt::UTC).toString(Qt::ISODate).toLatin1()
               + ',' + csvField(text) + ','
               + (post.parent >= 0 ? 'd' + QByteArray::number(post.discussion) + 'p'
                                         + QByteArray::number(post.parent)
                                   : QByteArray())
               + "\r\n";
        file.write(line);
    }
    return posts.size();
}

struct Run
{
    QString backend;
    qint64 rows = 0;
    double seconds = 0;
    double cpuSeconds = 0;
    double recomputeSeconds = 0;
    bool searchFound = false;
    bool countsRight = false;
};

// Imports the file as `watercooler import posts-csv FILE` does: the whole file in one
// transaction, then the engagement recompute the command runs after it.
Run importInto(const DatabaseLocation &location, const QString &csvPath, qint64 rows)
{
    Run run;
    Database database(location);
    database.open();
    const QString connection = database.connectionName();
    run.backend = database.location().displayName();
    const qint64 postsBefore
        = SqlQuery(connection, QStringLiteral("SELECT COUNT(*) FROM posts")).scalar().toLongLong();
    QFile file(csvPath);
    if (!file.open(QIODevice::ReadOnly))
        throw StorageError(file.errorString());
    PostsCsvImporter importer;
    // A fresh source on a shared database, so every run imports new posts.
    if (postsBefore > 0)
        importer.setDefaultSource(
            QStringLiteral("bench-%1").arg(QDateTime::currentMSecsSinceEpoch()));
    int reports = 0;
    QElapsedTimer clock;
    clock.start();
    const double cpuStart = processorSeconds();
    const CsvImport::Result result = importer.import(&file, connection, [&](qint64, qint64) {
        ++reports;
        return true;
    });
    run.seconds = double(clock.nsecsElapsed()) / 1e9;
    run.cpuSeconds = processorSeconds() - cpuStart;
    run.rows = result.rows;

    clock.restart();
    EngagementCalculator(connection).recomputeAll();
    run.recomputeSeconds = double(clock.nsecsElapsed()) / 1e9;

    const qint64 postsAfter
        = SqlQuery(connection, QStringLiteral("SELECT COUNT(*) FROM posts")).scalar().toLongLong();
    run.countsRight = result.skipped == 0 && result.rows == rows
                      && result.summary.postsCreated == rows && postsAfter - postsBefore == rows;
    // The full-text index must know the new posts: the newest post's words find it.
    const qint64 newest
        = SqlQuery(connection, QStringLiteral("SELECT MAX(id) FROM posts")).scalar().toLongLong();
    const QString word = SqlQuery(connection,
                                  QStringLiteral("SELECT body_text FROM posts WHERE id = ?"))
                             .bind(newest)
                             .scalar()
                             .toString()
                             .section(QLatin1Char(' '), 1, 1)
                             .remove(QRegularExpression(QStringLiteral("[^\\w]")));
    DiscussionRepository::Filters filters;
    filters.memberId = SqlQuery(connection,
                                QStringLiteral("SELECT author_id FROM posts WHERE id = ?"))
                           .bind(newest)
                           .scalar()
                           .toLongLong();
    for (const auto &hit : DiscussionRepository(connection).search(word, filters, 0, 1000)) {
        if (hit.postId == newest)
            run.searchFound = true;
    }
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times the posts CSV import."));
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"),
                                        QStringLiteral("Rows (posts) in the file."),
                                        QStringLiteral("N"),
                                        QStringLiteral("100000"));
    const QCommandLineOption discussionsOption(QStringLiteral("discussions"),
                                               QStringLiteral("Discussions in the file."),
                                               QStringLiteral("N"),
                                               QStringLiteral("3000"));
    const QCommandLineOption authorsOption(QStringLiteral("authors"),
                                           QStringLiteral("Authors in the file."),
                                           QStringLiteral("N"),
                                           QStringLiteral("10000"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QStringLiteral("Also import into this PostgreSQL "
                                                           "database (postgresql://...)."),
                                            QStringLiteral("URL"));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("Write the generated CSV file here and keep "
                                                       "it."),
                                        QStringLiteral("FILE"));
    parser.addOptions({rowsOption, discussionsOption, authorsOption, databaseOption, keepOption});
    parser.process(app);
    const int rows = parser.value(rowsOption).toInt();
    const int discussions = parser.value(discussionsOption).toInt();
    const int authors = parser.value(authorsOption).toInt();
    if (rows < 1 || discussions < 1 || authors < 1 || discussions > rows) {
        QTextStream(stderr) << "--rows, --discussions and --authors need positive numbers, "
                               "no more discussions than rows.\n";
        return 2;
    }

    QTemporaryDir dir;
    const QString csvPath = parser.isSet(keepOption) ? parser.value(keepOption)
                                                     : dir.filePath(QStringLiteral("posts.csv"));
    QList<Run> runs;
    try {
        QElapsedTimer clock;
        clock.start();
        const qint64 written = generateCsv(csvPath, rows, discussions, authors, 1);
        out() << QStringLiteral("generated %1 rows, %2 discussions, %3 authors (%4 MB) in %5 s\n")
                     .arg(written)
                     .arg(discussions)
                     .arg(authors)
                     .arg(double(QFileInfo(csvPath).size()) / 1e6, 0, 'f', 1)
                     .arg(double(clock.elapsed()) / 1000, 0, 'f', 1);
        out().flush();
        runs << importInto(DatabaseLocation::sqlite(dir.filePath(QStringLiteral("bench.sqlite"))),
                           csvPath,
                           written);
        if (parser.isSet(databaseOption)) {
            runs << importInto(DatabaseLocation::fromArgument(parser.value(databaseOption)),
                               csvPath,
                               written);
        }
    } catch (const StorageError &error) {
        QTextStream(stderr) << error.message() << '\n';
        return 2;
    }

    bool met = true;
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                 .arg(QStringLiteral("database"), -40)
                 .arg(QStringLiteral("wall s"), 8)
                 .arg(QStringLiteral("rows/s"), 9)
                 .arg(QStringLiteral("cpu s"), 8)
                 .arg(QStringLiteral("rows/cpu s"), 11)
                 .arg(QStringLiteral("target"), 7);
    for (const Run &run : std::as_const(runs)) {
        const double perSecond = double(run.rows) / run.seconds;
        const double perCpuSecond = double(run.rows) / run.cpuSeconds;
        const bool runMet = perSecond >= targetRowsPerSecond && run.countsRight && run.searchFound;
        met = met && runMet;
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                     .arg(run.backend.left(40), -40)
                     .arg(run.seconds, 8, 'f', 2)
                     .arg(perSecond, 9, 'f', 0)
                     .arg(run.cpuSeconds, 8, 'f', 2)
                     .arg(perCpuSecond, 11, 'f', 0)
                     .arg(runMet ? QStringLiteral("met") : QStringLiteral("MISSED"), 7);
        out() << QStringLiteral("  engagement recompute after it: %1 s; rows stored: %2; "
                                "full-text search finds the newest post: %3\n")
                     .arg(run.recomputeSeconds, 0, 'f', 2)
                     .arg(run.countsRight ? QStringLiteral("all") : QStringLiteral("WRONG"))
                     .arg(run.searchFound ? QStringLiteral("yes") : QStringLiteral("NO"));
    }
    out() << QStringLiteral("target: over %1 rows/s by the wall clock (the CPU figure holds "
                            "under load)\npeak memory %2, load average %3\n")
                 .arg(targetRowsPerSecond, 0, 'f', 0)
                 .arg(ProcessMeasures::peakMemory(), ProcessMeasures::loadAverage());
    out().flush();
    return met ? 0 : 1;
}
