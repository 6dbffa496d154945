// Tests DiscussionsPane with the demo community: search with highlighted results, filters,
// mentions and hashtags that click through, tag editing, "needs response", read-only mode.
// With WATERCOOLER_SCREENSHOT_DIR set, the pane is also saved there as PNGs to look at.
#include "discussionrepository.h"
#include "discussionspane.h"
#include "pagedtablemodel.h"
#include "searchresultsmodel.h"
#include "sqlquery.h"
#include "testdatabase.h"
#include "threadmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

class tst_DiscussionsPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void searchShowsHighlightedHits();
    void hostileSearchTextGivesNoError();
    void filtersNarrowTheList();
    void hashtagClickSetsTheFilter();
    void mentionAndAuthorRequestTheMember();
    void tagsAreEdited();
    void needsResponseIsMarkedAndCleared();
    void readOnlyDisablesEditing();

private:
    template<typename T>
    [[nodiscard]] T *child(const QString &name) const
    {
        return m_pane->findChild<T *>(name);
    }
    // Makes the discussion with this id current in the discussions table.
    void selectDiscussion(qint64 id);
    [[nodiscard]] qint64 currentPostId() const;
    void screenshot(const QString &name);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DiscussionsPane> m_pane;
};

void tst_DiscussionsPane::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    QVERIFY2(m_db->fillDemo(TestDatabase::demoOptions()), qPrintable(m_db->errorString()));
}

void tst_DiscussionsPane::init()
{
    m_pane = std::make_unique<DiscussionsPane>(m_db->database());
    m_pane->resize(1280, 800);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    QVERIFY(!m_pane->isShowingEmptyState());
    QTRY_VERIFY(!child<QTextBrowser>(QStringLiteral("postView"))->toPlainText().isEmpty());
}

void tst_DiscussionsPane::cleanup()
{
    m_pane.reset();
}

void tst_DiscussionsPane::cleanupTestCase()
{
    m_db.reset();
}

void tst_DiscussionsPane::screenshot(const QString &name)
{
    const QString dir = qEnvironmentVariable("WATERCOOLER_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(m_pane->grab().save(QDir(dir).filePath(name + QLatin1String(".png"))));
}

void tst_DiscussionsPane::selectDiscussion(qint64 id)
{
    auto *table = child<QTableView>(QStringLiteral("discussionsTable"));
    QAbstractItemModel *model = table->model();
    while (model->canFetchMore({}))
        model->fetchMore({});
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(PagedTableModel::IdRole).toLongLong() == id) {
            table->setCurrentIndex(model->index(row, 0));
            return;
        }
    }
    QFAIL("discussion not in the list");
}

qint64 tst_DiscussionsPane::currentPostId() const
{
    const QModelIndex current = child<QTreeView>(QStringLiteral("threadTree"))->currentIndex();
    return current.siblingAtColumn(0).data(ThreadModel::PostIdRole).toLongLong();
}

void tst_DiscussionsPane::searchShowsHighlightedHits()
{
    screenshot(QStringLiteral("discussions"));
    QSignalSpy errors(m_pane.get(), &Pane::errorOccurred);
    auto *search = child<QLineEdit>(QStringLiteral("discussionsSearch"));
    auto *results = child<QTableView>(QStringLiteral("searchResults"));
    search->setText(QStringLiteral("calendar"));
    QTRY_VERIFY(results->isVisible());
    QVERIFY(!child<QTableView>(QStringLiteral("discussionsTable"))->isVisible());
    // The hits come from the worker thread; the busy indicator goes when they are there.
    QTRY_VERIFY(results->model()->rowCount() > 0);
    QTRY_VERIFY(!child<QProgressBar>(QStringLiteral("searchBusy"))->isVisible());
    QCOMPARE(m_pane->searchText(), QStringLiteral("calendar"));
    // The first hit is shown: its thread, the post selected in it, its text.
    QTRY_VERIFY(results->currentIndex().isValid());
    const QModelIndex hit = results->currentIndex();
    QVERIFY(hit.siblingAtColumn(SearchResultsModel::SnippetColumn)
                .data(SearchResultsModel::HighlightedSnippetRole)
                .toString()
                .contains(QStringLiteral("<b>calendar</b>"), Qt::CaseInsensitive));
    QCOMPARE(currentPostId(), hit.data(PagedTableModel::IdRole).toLongLong());
    QVERIFY(child<QTextBrowser>(QStringLiteral("postView"))
                ->toPlainText()
                .contains(QStringLiteral("calendar"), Qt::CaseInsensitive));
    // Another hit, maybe in another discussion.
    results->setCurrentIndex(results->model()->index(results->model()->rowCount() - 1, 0));
    QCOMPARE(currentPostId(), results->currentIndex().data(PagedTableModel::IdRole).toLongLong());
    screenshot(QStringLiteral("search"));

    search->clear();
    QTRY_VERIFY(child<QTableView>(QStringLiteral("discussionsTable"))->isVisible());
    QCOMPARE(errors.count(), 0);
}

