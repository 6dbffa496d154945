// Times every pane of the app on a large community: the first rows of each pane's model, sorts
// and quick filters, full-text queries with filters, and the window's memory with every pane open.
//   bench_panes DATABASE [--runs N] [--no-window] [QUERY...]
#include "assessmentmodel.h"
#include "assessmentrepository.h"
#include "communitymetrics.h"
#include "database.h"
#include "databaselocation.h"
#include "discussionrepository.h"
#include "discussionsmodel.h"
#include "discussionspane.h"
#include "feeditemsmodel.h"
#include "feedsmodel.h"
#include "mainwindow.h"
#include "memberrepository.h"
#include "membersmodel.h"
#include "memberspane.h"
#include "searchresultsmodel.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "threadmodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace {

// The targets of the Members & Discussions issue.
constexpr double firstRowsMs = 100;
constexpr double sortOrFilterMs = 200;
constexpr double fullTextMs = 50;
constexpr double memoryMb = 300;

// The longest a background search may take before the benchmark gives up on it.
constexpr int searchTimeoutMs = 60000;

struct Figure
{
    QString pane;
    QString what;
    double value = 0;
    QString unit;
    qint64 rows = -1;  // -1: not a count of rows
    double target = 0; // 0: shown for information, no target
    [[nodiscard]] bool missed() const { return target > 0 && value >= target; }
};

class Report
{
public:
    void add(const Figure &figure)
    {
        m_figures << figure;
        QTextStream out(stdout);
        out << QStringLiteral("%1  %2  %3 %4  %5  %6  %7\n")
                   .arg(figure.pane, -11)
                   .arg(figure.what, -46)
                   .arg(figure.value, 9, 'f', 1)
                   .arg(figure.unit, -2)
                   .arg(figure.rows >= 0 ? QString::number(figure.rows) : QString(), 7)
                   .arg(figure.target > 0 ? QStringLiteral("< %1").arg(figure.target)
                                          : QStringLiteral("-"),
                        -7)
                   .arg(figure.target > 0
                            ? (figure.missed() ? QStringLiteral("MISSED") : QStringLiteral("ok"))
                            : QString());
        out.flush();
    }
    [[nodiscard]] QStringList missed() const
    {
        QStringList list;
        for (const Figure &figure : m_figures) {
            if (figure.missed())
                list << figure.pane + QStringLiteral(": ") + figure.what;
        }
        return list;
    }

private:
    QList<Figure> m_figures;
};

