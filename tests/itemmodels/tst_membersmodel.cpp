// Tests MembersModel (with QAbstractItemModelTester): paging, sorting and the quick filter.
#include "engagementformula.h"
#include "memberjournal.h"
#include "membersmodel.h"
#include "sqlquery.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

constexpr int memberCount = 450;

// Members whose name, a handle, an e-mail address or a tag contains `filter` literally and
// case-insensitively, counted without LIKE (REPLACE() changes the text only when it holds the
// filter) so wildcard characters cannot match anything else.
QSet<qint64> membersMatching(const TestDatabase &db, const QString &filter)
{
    const QString needle = filter.trimmed().toCaseFolded();
    const QVariantList ids = db.column(
        QStringLiteral(
            "SELECT m.id FROM members m WHERE REPLACE(m.sort_name, ?, '') <> m.sort_name "
            "OR EXISTS (SELECT 1 FROM identities i WHERE i.member_id = m.id AND "
            "REPLACE(i.normalized, ?, '') <> i.normalized) "
            "OR EXISTS (SELECT 1 FROM member_tags mt JOIN tags t ON t.id = mt.tag_id "
            "WHERE mt.member_id = m.id AND REPLACE(t.normalized, ?, '') <> t.normalized)"),
        {needle, needle, needle});
    QSet<qint64> set;
    for (const QVariant &id : ids)
        set.insert(id.toLongLong());
    return set;
}

QSet<qint64> idsInModel(const QAbstractItemModel &model)
{
    QSet<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.insert(model.index(row, 0).data(PagedTableModel::IdRole).toLongLong());
    return ids;
}

// What a view does when the user scrolls to the end.
void fetchAll(QAbstractItemModel &model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
}

qint64 secsOrZero(const QVariant &value)
{
    const QDateTime time = value.toDateTime();
    return time.isValid() ? time.toSecsSinceEpoch() : 0;
}

} // namespace

class tst_MembersModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emptyDatabase();
    void loadsInPages();
    void reloadStartsAgainAtTheFirstPage();
    void sort_data();
    void sort();
    void filter_data();
    void filter();
    void displayedFigures();
    void levelFilter();
    void mergeWhileShown();

private:
    // Fills the database the model already looks at and reloads the model.
    bool fill();

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<MembersModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_MembersModel::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    // The tester watches from the start, before any member exists.
    m_model = std::make_unique<MembersModel>(m_db->connectionName());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_MembersModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_db.reset();
}

bool tst_MembersModel::fill()
{
    DemoGenerator::Options options = TestDatabase::demoOptions();
    options.members = memberCount;
    options.feeds = false;
    options.assessment = false;
    if (!m_db->fillDemo(options)) {
        qWarning("%s", qPrintable(m_db->errorString()));
        return false;
    }
    m_model->reload();
    return true;
}

void tst_MembersModel::emptyDatabase()
{
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(m_model->columnCount(), int(MembersModel::ColumnCount));
    for (int column = 0; column < MembersModel::ColumnCount; ++column)
        QVERIFY(!m_model->headerData(column, Qt::Horizontal).toString().isEmpty());
}

void tst_MembersModel::loadsInPages()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QVERIFY(fill());
    QCOMPARE(m_db->count(QStringLiteral("SELECT COUNT(*) FROM members")), memberCount);
    const int page = PagedTableModel::pageSize;

    // Like a view that scrolls down: one page at a time, each page one insertion.
    QCOMPARE(m_model->rowCount(), page);
    QVERIFY(m_model->canFetchMore({}));
    m_model->fetchMore({});
    QCOMPARE(m_model->rowCount(), 2 * page);
    QVERIFY(m_model->canFetchMore({}));
    m_model->fetchMore({});
    QCOMPARE(m_model->rowCount(), memberCount);
    QVERIFY(!m_model->canFetchMore({}));
    m_model->fetchMore({});
    QCOMPARE(m_model->rowCount(), memberCount);
    // Children never have more to fetch.
    QVERIFY(!m_model->canFetchMore(m_model->index(0, 0)));

    QList<QPair<int, int>> ranges;
    for (const QList<QVariant> &arguments : std::as_const(inserted))
        ranges.append({arguments.at(1).toInt(), arguments.at(2).toInt()});
    QCOMPARE(ranges,
             (QList<QPair<int, int>>{{0, page - 1},
                                     {page, 2 * page - 1},
                                     {2 * page, memberCount - 1}}));

    // All pages together are every member once, sorted by name as in the database.
    QCOMPARE(idsInModel(*m_model).size(), memberCount);
    const QVariantList expected = m_db->column(
        QStringLiteral("SELECT id FROM members ORDER BY sort_name, id"));
    QCOMPARE(expected.size(), memberCount);
    for (int row = 0; row < memberCount; ++row)
        QCOMPARE(m_model->index(row, 0).data(PagedTableModel::IdRole).toLongLong(),
                 expected.at(row).toLongLong());
}

