// Tests FeedItemsModel (with QAbstractItemModelTester): items of all or one feed, marking read.
#include "feeditemsmodel.h"
#include "sqlquery.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace {

qint64 secsOf(const QModelIndex &index)
{
    return index.data(PagedTableModel::SortValueRole).toDateTime().toSecsSinceEpoch();
}

} // namespace

namespace {

// Runs a statement that returns no rows.
void run(const QString &connection, const QString &sql, const QVariantList &values = {})
{
    SqlQuery query(connection, sql);
    for (const QVariant &value : values)
        query.bind(value);
    query.exec();
}

} // namespace

class tst_FeedItemsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void allFeeds();
    void oneFeed();
    void markRead();
    void folderScopeIncludesSubfolders();
    void unreadOnlyAndMarkAllRead();
    void starringIsStoredAndShown();

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<FeedItemsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_FeedItemsModel::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_model = std::make_unique<FeedItemsModel>(m_db->connectionName());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m_model->rowCount(), 0);

    QVERIFY2(m_db->fillDemo(TestDatabase::demoOptions()), qPrintable(m_db->errorString()));
    m_model->reload();
}

void tst_FeedItemsModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_db.reset();
}

void tst_FeedItemsModel::allFeeds()
{
    QCOMPARE(m_model->feedId(), 0);
    const qint64 total = m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items"));
    QVERIFY(total > 0);
    QVERIFY(total < PagedTableModel::pageSize);
    QCOMPARE(m_model->rowCount(), total);
    QVERIFY(!m_model->canFetchMore({}));

    QSet<QString> feedTitles;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        feedTitles.insert(m_model->index(row, FeedItemsModel::FeedColumn).data().toString());
        if (row > 0) {
            QVERIFY(secsOf(m_model->index(row - 1, FeedItemsModel::PublishedColumn))
                    >= secsOf(m_model->index(row, FeedItemsModel::PublishedColumn)));
        }
    }
    QCOMPARE(feedTitles.size(), m_db->count(QStringLiteral("SELECT COUNT(*) FROM feeds")));
}

void tst_FeedItemsModel::oneFeed()
{
    const QVariantList feeds = m_db->column(QStringLiteral("SELECT id FROM feeds ORDER BY id"));
    QVERIFY(feeds.size() > 1);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    for (const QVariant &feed : feeds) {
        const qint64 feedId = feed.toLongLong();
        m_model->setFeedId(feedId);
        QCOMPARE(m_model->feedId(), feedId);
        QCOMPARE(m_model->rowCount(),
                 m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items WHERE feed_id = ?"),
                             {feedId}));
        const QString title = m_db->scalar(QStringLiteral("SELECT title FROM feeds WHERE id = ?"),
                                           {feedId})
                                  .toString();
        const bool podcast = m_db->scalar(QStringLiteral("SELECT format FROM feeds WHERE id = ?"),
                                          {feedId})
                                 .toString()
                             == QLatin1String("podcast");
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex index = m_model->index(row, FeedItemsModel::TitleColumn);
            QCOMPARE(m_model->index(row, FeedItemsModel::FeedColumn).data().toString(), title);
            const qint64 itemId = index.data(PagedTableModel::IdRole).toLongLong();
            QCOMPARE(index.data(FeedItemsModel::DiscussionIdRole).toLongLong(),
                     m_db->count(QStringLiteral(
                                     "SELECT discussion_id FROM feed_items WHERE id = ?"),
                                 {itemId}));
            QCOMPARE(index.data(FeedItemsModel::LinkRole).toString(),
                     m_db->scalar(QStringLiteral("SELECT link FROM feed_items WHERE id = ?"),
                                  {itemId})
                         .toString());
            // Episodes with audio are marked in the title.
            const QString itemTitle = m_db->scalar(QStringLiteral("SELECT title FROM feed_items "
                                                                  "WHERE id = ?"),
                                                   {itemId})
                                          .toString();
            QVERIFY(index.data().toString().endsWith(itemTitle));
            QCOMPARE(index.data().toString() != itemTitle, podcast);
        }
    }
    QCOMPARE(reset.count(), feeds.size());

    m_model->setFeedId(0);
    QCOMPARE(m_model->rowCount(), m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items")));
}

void tst_FeedItemsModel::markRead()
{
    int row = 0;
    while (row < m_model->rowCount()
           && m_model->index(row, 0).data(FeedItemsModel::ReadRole).toBool())
        ++row;
    QVERIFY2(row < m_model->rowCount(), "the demo has unread items");
    const QModelIndex index = m_model->index(row, FeedItemsModel::TitleColumn);
    const qint64 itemId = index.data(PagedTableModel::IdRole).toLongLong();
    QVERIFY(index.data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(m_db->count(QStringLiteral("SELECT is_read FROM feed_items WHERE id = ?"), {itemId}),
             0);

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->markRead(index);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), row);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), row);
    QVERIFY(m_model->index(row, 0).data(FeedItemsModel::ReadRole).toBool());
    QVERIFY(!m_model->index(row, 0).data(Qt::FontRole).value<QFont>().bold());

    // Stored, so a fresh model (the next start of the app) sees it read.
    QCOMPARE(m_db->count(QStringLiteral("SELECT is_read FROM feed_items WHERE id = ?"), {itemId}),
             1);
    FeedItemsModel fresh(m_db->connectionName());
    QAbstractItemModelTester freshTester(&fresh,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    bool found = false;
    for (int r = 0; r < fresh.rowCount(); ++r) {
        if (fresh.index(r, 0).data(PagedTableModel::IdRole).toLongLong() == itemId) {
            QVERIFY(fresh.index(r, 0).data(FeedItemsModel::ReadRole).toBool());
            found = true;
        }
    }
    QVERIFY(found);

    // Marking it again changes nothing; neither does an invalid index.
    m_model->markRead(m_model->index(row, 0));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not valid")));
    m_model->markRead(QModelIndex());
    QCOMPARE(changed.count(), 1);
}

