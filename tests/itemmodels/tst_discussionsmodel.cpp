// Tests DiscussionsModel (with QAbstractItemModelTester): paging, sorting, title filter.
#include "discussionsmodel.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

constexpr int forumDiscussions = 450;

void fetchAll(QAbstractItemModel &model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
}

QSet<qint64> idsInModel(const QAbstractItemModel &model)
{
    QSet<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.insert(model.index(row, 0).data(PagedTableModel::IdRole).toLongLong());
    return ids;
}

qint64 secsOrZero(const QVariant &value)
{
    const QDateTime time = value.toDateTime();
    return time.isValid() ? time.toSecsSinceEpoch() : 0;
}

} // namespace

class tst_DiscussionsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emptyDatabase();
    void loadsInPages();
    void defaultOrderIsNewestActivityFirst();
    void sort_data();
    void sort();
    void filterByTitle_data();
    void filterByTitle();
    void displayedFigures();
    void filters();

private:
    bool fill();

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DiscussionsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    int m_total = 0;
};

void tst_DiscussionsModel::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_model = std::make_unique<DiscussionsModel>(m_db->connectionName());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_DiscussionsModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_db.reset();
}

bool tst_DiscussionsModel::fill()
{
    DemoGenerator::Options options = TestDatabase::demoOptions();
    options.discussions = forumDiscussions;
    options.posts = 2 * forumDiscussions;
    options.assessment = false;
    if (!m_db->fillDemo(options)) {
        qWarning("%s", qPrintable(m_db->errorString()));
        return false;
    }
    // Forum threads plus the discussions of the feed items.
    m_total = int(m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions")));
    m_model->reload();
    return true;
}

void tst_DiscussionsModel::emptyDatabase()
{
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(m_model->columnCount(), int(DiscussionsModel::ColumnCount));
    for (int column = 0; column < DiscussionsModel::ColumnCount; ++column)
        QVERIFY(!m_model->headerData(column, Qt::Horizontal).toString().isEmpty());
}

void tst_DiscussionsModel::loadsInPages()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QVERIFY(fill());
    const int page = PagedTableModel::pageSize;
    QVERIFY(m_total > 2 * page);
    QVERIFY(m_total < 3 * page);

    QCOMPARE(m_model->rowCount(), page);
    QVERIFY(m_model->canFetchMore({}));
    m_model->fetchMore({});
    QCOMPARE(m_model->rowCount(), 2 * page);
    m_model->fetchMore({});
    QCOMPARE(m_model->rowCount(), m_total);
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(inserted.at(2).at(1).toInt(), 2 * page);
    QCOMPARE(inserted.at(2).at(2).toInt(), m_total - 1);
    QCOMPARE(idsInModel(*m_model).size(), m_total);
}

void tst_DiscussionsModel::defaultOrderIsNewestActivityFirst()
{
    QVERIFY(fill());
    fetchAll(*m_model);
    QCOMPARE(m_model->sortColumn(), int(DiscussionsModel::LastPostColumn));
    QCOMPARE(m_model->sortOrder(), Qt::DescendingOrder);
    const QVariantList expected = m_db->column(QStringLiteral(
        "SELECT id FROM discussions ORDER BY COALESCE(last_post_at, 0) DESC, id DESC"));
    QCOMPARE(expected.size(), m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->index(row, 0).data(PagedTableModel::IdRole).toLongLong(),
                 expected.at(row).toLongLong());
}

void tst_DiscussionsModel::sort_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");

    QTest::newRow("posts, descending") << int(DiscussionsModel::PostsColumn) << Qt::DescendingOrder;
    QTest::newRow("posts, ascending") << int(DiscussionsModel::PostsColumn) << Qt::AscendingOrder;
    QTest::newRow("participants") << int(DiscussionsModel::ParticipantsColumn)
                                  << Qt::DescendingOrder;
    QTest::newRow("title") << int(DiscussionsModel::TitleColumn) << Qt::AscendingOrder;
    QTest::newRow("title, descending") << int(DiscussionsModel::TitleColumn) << Qt::DescendingOrder;
    QTest::newRow("started") << int(DiscussionsModel::StartedColumn) << Qt::AscendingOrder;
    QTest::newRow("last post") << int(DiscussionsModel::LastPostColumn) << Qt::AscendingOrder;
}

void tst_DiscussionsModel::sort()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QVERIFY(fill());

    m_model->sort(column, order);
    fetchAll(*m_model);
    QCOMPARE(m_model->rowCount(), m_total);
    const bool isTime = column == DiscussionsModel::StartedColumn
                        || column == DiscussionsModel::LastPostColumn;
    bool sawDifferentValues = false;
    for (int row = 1; row < m_model->rowCount(); ++row) {
        const QVariant previous = m_model->index(row - 1, column)
                                      .data(PagedTableModel::SortValueRole);
        const QVariant current = m_model->index(row, column).data(PagedTableModel::SortValueRole);
        int comparison = 0;
        if (column == DiscussionsModel::TitleColumn) {
            comparison = previous.toString().toLower().compare(current.toString().toLower());
        } else {
            const qint64 a = isTime ? secsOrZero(previous) : previous.toLongLong();
            const qint64 b = isTime ? secsOrZero(current) : current.toLongLong();
            comparison = a < b ? -1 : (a > b ? 1 : 0);
        }
        sawDifferentValues = sawDifferentValues || comparison != 0;
        if (order == Qt::AscendingOrder)
            QVERIFY2(comparison <= 0, qPrintable(QStringLiteral("row %1").arg(row)));
        else
            QVERIFY2(comparison >= 0, qPrintable(QStringLiteral("row %1").arg(row)));
    }
    QVERIFY(sawDifferentValues);
}