void tst_MembersModel::reloadStartsAgainAtTheFirstPage()
{
    QVERIFY(fill());
    fetchAll(*m_model);
    QCOMPARE(m_model->rowCount(), memberCount);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->reload();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), int(PagedTableModel::pageSize));
    QVERIFY(m_model->canFetchMore({}));
}

void tst_MembersModel::sort_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");

    QTest::newRow("posts, descending") << int(MembersModel::PostsColumn) << Qt::DescendingOrder;
    QTest::newRow("posts, ascending") << int(MembersModel::PostsColumn) << Qt::AscendingOrder;
    QTest::newRow("name, descending") << int(MembersModel::NameColumn) << Qt::DescendingOrder;
    QTest::newRow("replies given") << int(MembersModel::RepliesGivenColumn) << Qt::DescendingOrder;
    QTest::newRow("replies received")
        << int(MembersModel::RepliesReceivedColumn) << Qt::DescendingOrder;
    QTest::newRow("mentions") << int(MembersModel::MentionsColumn) << Qt::DescendingOrder;
    QTest::newRow("first seen") << int(MembersModel::FirstSeenColumn) << Qt::AscendingOrder;
    QTest::newRow("last active") << int(MembersModel::LastSeenColumn) << Qt::DescendingOrder;
    QTest::newRow("engagement level") << int(MembersModel::LevelColumn) << Qt::DescendingOrder;
    QTest::newRow("engagement level, ascending")
        << int(MembersModel::LevelColumn) << Qt::AscendingOrder;
}

void tst_MembersModel::sort()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QVERIFY(fill());

    m_model->sort(column, order);
    fetchAll(*m_model);
    QCOMPARE(m_model->sortColumn(), column);
    QCOMPARE(m_model->sortOrder(), order);
    QCOMPARE(m_model->rowCount(), memberCount);

    const bool isDate = column == MembersModel::FirstSeenColumn
                        || column == MembersModel::LastSeenColumn;
    bool sawDifferentValues = false;
    for (int row = 1; row < m_model->rowCount(); ++row) {
        const QVariant previous = m_model->index(row - 1, column)
                                      .data(PagedTableModel::SortValueRole);
        const QVariant current = m_model->index(row, column).data(PagedTableModel::SortValueRole);
        int comparison = 0;
        if (column == MembersModel::NameColumn) {
            comparison = previous.toString().toCaseFolded().compare(
                current.toString().toCaseFolded());
        } else if (isDate) {
            comparison = secsOrZero(previous) < secsOrZero(current)
                             ? -1
                             : (secsOrZero(previous) > secsOrZero(current) ? 1 : 0);
        } else {
            comparison = previous.toInt() < current.toInt()
                             ? -1
                             : (previous.toInt() > current.toInt() ? 1 : 0);
        }
        if (comparison != 0)
            sawDifferentValues = true;
        if (order == Qt::AscendingOrder)
            QVERIFY2(comparison <= 0, qPrintable(QStringLiteral("row %1").arg(row)));
        else
            QVERIFY2(comparison >= 0, qPrintable(QStringLiteral("row %1").arg(row)));
    }
    QVERIFY(sawDifferentValues);

    if (column == MembersModel::PostsColumn && order == Qt::DescendingOrder) {
        QCOMPARE(m_model->index(0, column).data().toLongLong(),
                 m_db->count(QStringLiteral("SELECT MAX(post_count) FROM members")));
    }
    // Sorting on a column that does not exist changes nothing.
    m_model->sort(MembersModel::ColumnCount, Qt::AscendingOrder);
    QCOMPARE(m_model->sortColumn(), column);
}