void tst_DiscussionsPane::hostileSearchTextGivesNoError()
{
    QSignalSpy errors(m_pane.get(), &Pane::errorOccurred);
    auto *search = child<QLineEdit>(QStringLiteral("discussionsSearch"));
    for (const char *text : {"\"", "NEAR(", "*", "-", "'; DROP TABLE posts; --", "(a OR", "!!:*"}) {
        search->setText(QString::fromUtf8(text));
        QTest::qWait(300);
    }
    QCOMPARE(errors.count(), 0);
    QVERIFY(m_db->count(QStringLiteral("SELECT COUNT(*) FROM posts")) > 0);
}

void tst_DiscussionsPane::filtersNarrowTheList()
{
    auto *table = child<QTableView>(QStringLiteral("discussionsTable"));
    const int all = table->model()->rowCount();
    child<QCheckBox>(QStringLiteral("noReplyFilter"))->setChecked(true);
    QTRY_VERIFY(m_pane->filters().noReplyYet && table->model()->rowCount() < all);
    QAbstractItemModel *model = table->model();
    while (model->canFetchMore({}))
        model->fetchMore({});
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(DISTINCT COALESCE(author_id, 0)) FROM "
                                            "posts WHERE discussion_id = ?"),
                             {model->index(row, 0).data(PagedTableModel::IdRole)}),
                 1);
    }
    screenshot(QStringLiteral("no-reply"));
    child<QCheckBox>(QStringLiteral("noReplyFilter"))->setChecked(false);

    auto *source = child<QComboBox>(QStringLiteral("sourceFilter"));
    QVERIFY(source->count() > 1);
    source->setCurrentIndex(1);
    const qint64 sourceId = source->currentData().toLongLong();
    QTRY_COMPARE(m_pane->filters().sourceId, sourceId);
    QTRY_COMPARE(qint64(table->model()->rowCount()),
                 std::min<qint64>(PagedTableModel::pageSize,
                                  m_db->count(QStringLiteral("SELECT COUNT(*) FROM discussions "
                                                             "WHERE source_id = ?"),
                                              {sourceId})));

    m_pane->setMemberFilter(m_db->count(QStringLiteral("SELECT MIN(author_id) FROM posts")),
                            QStringLiteral("Someone"));
    QVERIFY(m_pane->filters().memberId > 0);
    QCOMPARE(child<QLineEdit>(QStringLiteral("memberFilter"))->text(), QStringLiteral("Someone"));
    m_pane->findChild<QPushButton *>(QStringLiteral("clearFilters"))->click();
    QVERIFY(m_pane->filters().isEmpty());
    QCOMPARE(table->model()->rowCount(), all);
}

void tst_DiscussionsPane::hashtagClickSetsTheFilter()
{
    const QString hashtag = m_db->scalar(QStringLiteral("SELECT name FROM hashtags ORDER BY id "
                                                        "LIMIT 1"))
                                .toString();
    QVERIFY(!hashtag.isEmpty());
    Q_EMIT child<QTextBrowser>(QStringLiteral("postView"))
        ->anchorClicked(QUrl(QLatin1String("tag:") + hashtag));
    QCOMPARE(m_pane->filters().hashtag, hashtag.toCaseFolded());
    QCOMPARE(child<QComboBox>(QStringLiteral("tagFilter"))->currentText(),
             QLatin1Char('#') + hashtag);
    auto *table = child<QTableView>(QStringLiteral("discussionsTable"));
    QCOMPARE(qint64(table->model()->rowCount()),
             m_db->count(QStringLiteral("SELECT COUNT(DISTINCT p.discussion_id) FROM posts p JOIN "
                                        "post_hashtags ph ON ph.post_id = p.id JOIN hashtags h ON "
                                        "h.id = ph.hashtag_id WHERE h.name = ?"),
                         {hashtag}));
}

void tst_DiscussionsPane::mentionAndAuthorRequestTheMember()
{
    SqlQuery query(m_db->connectionName(),
                   QStringLiteral("SELECT p.discussion_id, p.id, mn.handle, mn.member_id FROM "
                                  "mentions mn JOIN posts p ON p.id = mn.post_id WHERE "
                                  "mn.member_id IS NOT NULL ORDER BY p.id LIMIT 1"));
    query.exec();
    QVERIFY(query.next());
    selectDiscussion(query.toInt64(0));
    auto *tree = child<QTreeView>(QStringLiteral("threadTree"));
    auto *thread = qobject_cast<ThreadModel *>(tree->model());
    tree->setCurrentIndex(thread->indexOfPost(query.toInt64(1)));
    QSignalSpy requested(m_pane.get(), &DiscussionsPane::memberRequested);
    auto *view = child<QTextBrowser>(QStringLiteral("postView"));
    QVERIFY(view->toHtml().contains(QLatin1String("member:") + query.toString(2)));
    // Link markup is never read again as text: no colour turns into a hashtag.
    QVERIFY(!view->toHtml().contains(QLatin1String("tag:2563eb")));
    QVERIFY(!view->toPlainText().contains(QLatin1String("\">")));
    Q_EMIT view->anchorClicked(QUrl(QLatin1String("member:") + query.toString(2)));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toLongLong(), query.toInt64(3));
    // An unknown handle asks for nobody.
    Q_EMIT view->anchorClicked(QUrl(QStringLiteral("member:nobody-has-this-handle")));
    QCOMPARE(requested.count(), 1);
    const qint64 author = m_db->count(QStringLiteral("SELECT author_id FROM posts WHERE id = ?"),
                                      {query.toInt64(1)});
    QVERIFY(view->toHtml().contains(QStringLiteral("author:%1").arg(author)));
    Q_EMIT view->anchorClicked(QUrl(QStringLiteral("author:%1").arg(author)));
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested.at(1).at(0).toLongLong(), author);
    screenshot(QStringLiteral("post"));
}

