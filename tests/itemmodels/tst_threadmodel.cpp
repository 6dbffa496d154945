// Tests ThreadModel (with QAbstractItemModelTester): replies nested under the post they answer.
#include "communitywriter.h"
#include "sqlquery.h"
#include "testdatabase.h"
#include "threadmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <QTimeZone>

namespace {

// Walks the tree and checks every item against the posts table; returns the number of posts.
int checkSubtree(const QAbstractItemModel &model,
                 const TestDatabase &db,
                 const QModelIndex &parent,
                 qint64 parentPostId,
                 bool *ok)
{
    int count = 0;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, ThreadModel::AuthorColumn, parent);
        const qint64 postId = index.data(ThreadModel::PostIdRole).toLongLong();
        const qint64 storedParent
            = db.count(QStringLiteral("SELECT COALESCE(parent_id, 0) FROM posts WHERE id = ?"),
                       {postId});
        if (postId <= 0 || storedParent != parentPostId) {
            qWarning("post %lld is under %lld but answers %lld", postId, parentPostId, storedParent);
            *ok = false;
        }
        if (index.data(ThreadModel::TextRole).toString()
            != db.scalar(QStringLiteral("SELECT body_text FROM posts WHERE id = ?"), {postId})
                   .toString()) {
            *ok = false;
        }
        // Replies hang off the first column only.
        if (model.rowCount(model.index(row, ThreadModel::ExcerptColumn, parent)) != 0)
            *ok = false;
        count += 1 + checkSubtree(model, db, index, postId, ok);
    }
    return count;
}

ImportPost importPost(const QString &externalId,
                      const QString &parentExternalId,
                      const QString &handle,
                      const QDateTime &created,
                      const QString &text)
{
    ImportPost post;
    post.externalId = externalId;
    post.parentExternalId = parentExternalId;
    post.author = ImportAuthor{handle.toUpper(), handle, {}, {}};
    post.created = created;
    post.text = text;
    return post;
}

// Writes one discussion with these posts in a forum of its own; returns the discussion's id.
qint64 writeDiscussion(const TestDatabase &db,
                       const QString &externalId,
                       const QList<ImportPost> &posts)
{
    ImportDiscussion discussion;
    discussion.externalId = externalId;
    discussion.title = externalId;
    discussion.posts = posts;
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("forum");
    batch.sourceName = externalId + QLatin1String(" forum");
    batch.discussions = {discussion};
    CommunityWriter(db.connectionName()).write(batch);
    return db.count(QStringLiteral("SELECT id FROM discussions WHERE external_id = ?"),
                    {externalId});
}

} // namespace

class tst_ThreadModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void everyDiscussionAsATree();
    void authorsAndTexts();
    void replyToAMissingParentStaysVisible();
    void replyDatedBeforeItsParentNests();
    void noDiscussion();

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<ThreadModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_ThreadModel::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    QVERIFY2(m_db->fillDemo(TestDatabase::demoOptions()), qPrintable(m_db->errorString()));
}

void tst_ThreadModel::init()
{
    m_model = std::make_unique<ThreadModel>(m_db->connectionName());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), int(ThreadModel::ColumnCount));
}

void tst_ThreadModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void tst_ThreadModel::cleanupTestCase()
{
    m_db.reset();
}

void tst_ThreadModel::everyDiscussionAsATree()
{
    const QVariantList discussions = m_db->column(
        QStringLiteral("SELECT id FROM discussions ORDER BY id"));
    QVERIFY(!discussions.isEmpty());
    bool sawNesting = false;
    for (const QVariant &discussion : discussions) {
        const qint64 id = discussion.toLongLong();
        const qint64 postCount = m_db->count(QStringLiteral(
                                                 "SELECT post_count FROM discussions WHERE id = ?"),
                                             {id});
        QCOMPARE(m_model->setDiscussion(id), postCount);
        QCOMPARE(m_model->discussionId(), id);
        QCOMPARE(m_model->rowCount(),
                 m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts WHERE discussion_id = ? "
                                            "AND parent_id IS NULL"),
                             {id}));
        bool ok = true;
        QCOMPARE(checkSubtree(*m_model, *m_db, {}, 0, &ok), postCount);
        QVERIFY2(ok, qPrintable(QStringLiteral("discussion %1").arg(id)));
        for (int row = 0; row < m_model->rowCount(); ++row)
            sawNesting = sawNesting || m_model->rowCount(m_model->index(row, 0)) > 0;
    }
    QVERIFY(sawNesting);
}