void tst_FeedItemsModel::folderScopeIncludesSubfolders()
{
    FeedRepository repository(m_db->connectionName());
    // A feed in a sub-folder of a demo folder counts for the parent folder too.
    const qint64 parentId = m_db->scalar(QStringLiteral("SELECT id FROM folders "
                                                        "WHERE parent_id IS NULL ORDER BY id"))
                                .toLongLong();
    QVERIFY(parentId > 0);
    const QString parentPath = repository.folderPath(parentId);
    FeedRepository::NewFeed nested;
    nested.url = QStringLiteral("https://nested.example.org/feed");
    nested.folderPath = parentPath + QStringLiteral("/Nested");
    const qint64 nestedFeed = repository.addFeed(nested);
    run(m_db->connectionName(),
        QStringLiteral("INSERT INTO feed_items (feed_id, dedup_key, title, fetched_at) "
                       "VALUES (?, 'n1', 'Nested item', 1700000000)"),
        {nestedFeed});

    FeedRepository::ItemScope scope;
    scope.folderId = parentId;
    m_model->setScope(scope);
    const int expected
        = m_db->count(QStringLiteral(
                          "SELECT COUNT(*) FROM feed_items i JOIN feeds f ON f.id = i.feed_id "
                          "LEFT JOIN folders d ON d.id = f.folder_id "
                          "WHERE f.folder_id = ? OR d.parent_id = ?"),
                      {parentId, parentId});
    QVERIFY(expected > 1);
    while (m_model->canFetchMore({}))
        m_model->fetchMore({});
    QCOMPARE(m_model->rowCount(), expected);
    bool sawNested = false;
    for (int row = 0; row < m_model->rowCount(); ++row)
        sawNested |= m_model->index(row, 0).data(FeedItemsModel::FeedIdRole).toLongLong()
                     == nestedFeed;
    QVERIFY(sawNested);

    // The nested folder alone holds just its feed's item.
    scope.folderId = repository.ensureFolder(nested.folderPath);
    m_model->setScope(scope);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("Nested item"));
}

void tst_FeedItemsModel::unreadOnlyAndMarkAllRead()
{
    const qint64 feedId = m_db->scalar(QStringLiteral("SELECT MIN(id) FROM feeds")).toLongLong();
    run(m_db->connectionName(), QStringLiteral("UPDATE feed_items SET is_read = 0"));
    run(m_db->connectionName(),
        QStringLiteral("UPDATE feed_items SET is_read = 1 WHERE id = (SELECT MIN(id) FROM "
                       "feed_items WHERE feed_id = ?)"),
        {feedId});
    const int unread
        = m_db->count(QStringLiteral(
                          "SELECT COUNT(*) FROM feed_items WHERE feed_id = ? AND is_read = 0"),
                      {feedId});
    QVERIFY(unread > 0);

    FeedRepository::ItemScope scope;
    scope.feedId = feedId;
    scope.unreadOnly = true;
    m_model->setScope(scope);
    QCOMPARE(m_model->rowCount(), unread);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QVERIFY(!m_model->index(row, 0).data(FeedItemsModel::ReadRole).toBool());

    // Marking all read touches this feed only, and the unread-only list empties.
    const int othersUnread
        = m_db->count(QStringLiteral(
                          "SELECT COUNT(*) FROM feed_items WHERE feed_id <> ? AND is_read = 0"),
                      {feedId});
    m_model->markAllRead();
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_db->count(QStringLiteral(
                             "SELECT COUNT(*) FROM feed_items WHERE feed_id = ? AND is_read = 0"),
                         {feedId}),
             0);
    QCOMPARE(m_db->count(QStringLiteral(
                             "SELECT COUNT(*) FROM feed_items WHERE feed_id <> ? AND is_read = 0"),
                         {feedId}),
             othersUnread);

    // In a full list the rows stay and turn read.
    scope.feedId = 0;
    scope.unreadOnly = false;
    m_model->setScope(scope);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->markAllRead();
    QCOMPARE(changed.count(), 1);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QVERIFY(m_model->index(row, 0).data(FeedItemsModel::ReadRole).toBool());
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items WHERE is_read = 0")), 0);
}

void tst_FeedItemsModel::starringIsStoredAndShown()
{
    const QModelIndex index = m_model->index(0, FeedItemsModel::TitleColumn);
    const qint64 itemId = index.data(PagedTableModel::IdRole).toLongLong();
    QVERIFY(!index.data(FeedItemsModel::StarredRole).toBool());
    m_model->setStarred(index, true);
    QVERIFY(m_model->index(0, 0).data(FeedItemsModel::StarredRole).toBool());
    QVERIFY(m_model->index(0, 0).data().toString().startsWith(QStringLiteral("\u2605")));
    QCOMPARE(m_db->count(QStringLiteral("SELECT is_starred FROM feed_items WHERE id = ?"), {itemId}),
             1);

    FeedRepository::ItemScope scope;
    scope.starredOnly = true;
    m_model->setScope(scope);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, 0).data(PagedTableModel::IdRole).toLongLong(), itemId);
    m_model->setStarred(m_model->index(0, 0), false);
    QCOMPARE(m_db->count(QStringLiteral("SELECT is_starred FROM feed_items WHERE id = ?"), {itemId}),
             0);
}

QTEST_MAIN(tst_FeedItemsModel)
#include "tst_feeditemsmodel.moc"
