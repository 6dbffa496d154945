// Tests SearchResultsModel (with QAbstractItemModelTester): hits paged from SQL, highlighted
// snippets, and the rows while pages are fetched and the query and filters change.
#include "searchresultsmodel.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QPoint>
#include <QSignalSpy>
#include <QTest>

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

private:
    [[nodiscard]] qint64 postsWith(const QString &word) const;

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
    m_model = std::make_unique<SearchResultsModel>(m_db->connectionName());
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

void tst_SearchResultsModel::emptyQueryShowsEveryPost()
{
    QCOMPARE(m_model->columnCount(), int(SearchResultsModel::ColumnCount));
    m_model->reload();
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
    QCOMPARE(m_model->rowCount(), PagedTableModel::pageSize);
    while (m_model->canFetchMore({}))
        m_model->fetchMore({});
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
    while (m_model->canFetchMore({}))
        m_model->fetchMore({});
    const int all = m_model->rowCount();
    const qint64 author = m_db->count(QStringLiteral(
        "SELECT author_id FROM posts WHERE LOWER(body_text) LIKE '%calendar%' GROUP BY author_id "
        "ORDER BY COUNT(*) DESC, author_id LIMIT 1"));
    DiscussionRepository::Filters filters;
    filters.memberId = author;
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setFilters(filters);
    QCOMPARE(reset.count(), 1);
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
    while (m_model->canFetchMore({}))
        m_model->fetchMore({});
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

QTEST_MAIN(tst_SearchResultsModel)
#include "tst_searchresultsmodel.moc"
