// Tests SearchResultsModel (with QAbstractItemModelTester): hits paged from SQL on a worker thread,
// highlighted snippets, the rows while pages are fetched and the query and filters change, and a
// superseded query whose rows never appear.
#include "searchresultsmodel.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QPoint>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

class tst_SearchResultsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void emptyQueryShowsEveryPost();
    void pagesOfMatches();
    void highlightedSnippets();
    void filtersNarrowAndWiden();
    void hostileTextWhileTyping();
    void escapesHtml();
    void busyWhileReading();
    void supersededQueryNeverShows();

private:
    [[nodiscard]] qint64 postsWith(const QString &word) const;
    // Waits for the page being read; false when it takes too long.
    [[nodiscard]] bool settled() const;
    void fetchAll();

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<SearchResultsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_SearchResultsModel::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    QVERIFY2(m_db->fillDemo(TestDatabase::demoOptions()), qPrintable(m_db->errorString()));
}

void tst_SearchResultsModel::init()
{
    m_model = std::make_unique<SearchResultsModel>(m_db->database());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_SearchResultsModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void tst_SearchResultsModel::cleanupTestCase()
{
    m_db.reset();
}

qint64 tst_SearchResultsModel::postsWith(const QString &word) const
{
    // Whole words only: the demo texts have no word that merely contains these.
    return m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE LOWER(body_text) LIKE ?"),
                       {QString(QLatin1Char('%') + word + QLatin1Char('%'))});
}

bool tst_SearchResultsModel::settled() const
{
    return QTest::qWaitFor([this] { return !m_model->isSearching(); }, 20000);
}

void tst_SearchResultsModel::fetchAll()
{
    while (m_model->canFetchMore({})) {
        m_model->fetchMore({});
        QVERIFY(settled());
    }
}

void tst_SearchResultsModel::emptyQueryShowsEveryPost()
{
    QCOMPARE(m_model->columnCount(), int(SearchResultsModel::ColumnCount));
    m_model->reload();
    QVERIFY(settled());
    QCOMPARE(m_model->rowCount(), PagedTableModel::pageSize);
    QVERIFY(m_model->canFetchMore({}));
    // The most recently added post first.
    QCOMPARE(m_model->index(0, 0).data(PagedTableModel::IdRole).toLongLong(),
             m_db->count(QStringLiteral("SELECT MAX(id) FROM posts")));
}

void tst_SearchResultsModel::pagesOfMatches()
{
    // Pages read one by one give what one large read gives: no gaps, no repeats.
    const QString word = QStringLiteral("a*");
    const qint64 expected
        = DiscussionRepository(m_db->connectionName()).search(word, {}, 0, 1000000).size();
    QVERIFY(expected > PagedTableModel::pageSize);
    QVERIFY(expected < m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")));
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->setFilterText(word);
    QVERIFY(settled());
    QCOMPARE(m_model->rowCount(), PagedTableModel::pageSize);
    fetchAll();
    QCOMPARE(m_model->rowCount(), expected);
    QVERIFY(inserted.count() >= 2);
    QSet<qint64> ids;
    qint64 previous = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const qint64 id = m_model->index(row, 0).data(PagedTableModel::IdRole).toLongLong();
        QVERIFY(previous == 0 || id < previous);
        previous = id;
        ids.insert(id);
    }
    QCOMPARE(ids.size(), expected);
}

void tst_SearchResultsModel::highlightedSnippets()
{
    m_model->setFilterText(QStringLiteral("Calendar"));
    QVERIFY(settled());
    QVERIFY(m_model->rowCount() > 0);
    for (int row = 0; row < std::min(20, m_model->rowCount()); ++row) {
        const QModelIndex snippet = m_model->index(row, SearchResultsModel::SnippetColumn);
        const QString text = snippet.data().toString();
        const QVariantList highlights = snippet.data(SearchResultsModel::HighlightsRole).toList();
        QVERIFY(!highlights.isEmpty());
        for (const QVariant &value : highlights) {
            const QPoint range = value.toPoint();
            QCOMPARE(text.mid(range.x(), range.y()).toLower(), QStringLiteral("calendar"));
        }
        QVERIFY(snippet.data(SearchResultsModel::HighlightedSnippetRole)
                    .toString()
                    .contains(QStringLiteral("<b>calendar</b>"), Qt::CaseInsensitive));
        const qint64 discussion = snippet.data(SearchResultsModel::DiscussionIdRole).toLongLong();
        QCOMPARE(m_model->index(row, SearchResultsModel::DiscussionColumn).data().toString(),
                 m_db->scalar(QStringLiteral("SELECT title FROM discussions WHERE id = ?"),
                              {discussion})
                     .toString());
    }
}

