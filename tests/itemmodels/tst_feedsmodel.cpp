// Tests FeedsModel (with QAbstractItemModelTester): the folder tree and its unread counts.
#include "feedrepository.h"
#include "feedsmodel.h"
#include "storageerror.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {

// The top-level item with this folder name, or an invalid index.
QModelIndex folderIndex(const QAbstractItemModel &model,
                        const QString &name,
                        const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data(FeedsModel::FolderIdRole).isValid()
            && index.data().toString().startsWith(name))
            return index;
    }
    return {};
}

QList<qint64> feedIdsUnder(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QVariant id = model.index(row, 0, parent).data(FeedsModel::FeedIdRole);
        if (id.isValid())
            ids << id.toLongLong();
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

class tst_FeedsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void foldersHoldTheirFeeds();
    void unreadCounts();
    void nestedAndTopLevelFeeds();
    void feedsWithProblemsStandOut();

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<FeedsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_FeedsModel::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_model = std::make_unique<FeedsModel>(m_db->connectionName());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->feedCount(), 0);

    QVERIFY2(m_db->fillDemo(TestDatabase::demoOptions()), qPrintable(m_db->errorString()));
    QCOMPARE(m_model->reload(), 3);
}

void tst_FeedsModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_db.reset();
}

void tst_FeedsModel::foldersHoldTheirFeeds()
{
    QCOMPARE(m_model->feedCount(), m_db->count(QStringLiteral("SELECT COUNT(*) FROM feeds")));
    // The demo files its feeds under Community and Podcasts and nothing at the top.
    QCOMPARE(m_model->rowCount(), 2);
    for (const QString &name : {QStringLiteral("Community"), QStringLiteral("Podcasts")}) {
        const QModelIndex folder = folderIndex(*m_model, name);
        QVERIFY2(folder.isValid(), qPrintable(name));
        const qint64 folderId = folder.data(FeedsModel::FolderIdRole).toLongLong();
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT name FROM folders WHERE id = ?"), {folderId})
                     .toString(),
                 name);
        QList<qint64> expected;
        for (const QVariant &id :
             m_db->column(QStringLiteral("SELECT id FROM feeds WHERE folder_id = ? ORDER BY id"),
                          {folderId}))
            expected << id.toLongLong();
        QVERIFY(!expected.isEmpty());
        QCOMPARE(feedIdsUnder(*m_model, folder), expected);
        for (int row = 0; row < m_model->rowCount(folder); ++row) {
            const QModelIndex feed = m_model->index(row, 0, folder);
            const qint64 feedId = feed.data(FeedsModel::FeedIdRole).toLongLong();
            QCOMPARE(feed.data(FeedsModel::UrlRole).toString(),
                     m_db->scalar(QStringLiteral("SELECT url FROM feeds WHERE id = ?"), {feedId})
                         .toString());
            QVERIFY(feed.data(Qt::ToolTipRole)
                        .toString()
                        .contains(feed.data(FeedsModel::UrlRole).toString()));
            QCOMPARE(m_model->rowCount(feed), 0);
        }
    }
    QVERIFY(m_model->index(0, 0).flags().testFlag(Qt::ItemIsEnabled));
    QVERIFY(!m_model->index(0, 0).flags().testFlag(Qt::ItemIsEditable));
}

void tst_FeedsModel::unreadCounts()
{
    const QString unreadOfFeed = QStringLiteral(
        "SELECT COUNT(*) FROM feed_items WHERE feed_id = ? AND is_read = 0");
    auto check = [&]() {
        int folderTotal = 0;
        for (int top = 0; top < m_model->rowCount(); ++top) {
            const QModelIndex folder = m_model->index(top, 0);
            int sum = 0;
            for (int row = 0; row < m_model->rowCount(folder); ++row) {
                const QModelIndex feed = m_model->index(row, 0, folder);
                const qint64 feedId = feed.data(FeedsModel::FeedIdRole).toLongLong();
                const qint64 unread = m_db->count(unreadOfFeed, {feedId});
                if (feed.data(FeedsModel::UnreadRole).toLongLong() != unread)
                    return false;
                // The count shows in the text only when there is something to read.
                if (feed.data().toString().contains(QStringLiteral("(%1)").arg(unread))
                    != (unread > 0))
                    return false;
                sum += int(unread);
            }
            if (folder.data(FeedsModel::UnreadRole).toInt() != sum)
                return false;
            folderTotal += sum;
        }
        return folderTotal
               == m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items WHERE is_read = 0"));
    };
    QVERIFY(m_db->count(QStringLiteral("SELECT COUNT(*) FROM feed_items WHERE is_read = 0")) > 0);
    QVERIFY(check());

    // Reading every item of one feed clears its count and lowers its folder's.
    const qint64 feedId = m_db->count(QStringLiteral("SELECT MIN(feed_id) FROM feed_items WHERE "
                                                     "is_read = 0"));
    FeedRepository repository(m_db->connectionName());
    for (const FeedRepository::Item &item : repository.items(feedId, 0, 1000))
        repository.setRead(item.id, true);
    QCOMPARE(m_model->reload(), 3);
    QVERIFY(check());
    QCOMPARE(m_db->count(unreadOfFeed, {feedId}), 0);
}