void tst_DiscussionsModel::filterByTitle_data()
{
    QTest::addColumn<QString>("filter");
    // Whether the sample community certainly has titles that match.
    QTest::addColumn<bool>("matchesSome");

    QTest::newRow("word") << QStringLiteral("meetup") << true;
    QTest::newRow("other case") << QStringLiteral("MODERATION") << true;
    QTest::newRow("two words") << QStringLiteral("community call") << true;
    QTest::newRow("punctuation") << QStringLiteral("?") << true;
    QTest::newRow("percent is literal") << QStringLiteral("%") << false;
    QTest::newRow("underscore is literal") << QStringLiteral("e_t") << false;
    QTest::newRow("nothing") << QStringLiteral("no such thread anywhere") << false;
}

void tst_DiscussionsModel::filterByTitle()
{
    QFETCH(QString, filter);
    QFETCH(bool, matchesSome);
    QVERIFY(fill());

    m_model->setFilterText(filter);
    fetchAll(*m_model);
    const QVariantList ids = m_db->column(
        QStringLiteral(
            "SELECT id FROM discussions WHERE REPLACE(lower(title), ?, '') <> lower(title)"),
        {filter.toLower()});
    QSet<qint64> expected;
    for (const QVariant &id : ids)
        expected.insert(id.toLongLong());
    QCOMPARE(idsInModel(*m_model), expected);
    if (matchesSome)
        QVERIFY(!expected.isEmpty());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString title = m_model->index(row, DiscussionsModel::TitleColumn).data().toString();
        QVERIFY2(title.contains(filter, Qt::CaseInsensitive), qPrintable(title));
    }

    m_model->setFilterText(QString());
    fetchAll(*m_model);
    QCOMPARE(m_model->rowCount(), m_total);
}

void tst_DiscussionsModel::displayedFigures()
{
    QVERIFY(fill());
    fetchAll(*m_model);
    for (int row = 0; row < m_model->rowCount(); row += 23) {
        const qint64 id = m_model->index(row, 0).data(PagedTableModel::IdRole).toLongLong();
        QCOMPARE(m_model->index(row, DiscussionsModel::TitleColumn).data().toString(),
                 m_db->scalar(QStringLiteral("SELECT title FROM discussions WHERE id = ?"), {id})
                     .toString());
        QCOMPARE(m_model->index(row, DiscussionsModel::PostsColumn).data().toLongLong(),
                 m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE discussion_id = ?"),
                             {id}));
        QCOMPARE(m_model->index(row, DiscussionsModel::ParticipantsColumn).data().toLongLong(),
                 m_db->count(QStringLiteral("SELECT COUNT(DISTINCT author_id) FROM posts WHERE "
                                            "discussion_id = ?"),
                             {id}));
        QCOMPARE(secsOrZero(m_model->index(row, DiscussionsModel::LastPostColumn)
                                .data(PagedTableModel::SortValueRole)),
                 m_db->count(QStringLiteral("SELECT MAX(created_at) FROM posts WHERE "
                                            "discussion_id = ?"),
                             {id}));
        QVERIFY(!m_model->index(row, DiscussionsModel::SourceColumn).data().toString().isEmpty());
    }
}

void tst_DiscussionsModel::filters()
{
    QVERIFY(fill());
    const qint64 member = m_db->count(
        QStringLiteral("SELECT author_id FROM posts GROUP BY author_id ORDER BY COUNT(*) DESC, "
                       "author_id LIMIT 1"));
    DiscussionRepository::Filters filters;
    filters.memberId = member;
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setFilters(filters);
    QCOMPARE(reset.count(), 1);
    fetchAll(*m_model);
    const QVariantList expected
        = m_db->column(QStringLiteral(
                           "SELECT DISTINCT discussion_id FROM posts WHERE author_id = ?"),
                       {member});
    QSet<qint64> want;
    for (const QVariant &id : expected)
        want.insert(id.toLongLong());
    QCOMPARE(idsInModel(*m_model), want);
    QCOMPARE(m_model->filters(), filters);

    // The title filter and the filters combine; clearing both shows everything again.
    m_model->setFilterText(QStringLiteral("zzz-no-such-title"));
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setFilterText(QString());
    m_model->setFilters({});
    fetchAll(*m_model);
    QCOMPARE(m_model->rowCount(), m_total);

    filters = {};
    filters.noReplyYet = true;
    m_model->setFilters(filters);
    fetchAll(*m_model);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const qint64 id = m_model->index(row, 0).data(PagedTableModel::IdRole).toLongLong();
        QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(DISTINCT COALESCE(author_id, 0)) FROM "
                                            "posts WHERE discussion_id = ?"),
                             {id}),
                 1);
    }
}

QTEST_GUILESS_MAIN(tst_DiscussionsModel)
#include "tst_discussionsmodel.moc"
