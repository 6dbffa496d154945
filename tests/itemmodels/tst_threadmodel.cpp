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
    ImportDiscussion discussion;
    discussion.externalId = QStringLiteral("partial");
    discussion.title = QStringLiteral("Partial thread");
    ImportPost reply;
    reply.externalId = QStringLiteral("r1");
    reply.parentExternalId = QStringLiteral("never-imported");
    reply.author = ImportAuthor{QStringLiteral("Late Comer"), QStringLiteral("late"), {}, {}};
    reply.created = QDateTime(QDate(2026, 1, 5), QTime(10, 0), QTimeZone::utc());
    reply.text = QStringLiteral("As I said before...");
    ImportPost answer = reply;
    answer.externalId = QStringLiteral("r2");
    answer.parentExternalId = QStringLiteral("r1");
    answer.created = reply.created.addSecs(60);
    answer.text = QStringLiteral("Indeed.");
    discussion.posts = {reply, answer};
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("forum");
    batch.sourceName = QStringLiteral("Partial Forum");
    batch.discussions = {discussion};
    CommunityWriter(m_db->connectionName()).write(batch);

    const qint64 id = m_db->count(
        QStringLiteral("SELECT id FROM discussions WHERE external_id = 'partial'"));
    QCOMPARE(m_model->setDiscussion(id), 2);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 1);
    QCOMPARE(m_model->index(0, 0, m_model->index(0, 0)).data(ThreadModel::TextRole).toString(),
             QStringLiteral("Indeed."));
}

void tst_ThreadModel::replyDatedBeforeItsParentNests()
{
    // Clocks differ between sources: the answer carries an earlier time than its question.
    ImportDiscussion discussion;
    discussion.externalId = QStringLiteral("skewed");
    discussion.title = QStringLiteral("Skewed clocks");
    ImportPost question;
    question.externalId = QStringLiteral("q");
    question.author = ImportAuthor{QStringLiteral("Asker"), QStringLiteral("asker"), {}, {}};
    question.created = QDateTime(QDate(2026, 1, 5), QTime(10, 0), QTimeZone::utc());
    question.text = QStringLiteral("Anyone there? @answerer");
    ImportPost answer = question;
    answer.externalId = QStringLiteral("a");
    answer.parentExternalId = QStringLiteral("q");
    answer.author = ImportAuthor{QStringLiteral("Answerer"), QStringLiteral("answerer"), {}, {}};
    answer.created = question.created.addSecs(-120);
    answer.text = QStringLiteral("Yes!");
    discussion.posts = {question, answer};
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("forum");
    batch.sourceName = QStringLiteral("Skewed Forum");
    batch.discussions = {discussion};
    CommunityWriter(m_db->connectionName()).write(batch);

    const qint64 id = m_db->count(
        QStringLiteral("SELECT id FROM discussions WHERE external_id = 'skewed'"));
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