// Waits while a model reads in the background: its rows are there when no read runs.
void waitForRows(SearchResultsModel *model)
{
    if (!model->isSearching())
        return;
    QEventLoop loop;
    QObject::connect(model, &SearchResultsModel::searchingChanged, &loop, [&loop](bool searching) {
        if (!searching)
            loop.quit();
    });
    QTimer::singleShot(searchTimeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
}

class Bench
{
public:
    Bench(const Database &database, int runs, Report *report)
        : m_database(database)
        , m_connection(database.connectionName())
        , m_runs(runs)
        , m_report(report)
    {}

    // The median of the runs in milliseconds; work returns the rows it shows.
    void time(const QString &pane,
              const QString &what,
              double target,
              const std::function<qint64()> &work) const
    {
        time(pane, what, target, {}, work);
    }
    // The same after setup has run once (not timed): a model's reload() then reads what the
    // user's sort or filter read.
    void time(const QString &pane,
              const QString &what,
              double target,
              const std::function<void()> &setup,
              const std::function<qint64()> &work) const
    {
        if (setup)
            setup();
        QList<double> times;
        qint64 rows = 0;
        for (int i = 0; i < m_runs; ++i) {
            QElapsedTimer timer;
            timer.start();
            rows = work();
            times << double(timer.nsecsElapsed()) / 1e6;
        }
        std::sort(times.begin(), times.end());
        m_report->add({pane, what, times.at(m_runs / 2), QStringLiteral("ms"), rows, target});
    }

    [[nodiscard]] QVariant scalar(const QString &sql) const
    {
        return SqlQuery(m_connection, sql).scalar();
    }

    void members() const;
    void discussions() const;
    void search(const QStringList &queries) const;
    void otherPanes() const;
    void panes() const;

private:
    // Every column both ways, each timed as the reload after the view's sort().
    void sorts(const QString &pane, PagedTableModel &model, const QList<int> &columns) const;
    // The model's reload once setup (a filter) has run, timed.
    void reloads(const QString &pane,
                 const QString &what,
                 PagedTableModel &model,
                 const std::function<void()> &setup) const;
    // The filters both the discussions list and the search are timed with.
    [[nodiscard]] static QStringList filterNames();
    [[nodiscard]] DiscussionRepository::Filters sampleFilters(const QString &which) const;

    const Database &m_database;
    QString m_connection;
    int m_runs;
    Report *m_report;
};

void Bench::members() const
{
    const QString pane = QStringLiteral("Members");
    time(pane, QStringLiteral("first rows"), firstRowsMs, [&] {
        MembersModel model(m_connection);
        model.fetchMore({});
        return qint64(model.rowCount());
    });
    MembersModel model(m_connection);
    model.fetchMore({});
    QList<int> columns;
    for (int column = MembersModel::NameColumn; column < MembersModel::ColumnCount; ++column) {
        if (column != MembersModel::HandlesColumn && column != MembersModel::TagsColumn)
            columns << column; // the lists are not sortable
    }
    sorts(pane, model, columns);
    model.sort(MembersModel::NameColumn, Qt::AscendingOrder);
    // A first name shared by many members, a handle, and a text nobody has.
    const QString name = scalar(QStringLiteral("SELECT display_name FROM members WHERE id = "
                                               "(SELECT MAX(id) / 2 FROM members)"))
                             .toString()
                             .section(QLatin1Char(' '), 0, 0);
    const QString handle = scalar(QStringLiteral("SELECT value FROM identities WHERE kind = "
                                                 "'handle' ORDER BY id DESC LIMIT 1"))
                               .toString();
    const QStringList filters{name, handle, QStringLiteral("zzqxnobody")};
    for (const QString &filter : filters) {
        reloads(pane, QStringLiteral("quick filter \"%1\"").arg(filter), model, [&] {
            model.setFilterText(filter);
        });
    }
    model.setFilterText(QString());
    reloads(pane, QStringLiteral("level filter Leading"), model, [&] { model.setLevelFilter(3); });
    model.setLevelFilter(-1);
    const qint64 active = scalar(QStringLiteral("SELECT id FROM members ORDER BY post_count DESC, "
                                                "id LIMIT 1"))
                              .toLongLong();
    // Read on a worker thread while the table stays usable: shown, without a target.
    time(pane, QStringLiteral("detail of the most active member (background)"), 0, [&] {
        const MemberRepository::Detail detail = MemberRepository(m_connection).detail(active);
        return qint64(detail.recentPosts.size());
    });
}

void Bench::sorts(const QString &pane, PagedTableModel &model, const QList<int> &columns) const
{
    for (const int column : columns) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            const QString what = QStringLiteral("sort %1 %2")
                                     .arg(model.headerData(column, Qt::Horizontal).toString(),
                                          order == Qt::AscendingOrder ? QStringLiteral("asc")
                                                                      : QStringLiteral("desc"));
            reloads(pane, what, model, [&] { model.sort(column, order); });
        }
    }
}

void Bench::reloads(const QString &pane,
                    const QString &what,
                    PagedTableModel &model,
                    const std::function<void()> &setup) const
{
    time(pane, what, sortOrFilterMs, setup, [&] {
        model.reload();
        return qint64(model.rowCount());
    });
}

QStringList Bench::filterNames()
{
    return {QStringLiteral("member"),
            QStringLiteral("source"),
            QStringLiteral("last 30 days"),
            QStringLiteral("no reply yet"),
            QStringLiteral("needs response"),
            QStringLiteral("hashtag")};
}

DiscussionRepository::Filters Bench::sampleFilters(const QString &which) const
{
    DiscussionRepository::Filters filters;
    if (which == QLatin1String("member")) {
        // A member who writes a lot: the most rows a member filter can bring.
        filters.memberId = scalar(QStringLiteral("SELECT id FROM members ORDER BY post_count "
                                                 "DESC, id LIMIT 1"))
                               .toLongLong();
    } else if (which == QLatin1String("source")) {
        filters.sourceId = scalar(QStringLiteral("SELECT source_id FROM discussions GROUP BY "
                                                 "source_id ORDER BY COUNT(*), source_id LIMIT 1"))
                               .toLongLong();
    } else if (which == QLatin1String("last 30 days")) {
        const qint64 newest = scalar(QStringLiteral("SELECT MAX(created_at) FROM posts"))
                                  .toLongLong();
        filters.from = QDateTime::fromSecsSinceEpoch(newest - 30 * 86400);
    } else if (which == QLatin1String("no reply yet")) {
        filters.noReplyYet = true;
    } else if (which == QLatin1String("needs response")) {
        filters.needsResponse = true;
    } else if (which == QLatin1String("hashtag")) {
        filters.hashtag = DiscussionRepository(m_connection).hashtags(1).value(0);
    }
    return filters;
}