void tst_MembersModel::filter_data()
{
    QTest::addColumn<QString>("filter");
    // Whether a LIKE pattern without escaping would have matched more members.
    QTest::addColumn<bool>("wildcard");
    // Whether the sample community certainly has members that match.
    QTest::addColumn<bool>("matchesSome");

    QTest::newRow("name, other case") << QStringLiteral("ADA") << false << true;
    QTest::newRow("part of a last name") << QStringLiteral("SEN") << false << true;
    QTest::newRow("e-mail domain") << QStringLiteral("@Example.ORG") << false << true;
    QTest::newRow("tag") << QStringLiteral("Mentor") << false << true;
    QTest::newRow("surrounding spaces") << QStringLiteral("  champion ") << false << true;
    QTest::newRow("handle, underscore is literal") << QStringLiteral("a_e") << true << false;
    QTest::newRow("percent is literal") << QStringLiteral("%") << true << false;
    QTest::newRow("percent inside") << QStringLiteral("a%e") << true << false;
    QTest::newRow("backslash") << QStringLiteral("\\") << false << false;
    QTest::newRow("nobody") << QStringLiteral("zzzz-no-such-member") << false << false;
}

void tst_MembersModel::filter()
{
    QFETCH(QString, filter);
    QFETCH(bool, wildcard);
    QFETCH(bool, matchesSome);
    QVERIFY(fill());

    const QSet<qint64> expected = membersMatching(*m_db, filter);
    if (matchesSome)
        QVERIFY(!expected.isEmpty());
    m_model->setFilterText(filter);
    fetchAll(*m_model);
    QCOMPARE(m_model->filterText(), filter);
    QCOMPARE(m_model->rowCount(), int(expected.size()));
    QCOMPARE(idsInModel(*m_model), expected);
    QVERIFY(!m_model->canFetchMore({}));

    if (wildcard) {
        const QString pattern = QLatin1Char('%') + filter.toCaseFolded() + QLatin1Char('%');
        const qint64 unescaped = m_db->count(
            QStringLiteral("SELECT COUNT(*) FROM members m WHERE m.sort_name LIKE ? OR EXISTS "
                           "(SELECT 1 FROM identities i WHERE i.member_id = m.id AND i.normalized "
                           "LIKE ?)"),
            {pattern, pattern});
        QVERIFY(unescaped > expected.size());
    }

    // Clearing the filter shows everybody again.
    m_model->setFilterText(QString());
    fetchAll(*m_model);
    QCOMPARE(m_model->rowCount(), memberCount);
}

void tst_MembersModel::displayedFigures()
{
    QVERIFY(fill());
    m_model->sort(MembersModel::PostsColumn, Qt::DescendingOrder);
    fetchAll(*m_model);
    for (int row = 0; row < m_model->rowCount(); row += 37) {
        const qint64 id = m_model->index(row, 0).data(PagedTableModel::IdRole).toLongLong();
        SqlQuery query(m_db->connectionName(),
                       QStringLiteral(
                           "SELECT display_name, post_count, replies_given, "
                           "replies_received, mentions_received FROM members WHERE id = ?"));
        query.bind(id).exec();
        QVERIFY(query.next());
        QCOMPARE(m_model->index(row, MembersModel::NameColumn).data().toString(), query.toString(0));
        QCOMPARE(m_model->index(row, MembersModel::PostsColumn).data().toInt(),
                 query.value(1).toInt());
        QCOMPARE(m_model->index(row, MembersModel::RepliesGivenColumn).data().toInt(),
                 query.value(2).toInt());
        QCOMPARE(m_model->index(row, MembersModel::RepliesReceivedColumn).data().toInt(),
                 query.value(3).toInt());
        QCOMPARE(m_model->index(row, MembersModel::MentionsColumn).data().toInt(),
                 query.value(4).toInt());

        const QVariantList handles = m_db->column(
            QStringLiteral("SELECT value FROM identities WHERE member_id = ? AND kind = 'handle'"),
            {id});
        const QString shown = m_model->index(row, MembersModel::HandlesColumn).data().toString();
        for (const QVariant &handle : handles)
            QVERIFY2(shown.contains(QLatin1Char('@') + handle.toString()), qPrintable(shown));
        const QVariantList tags
            = m_db->column(QStringLiteral(
                               "SELECT t.name FROM member_tags mt JOIN tags t ON t.id = mt.tag_id "
                               "WHERE mt.member_id = ?"),
                           {id});
        const QString shownTags = m_model->index(row, MembersModel::TagsColumn).data().toString();
        for (const QVariant &tag : tags)
            QVERIFY2(shownTags.contains(tag.toString()), qPrintable(shownTags));

        const auto alignment = m_model->index(row, MembersModel::PostsColumn)
                                   .data(Qt::TextAlignmentRole)
                                   .value<Qt::Alignment>();
        QVERIFY(alignment & Qt::AlignRight);
    }
}