void tst_ThreadModel::authorsAndTexts()
{
    const qint64 id = m_db->count(
        QStringLiteral("SELECT id FROM discussions ORDER BY post_count DESC, id LIMIT 1"));
    QVERIFY(m_model->setDiscussion(id) > 1);
    const QModelIndex first = m_model->index(0, ThreadModel::AuthorColumn);
    const qint64 postId = first.data(ThreadModel::PostIdRole).toLongLong();
    SqlQuery query(m_db->connectionName(),
                   QStringLiteral("SELECT m.id, m.display_name, p.created_at, p.body_text FROM "
                                  "posts p JOIN members m ON m.id = p.author_id WHERE p.id = ?"));
    query.bind(postId).exec();
    QVERIFY(query.next());
    QCOMPARE(first.data(ThreadModel::AuthorIdRole).toLongLong(), query.toInt64(0));
    QCOMPARE(first.data().toString(), query.toString(1));
    QCOMPARE(first.data(ThreadModel::CreatedRole).toDateTime().toSecsSinceEpoch(), query.toInt64(2));
    QCOMPARE(m_model->index(0, ThreadModel::ExcerptColumn).data(Qt::ToolTipRole).toString(),
             query.toString(3));
    // The thread starts with the oldest post.
    QCOMPARE(query.toInt64(2),
             m_db->count(QStringLiteral(
                             "SELECT MIN(created_at) FROM posts WHERE discussion_id = ?"),
                         {id}));
}

void tst_ThreadModel::replyToAMissingParentStaysVisible()
{
    // A reply whose parent is unknown (e.g. not imported) is shown at the top level.
    const QDateTime time(QDate(2026, 1, 5), QTime(10, 0), QTimeZone::utc());
    const qint64 id = writeDiscussion(*m_db,
                                      QStringLiteral("partial"),
                                      {importPost(QStringLiteral("r1"),
                                                  QStringLiteral("never-imported"),
                                                  QStringLiteral("late"),
                                                  time,
                                                  QStringLiteral("As I said before...")),
                                       importPost(QStringLiteral("r2"),
                                                  QStringLiteral("r1"),
                                                  QStringLiteral("late"),
                                                  time.addSecs(60),
                                                  QStringLiteral("Indeed."))});
    QCOMPARE(m_model->setDiscussion(id), 2);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 1);
    QCOMPARE(m_model->index(0, 0, m_model->index(0, 0)).data(ThreadModel::TextRole).toString(),
             QStringLiteral("Indeed."));
}

void tst_ThreadModel::replyDatedBeforeItsParentNests()
{
    // Clocks differ between sources: the answer carries an earlier time than its question.
    const QDateTime time(QDate(2026, 1, 5), QTime(10, 0), QTimeZone::utc());
    const ImportPost question = importPost(QStringLiteral("q"),
                                           QString(),
                                           QStringLiteral("asker"),
                                           time,
                                           QStringLiteral("Anyone there? @answerer"));
    const ImportPost answer = importPost(QStringLiteral("a"),
                                         QStringLiteral("q"),
                                         QStringLiteral("answerer"),
                                         time.addSecs(-120),
                                         QStringLiteral("Yes!"));
    const qint64 id = writeDiscussion(*m_db, QStringLiteral("skewed"), {question, answer});
    QCOMPARE(m_model->setDiscussion(id), 2);
    QCOMPARE(m_model->rowCount(), 1);
    const QModelIndex top = m_model->index(0, 0);
    QCOMPARE(top.data(ThreadModel::TextRole).toString(), question.text);
    QCOMPARE(m_model->rowCount(top), 1);
    const QModelIndex reply = m_model->index(0, 0, top);
    QCOMPARE(reply.data(ThreadModel::TextRole).toString(), answer.text);
    QCOMPARE(m_model->indexOfPost(reply.data(ThreadModel::PostIdRole).toLongLong()), reply);
    QVERIFY(!m_model->indexOfPost(987654).isValid());
    // Mentions map to members for the post view's links.
    const QVariantMap mentions = top.data(ThreadModel::MentionsRole).toMap();
    QCOMPARE(mentions.value(QStringLiteral("answerer")).toLongLong(),
             reply.data(ThreadModel::AuthorIdRole).toLongLong());
    QVERIFY(!top.data(ThreadModel::NeedsResponseRole).toBool());
}

void tst_ThreadModel::noDiscussion()
{
    QVERIFY(m_model->setDiscussion(m_db->count(QStringLiteral("SELECT MIN(id) FROM discussions")))
            > 0);
    QVERIFY(m_model->rowCount() > 0);
    QCOMPARE(m_model->setDiscussion(0), 0);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->setDiscussion(987654), 0);
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_MAIN(tst_ThreadModel)
#include "tst_threadmodel.moc"