void Bench::discussions() const
{
    const QString pane = QStringLiteral("Discussions");
    time(pane, QStringLiteral("first rows"), firstRowsMs, [&] {
        // The view's sortByColumn() reads the first page.
        DiscussionsModel model(m_connection);
        model.sort(DiscussionsModel::LastPostColumn, Qt::DescendingOrder);
        return qint64(model.rowCount());
    });
    DiscussionsModel model(m_connection);
    model.fetchMore({});
    QList<int> columns;
    for (int column = 0; column < DiscussionsModel::ColumnCount; ++column)
        columns << column;
    sorts(pane, model, columns);
    model.sort(DiscussionsModel::LastPostColumn, Qt::DescendingOrder);
    for (const QString &which : filterNames()) {
        const DiscussionRepository::Filters filter = sampleFilters(which);
        reloads(pane, QStringLiteral("filter %1").arg(which), model, [&] {
            model.setFilters(filter);
        });
    }
    model.setFilters({});
    const qint64 longest = scalar(QStringLiteral("SELECT id FROM discussions ORDER BY post_count "
                                                 "DESC, id LIMIT 1"))
                               .toLongLong();
    time(pane, QStringLiteral("thread of the longest discussion"), firstRowsMs, [&] {
        ThreadModel thread(m_connection);
        return qint64(thread.setDiscussion(longest));
    });
    time(pane, QStringLiteral("filter choices (tags, hashtags, sources)"), firstRowsMs, [&] {
        const DiscussionRepository repository(m_connection);
        return qint64(repository.tags().size() + repository.hashtags(300).size()
                      + repository.sources().size());
    });
}

void Bench::search(const QStringList &queries) const
{
    const QString pane = QStringLiteral("Search");
    SearchResultsModel model(m_database);
    // A failed read shows no rows, which must not pass for a fast one.
    QObject::connect(&model, &PagedTableModel::errorOccurred, &model, [](const QString &message) {
        QTextStream(stderr) << "search failed: " << message << '\n';
        std::exit(2);
    });
    // From the query set to its first page shown (a reload reads what a new query reads).
    const auto setUp = [&](const QString &query, const DiscussionRepository::Filters &filters) {
        return [&model, query, filters] {
            model.setFilters(filters);
            model.setFilterText(query);
            waitForRows(&model);
        };
    };
    const auto run = [&] {
        model.reload();
        waitForRows(&model);
        return qint64(model.rowCount());
    };
    for (const QString &query : queries)
        time(pane, query, fullTextMs, setUp(query, {}), run);
    const QString word = queries.value(0, QStringLiteral("calendar"));
    for (const QString &which : filterNames()) {
        time(pane,
             QStringLiteral("%1, %2").arg(word, which),
             fullTextMs,
             setUp(word, sampleFilters(which)),
             run);
    }
    time(pane, QStringLiteral("no words, every post"), firstRowsMs, setUp(QString(), {}), run);
}

void Bench::otherPanes() const
{
    time(QStringLiteral("Feeds"), QStringLiteral("feed tree"), firstRowsMs, [&] {
        FeedsModel model(m_connection);
        model.setShowsAllItems(true);
        return qint64(model.reload());
    });
    time(QStringLiteral("Feeds"), QStringLiteral("first rows of All Items"), firstRowsMs, [&] {
        FeedItemsModel model(m_connection);
        model.fetchMore({});
        return qint64(model.rowCount());
    });
    const QList<AssessmentRepository::Entry> assessments = AssessmentRepository(m_connection).list();
    if (!assessments.isEmpty()) {
        time(QStringLiteral("Maturity"), QStringLiteral("assessment grid"), firstRowsMs, [&] {
            AssessmentModel model(m_connection);
            model.setAssessment(assessments.constFirst().id);
            return qint64(model.rowCount());
        });
    }
    // Computed on a worker thread while the pane shows the previous figures: no target.
    time(QStringLiteral("Dashboard"), QStringLiteral("figures (background)"), 0, [&] {
        return qint64(
            CommunityMetrics::compute(m_connection, QDateTime::currentDateTimeUtc()).weeks.size());
    });
}

// The panes as the window makes them, until their table shows rows.
void Bench::panes() const
{
    const auto shown = [](QWidget *pane, const QString &table) {
        pane->resize(1280, 800);
        pane->show();
        auto *view = pane->findChild<QTableView *>(table);
        QElapsedTimer waited;
        waited.start();
        while (view && view->model()->rowCount() == 0 && waited.elapsed() < searchTimeoutMs)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        return qint64(view ? view->model()->rowCount() : 0);
    };
    // Closing a pane waits for its background reads (a member's detail): not part of opening.
    std::vector<std::unique_ptr<QWidget>> opened;
    time(QStringLiteral("Members"), QStringLiteral("pane opened, rows shown"), firstRowsMs, [&] {
        opened.push_back(std::make_unique<MembersPane>(m_database));
        return shown(opened.back().get(), QStringLiteral("membersTable"));
    });
    opened.clear();
    time(QStringLiteral("Discussions"), QStringLiteral("pane opened, rows shown"), firstRowsMs, [&] {
        opened.push_back(std::make_unique<DiscussionsPane>(m_database));
        return shown(opened.back().get(), QStringLiteral("discussionsTable"));
    });
    opened.clear();
}

