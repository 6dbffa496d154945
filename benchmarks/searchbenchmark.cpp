// Times what the Discussions pane asks of the database: the first page of a full-text search
// (with its snippets), the same with filters, and the filtered discussions list.
//   searchbenchmark DATABASE [QUERY...]
#include "database.h"
#include "databaselocation.h"
#include "discussionrepository.h"
#include "sqlquery.h"
#include "storageerror.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <functional>

namespace {

constexpr int runs = 7;
constexpr int pageSize = 200; // what PagedTableModel reads at a time

// The median of several runs in milliseconds, and the rows the last one returned.
std::pair<double, qsizetype> measure(const std::function<qsizetype()> &work)
{
    QList<double> times;
    qsizetype rows = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        rows = work();
        times << double(timer.nsecsElapsed()) / 1e6;
    }
    std::sort(times.begin(), times.end());
    return {times.at(runs / 2), rows};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QStringList arguments = app.arguments().mid(1);
    if (arguments.isEmpty()) {
        QTextStream(stderr) << "usage: searchbenchmark DATABASE [QUERY...]\n";
        return 2;
    }
    const QString target = arguments.takeFirst();
    if (arguments.isEmpty()) {
        arguments = {QStringLiteral("calendar"),
                     QStringLiteral("hackathon"),
                     QStringLiteral("\"shared calendar\""),
                     QStringLiteral("onboard*"),
                     QStringLiteral("calendar -events"),
                     QStringLiteral("zzzznotaword")};
    }
    try {
        Database database(DatabaseLocation::fromArgument(target));
        database.open();
        const QString connection = database.connectionName();
        const DiscussionRepository repository(connection);
        const qint64 posts = SqlQuery(connection, QStringLiteral("SELECT COUNT(*) FROM posts"))
                                 .scalar()
                                 .toLongLong();
        out << "database " << database.location().displayName() << ", " << posts << " posts, "
            << runs << " runs each, median\n";
        DiscussionRepository::Filters byMember;
        byMember.memberId = SqlQuery(connection,
                                     QStringLiteral("SELECT author_id FROM posts WHERE id = "
                                                    "(SELECT MAX(id) FROM posts)"))
                                .scalar()
                                .toLongLong();
        DiscussionRepository::Filters noReply;
        noReply.noReplyYet = true;
        const auto report = [&](const QString &what, const std::pair<double, qsizetype> &result) {
            out << QStringLiteral("%1  %2 ms  (%3 rows)\n")
                       .arg(what, -48)
                       .arg(result.first, 8, 'f', 1)
                       .arg(result.second);
            out.flush();
        };
        for (const QString &query : std::as_const(arguments)) {
            report(QStringLiteral("search %1").arg(query),
                   measure([&] { return repository.search(query, {}, 0, pageSize).size(); }));
            report(QStringLiteral("search %1, one member").arg(query),
                   measure([&] { return repository.search(query, byMember, 0, pageSize).size(); }));
            report(QStringLiteral("search %1, no reply yet").arg(query),
                   measure([&] { return repository.search(query, noReply, 0, pageSize).size(); }));
        }
        report(QStringLiteral("discussions, no reply yet"), measure([&] {
                   return repository
                       .page(QString(),
                             noReply,
                             DiscussionRepository::SortKey::LastPost,
                             Qt::DescendingOrder,
                             0,
                             pageSize)
                       .size();
               }));
        report(QStringLiteral("discussions, one member"), measure([&] {
                   return repository
                       .page(QString(),
                             byMember,
                             DiscussionRepository::SortKey::LastPost,
                             Qt::DescendingOrder,
                             0,
                             pageSize)
                       .size();
               }));
    } catch (const StorageError &error) {
        QTextStream(stderr) << error.message() << '\n';
        return 1;
    }
    return 0;
}