void tst_DiscussionsPane::tagsAreEdited()
{
    const DiscussionRepository repository(m_db->connectionName());
    const qint64 discussion = m_db->count(QStringLiteral("SELECT MIN(id) FROM discussions"));
    selectDiscussion(discussion);
    auto *discussionTags = child<QLineEdit>(QStringLiteral("discussionTags"));
    discussionTags->setText(QStringLiteral("alpha, Beta, alpha, "));
    Q_EMIT discussionTags->editingFinished();
    QCOMPARE(repository.tagsOf(DiscussionRepository::TagTarget::Discussion, discussion),
             (QStringList{QStringLiteral("alpha"), QStringLiteral("Beta")}));

    const qint64 post = currentPostId();
    QVERIFY(post > 0);
    auto *postTags = child<QLineEdit>(QStringLiteral("postTags"));
    postTags->setText(QStringLiteral("question"));
    Q_EMIT postTags->editingFinished();
    QCOMPARE(repository.tagsOf(DiscussionRepository::TagTarget::Post, post),
             QStringList{QStringLiteral("question")});
    QCOMPARE(currentPostId(), post);
    QCOMPARE(postTags->text(), QStringLiteral("question"));
    // The new tags can be chosen as filters.
    auto *tag = child<QComboBox>(QStringLiteral("tagFilter"));
    QVERIFY(tag->findText(QStringLiteral("question")) > 0);
    tag->setCurrentIndex(tag->findText(QStringLiteral("question")));
    QTRY_VERIFY(m_pane->filters().tagId > 0);
    auto *table = child<QTableView>(QStringLiteral("discussionsTable"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data(PagedTableModel::IdRole).toLongLong(),
             m_db->count(QStringLiteral("SELECT discussion_id FROM posts WHERE id = ?"), {post}));
    postTags->clear();
    Q_EMIT postTags->editingFinished();
    QVERIFY(repository.tagsOf(DiscussionRepository::TagTarget::Post, post).isEmpty());
}

void tst_DiscussionsPane::needsResponseIsMarkedAndCleared()
{
    auto *action = m_pane->findChild<QAction *>(QStringLiteral("needsResponseAction"));
    QVERIFY(action->isEnabled());
    const qint64 post = currentPostId();
    QVERIFY(!action->isChecked());
    action->trigger();
    QCOMPARE(m_db->count(QStringLiteral("SELECT needs_response FROM posts WHERE id = ?"), {post}),
             1);
    QCOMPARE(currentPostId(), post);
    QVERIFY(action->isChecked());
    QVERIFY(child<QTextBrowser>(QStringLiteral("postView"))
                ->toPlainText()
                .contains(QStringLiteral("Needs a response")));

    child<QCheckBox>(QStringLiteral("needsResponseFilter"))->setChecked(true);
    auto *table = child<QTableView>(QStringLiteral("discussionsTable"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    screenshot(QStringLiteral("needs-response"));

    action->trigger();
    QCOMPARE(m_db->count(QStringLiteral("SELECT needs_response FROM posts WHERE id = ?"), {post}),
             0);
    QTRY_COMPARE(table->model()->rowCount(), 0);
}

void tst_DiscussionsPane::readOnlyDisablesEditing()
{
    m_pane->setReadOnly(true);
    QVERIFY(!m_pane->findChild<QAction *>(QStringLiteral("needsResponseAction"))->isEnabled());
    QVERIFY(child<QLineEdit>(QStringLiteral("discussionTags"))->isReadOnly());
    QVERIFY(child<QLineEdit>(QStringLiteral("postTags"))->isReadOnly());
    // Searching still works.
    child<QLineEdit>(QStringLiteral("discussionsSearch"))->setText(QStringLiteral("calendar"));
    QTRY_VERIFY(child<QTableView>(QStringLiteral("searchResults"))->isVisible());
    QTRY_VERIFY(child<QTableView>(QStringLiteral("searchResults"))->model()->rowCount() > 0);
    m_pane->setReadOnly(false);
    QVERIFY(m_pane->findChild<QAction *>(QStringLiteral("needsResponseAction"))->isEnabled());
}

QTEST_MAIN(tst_DiscussionsPane)
#include "tst_discussionspane.moc"