// Kilobytes from /proc/self/status: VmRSS (now) or VmHWM (peak).
qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

// Run in a process of its own (--window): the main window with every pane opened in turn and a
// search run, then the memory the process holds. Prints "RSS_KB PEAK_KB".
int measureWindow(const QString &target)
{
    auto database = std::make_unique<Database>(DatabaseLocation::fromArgument(target));
    database->open();
    MainWindow window(std::move(database));
    window.resize(1280, 800);
    window.show();
    for (int index = 0; index < MainWindow::PaneCount; ++index) {
        window.setCurrentPane(index);
        settle(500);
    }
    window.setCurrentPane(MainWindow::DiscussionsPaneIndex);
    if (auto *search = window.findChild<QLineEdit *>(QStringLiteral("discussionsSearch"))) {
        search->setText(QStringLiteral("calendar"));
        settle(2000);
    }
    settle(1000);
    QTextStream(stdout) << statusKb("VmRSS:") << ' ' << statusKb("VmHWM:") << '\n';
    return 0;
}

void windowMemory(const QString &target, Report *report)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--window"), target});
    if (!child.waitForFinished(10 * 60 * 1000) || child.exitCode() != 0) {
        report->add({QStringLiteral("Window"),
                     QStringLiteral("memory: the window could not be measured"),
                     memoryMb,
                     QStringLiteral("MB"),
                     -1,
                     memoryMb});
        return;
    }
    const QList<QByteArray> values = child.readAllStandardOutput().trimmed().split(' ');
    report->add({QStringLiteral("Window"),
                 QStringLiteral("resident memory, every pane opened"),
                 values.value(0).toDouble() / 1024,
                 QStringLiteral("MB"),
                 -1,
                 memoryMb});
    report->add({QStringLiteral("Window"),
                 QStringLiteral("peak resident memory"),
                 values.value(1).toDouble() / 1024,
                 QStringLiteral("MB"),
                 -1,
                 0});
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList arguments = app.arguments().mid(1);
    int runs = 5;
    bool window = true;
    std::optional<QString> windowOnly;
    for (qsizetype i = 0; i < arguments.size();) {
        if (arguments.at(i) == QLatin1String("--runs") && i + 1 < arguments.size()) {
            runs = std::max(1, arguments.at(i + 1).toInt());
            arguments.remove(i, 2);
        } else if (arguments.at(i) == QLatin1String("--no-window")) {
            window = false;
            arguments.remove(i);
        } else if (arguments.at(i) == QLatin1String("--window") && i + 1 < arguments.size()) {
            windowOnly = arguments.at(i + 1);
            arguments.remove(i, 2);
        } else {
            ++i;
        }
    }
    try {
        if (windowOnly)
            return measureWindow(*windowOnly);
        if (arguments.isEmpty()) {
            err << "usage: bench_panes DATABASE [--runs N] [--no-window] [QUERY...]\n";
            return 2;
        }
        const QString target = arguments.takeFirst();
        if (arguments.isEmpty()) {
            arguments = {QStringLiteral("calendar"),
                         QStringLiteral("\"shared calendar\""),
                         QStringLiteral("onboard*"),
                         QStringLiteral("calendar -events"),
                         QStringLiteral("hackathon"),
                         QStringLiteral("zzzznotaword")};
        }
        Database database(DatabaseLocation::fromArgument(target));
        database.open();
        Report report;
        const Bench bench(database, runs, &report);
        out << "database " << database.location().displayName() << ": "
            << bench.scalar(QStringLiteral("SELECT COUNT(*) FROM members")).toLongLong()
            << " members, "
            << bench.scalar(QStringLiteral("SELECT COUNT(*) FROM posts")).toLongLong()
            << " posts; median of " << runs << " runs\n\n";
        out << QStringLiteral("%1  %2  %3     %4  %5\n")
                   .arg(QStringLiteral("pane"), -11)
                   .arg(QStringLiteral("what"), -46)
                   .arg(QStringLiteral("time"), 9)
                   .arg(QStringLiteral("rows"), 7)
                   .arg(QStringLiteral("target"));
        out.flush();
        bench.members();
        bench.discussions();
        bench.search(arguments);
        bench.otherPanes();
        bench.panes();
        if (window)
            windowMemory(target, &report);
        const QStringList missed = report.missed();
        out << '\n'
            << (missed.isEmpty() ? QStringLiteral("every target met")
                                 : QStringLiteral("%1 targets missed").arg(missed.size()))
            << '\n';
        return missed.isEmpty() ? 0 : 1;
    } catch (const StorageError &error) {
        err << error.message() << '\n';
        return 2;
    }
}