void tst_SearchResultsModel::filtersNarrowAndWiden()
{
    m_model->setFilterText(QStringLiteral("calendar"));
    QVERIFY(settled());
    fetchAll();
    const int all = m_model->rowCount();
    const qint64 author = m_db->count(QStringLiteral(
        "SELECT author_id FROM posts WHERE LOWER(body_text) LIKE '%calendar%' GROUP BY author_id "
        "ORDER BY COUNT(*) DESC, author_id LIMIT 1"));
    DiscussionRepository::Filters filters;
    filters.memberId = author;
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setFilters(filters);
    QCOMPARE(reset.count(), 1);
    QVERIFY(settled());
    const qint64 byAuthor
        = m_db->count(QStringLiteral(
                          "SELECT COUNT(*) FROM posts WHERE LOWER(body_text) LIKE '%calendar%' AND "
                          "author_id = ?"),
                      {author});
    QCOMPARE(m_model->rowCount(), byAuthor);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QCOMPARE(m_model->index(row, 0).data(SearchResultsModel::AuthorIdRole).toLongLong(), author);
    }
    m_model->setFilters(filters); // the same: no new read
    QCOMPARE(reset.count(), 1);
    m_model->setFilters({});
    QVERIFY(settled());
    fetchAll();
    QCOMPARE(m_model->rowCount(), all);
}

void tst_SearchResultsModel::hostileTextWhileTyping()
{
    QSignalSpy errors(m_model.get(), &PagedTableModel::errorOccurred);
    const QString typed = QStringLiteral("\"cal* -(NEAR OR ') ;--");
    for (qsizetype i = 1; i <= typed.size(); ++i) {
        m_model->setFilterText(typed.left(i));
        if (m_model->canFetchMore({}))
            m_model->fetchMore({});
    }
    QVERIFY(settled());
    QCOMPARE(errors.count(), 0);
}

void tst_SearchResultsModel::escapesHtml()
{
    QCOMPARE(SearchResultsModel::highlightedHtml(QStringLiteral("a <b> & c"), {{0, 1}, {8, 1}}),
             QStringLiteral("<b>a</b> &lt;b&gt; &amp; <b>c</b>"));
    // Ranges outside the text or overlapping are ignored.
    QCOMPARE(SearchResultsModel::highlightedHtml(QStringLiteral("abc"), {{1, 5}, {0, 2}, {1, 1}}),
             QStringLiteral("<b>ab</b>c"));
}

void tst_SearchResultsModel::busyWhileReading()
{
    // The tester has asked for the first page of every post already.
    QVERIFY(settled());
    QSignalSpy busy(m_model.get(), &SearchResultsModel::searchingChanged);
    m_model->setFilterText(QStringLiteral("calendar"));
    // Nothing is read on this thread: the rows come later, from the worker.
    QVERIFY(m_model->isSearching());
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->canFetchMore({}));
    QVERIFY(settled());
    QVERIFY(m_model->rowCount() > 0);
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
}

void tst_SearchResultsModel::supersededQueryNeverShows()
{
    const QString first = QStringLiteral("calendar");
    const QString second = QStringLiteral("digest");
    QVERIFY(postsWith(first) > 0);
    QVERIFY(postsWith(second) > 0);
    QList<qint64> shown;
    connect(m_model.get(),
            &QAbstractItemModel::rowsInserted,
            this,
            [&](const QModelIndex &, int start, int end) {
                for (int row = start; row <= end; ++row)
                    shown << m_model->index(row, 0).data(PagedTableModel::IdRole).toLongLong();
            });
    // The first query is read to the end on the worker while this thread does not deliver its
    // result; the second arrives before that result is handed over, and again straight away.
    m_model->setFilterText(first);
    QThread::msleep(1500);
    m_model->setFilterText(second);
    m_model->setFilterText(first + QLatin1Char(' ') + second);
    m_model->setFilterText(second);
    QVERIFY(settled());
    fetchAll();
    QVERIFY(!shown.isEmpty());
    // Every row ever inserted is one of the last query's hits, each once, in its order.
    QList<qint64> expected;
    const auto hits = DiscussionRepository(m_db->connectionName()).search(second, {}, 0, 1000000);
    for (const DiscussionRepository::Hit &hit : hits)
        expected << hit.postId;
    QCOMPARE(shown, expected);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString snippet = m_model->index(row, SearchResultsModel::SnippetColumn)
                                    .data(SearchResultsModel::HighlightedSnippetRole)
                                    .toString();
        QVERIFY2(snippet.contains(QStringLiteral("<b>") + second, Qt::CaseInsensitive),
                 qPrintable(snippet));
    }
}

QTEST_MAIN(tst_SearchResultsModel)
#include "tst_searchresultsmodel.moc"