void tst_MembersModel::levelFilter()
{
    QVERIFY(fill());
    int total = 0;
    for (int level = 0; level < EngagementFormula::LevelCount; ++level) {
        m_model->setLevelFilter(level);
        fetchAll(*m_model);
        QCOMPARE(m_model->levelFilter(), level);
        const qint64 expected
            = m_db->count(QStringLiteral("SELECT COUNT(*) FROM members WHERE engagement_level = ?"),
                          {level});
        QCOMPARE(m_model->rowCount(), int(expected));
        total += m_model->rowCount();
        for (int row = 0; row < m_model->rowCount(); ++row) {
            QCOMPARE(m_model->index(row, MembersModel::LevelColumn)
                         .data(PagedTableModel::SortValueRole)
                         .toInt(),
                     level);
            QCOMPARE(m_model->index(row, MembersModel::LevelColumn).data().toString(),
                     EngagementFormula::levelName(level));
        }
    }
    QCOMPARE(total, memberCount);
    // Combined with the quick filter: both conditions hold.
    m_model->setLevelFilter(int(EngagementFormula::Level::Exploring));
    m_model->setFilterText(QStringLiteral("a"));
    fetchAll(*m_model);
    const QSet<qint64> matching = membersMatching(*m_db, QStringLiteral("a"));
    QSet<qint64> expected;
    for (const QVariant &id :
         m_db->column(QStringLiteral("SELECT id FROM members WHERE engagement_level = 1")))
        if (matching.contains(id.toLongLong()))
            expected.insert(id.toLongLong());
    QVERIFY(!expected.isEmpty());
    QCOMPARE(idsInModel(*m_model), expected);
    m_model->setLevelFilter(-1);
    m_model->setFilterText({});
    fetchAll(*m_model);
    QCOMPARE(m_model->rowCount(), memberCount);
}

void tst_MembersModel::mergeWhileShown()
{
    QVERIFY(fill());
    m_model->sort(MembersModel::PostsColumn, Qt::DescendingOrder);
    const qint64 keep = m_model->index(0, 0).data(PagedTableModel::IdRole).toLongLong();
    const qint64 other = m_model->index(1, 0).data(PagedTableModel::IdRole).toLongLong();
    const int posts = m_model->index(0, MembersModel::PostsColumn).data().toInt()
                      + m_model->index(1, MembersModel::PostsColumn).data().toInt();
    MemberJournal journal(m_db->connectionName());
    const qint64 entry = journal.merge(keep, {other}).journalId;
    m_model->reload();
    fetchAll(*m_model);
    QCOMPARE(m_model->rowCount(), memberCount - 1);
    QCOMPARE(m_model->index(0, 0).data(PagedTableModel::IdRole).toLongLong(), keep);
    QCOMPARE(m_model->index(0, MembersModel::PostsColumn).data().toInt(), posts);
    QVERIFY(!idsInModel(*m_model).contains(other));
    journal.undo(entry);
    m_model->reload();
    fetchAll(*m_model);
    QCOMPARE(m_model->rowCount(), memberCount);
    QVERIFY(idsInModel(*m_model).contains(other));
}

QTEST_GUILESS_MAIN(tst_MembersModel)
#include "tst_membersmodel.moc"