void tst_FeedsModel::nestedAndTopLevelFeeds()
{
    FeedRepository repository(m_db->connectionName());
    // Subscribed by URL only: the title is not known before the first fetch.
    FeedRepository::NewFeed loose;
    loose.url = QStringLiteral("https://loose.example.org/feed.xml");
    const qint64 looseId = repository.addFeed(loose);
    FeedRepository::NewFeed nested;
    nested.url = QStringLiteral("https://team.example.org/atom.xml");
    nested.title = QStringLiteral("Team Blog");
    nested.folderPath = QStringLiteral("Community/Team");
    const qint64 nestedId = repository.addFeed(nested);

    QCOMPARE(m_model->reload(), 5);
    QCOMPARE(feedIdsUnder(*m_model, {}), QList<qint64>{looseId});
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        if (index.data(FeedsModel::FeedIdRole).toLongLong() == looseId)
            QCOMPARE(index.data().toString(), loose.url);
    }
    const QModelIndex community = folderIndex(*m_model, QStringLiteral("Community"));
    QVERIFY(community.isValid());
    const QModelIndex team = folderIndex(*m_model, QStringLiteral("Team"), community);
    QVERIFY(team.isValid());
    QCOMPARE(team.parent(), community);
    QCOMPARE(feedIdsUnder(*m_model, team), QList<qint64>{nestedId});
    // Subscribing again to a followed URL is refused.
    QVERIFY_THROWS_EXCEPTION(StorageError, repository.addFeed(nested));
}

void tst_FeedsModel::feedsWithProblemsStandOut()
{
    FeedRepository repository(m_db->connectionName());
    FeedRepository::NewFeed healthy;
    healthy.url = QStringLiteral("https://ok.example.org/feed");
    healthy.title = QStringLiteral("Healthy");
    const qint64 healthyId = repository.addFeed(healthy);
    FeedRepository::NewFeed broken;
    broken.url = QStringLiteral("https://broken.example.org/feed");
    broken.title = QStringLiteral("Broken");
    const qint64 brokenId = repository.addFeed(broken);
    FeedRepository::FetchRecord failure;
    failure.httpStatus = 500;
    failure.errorText = QStringLiteral("The server had an internal error (HTTP 500).");
    repository.recordFetch(brokenId, failure);
    FeedRepository::FetchRecord fine;
    fine.httpStatus = 200;
    repository.recordFetch(healthyId, fine);
    m_model->reload();

    const QModelIndexList found = m_model->match(m_model->index(0, 0),
                                                 FeedsModel::FeedIdRole,
                                                 brokenId,
                                                 1,
                                                 Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(found.size(), 1);
    QVERIFY(found.at(0).data().toString().startsWith(QLatin1String("Broken")));
    QVERIFY(found.at(0).data().toString().endsWith(QChar(0x26A0)));
    QVERIFY(found.at(0).data(Qt::ToolTipRole).toString().contains(QLatin1String("HTTP 500")));
    QVERIFY(found.at(0).data(Qt::ForegroundRole).isValid());

    const QModelIndexList ok = m_model->match(m_model->index(0, 0),
                                              FeedsModel::FeedIdRole,
                                              healthyId,
                                              1,
                                              Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(ok.size(), 1);
    QCOMPARE(ok.at(0).data().toString(), QStringLiteral("Healthy"));
    QVERIFY(!ok.at(0).data(Qt::ForegroundRole).isValid());
}

QTEST_MAIN(tst_FeedsModel)
#include "tst_feedsmodel.moc"
