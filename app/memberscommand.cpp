// Thin wrappers around MemberJournal, MemberEditor, DuplicateFinder and EngagementCalculator.
#include "memberscommand.h"

#include "commandline.h"
#include "database.h"
#include "duplicatefinder.h"
#include "engagementcalculator.h"
#include "membereditor.h"
#include "memberjournal.h"
#include "storageerror.h"
#include "terminal.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace {

void setUp(QCommandLineParser &parser, const QString &usage)
{
    parser.setApplicationDescription(usage);
    parser.addHelpOption();
    parser.addOption(CommandLine::databaseOption());
}

// Positive ids from the positional arguments from index `first` on; false on anything else.
bool parseIds(const QStringList &positionals, qsizetype first, QList<qint64> *ids)
{
    for (qsizetype i = first; i < positionals.size(); ++i) {
        bool ok = false;
        const qint64 id = positionals.at(i).toLongLong(&ok);
        if (!ok || id <= 0)
            return false;
        *ids << id;
    }
    return true;
}

QJsonArray idsJson(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

int merge(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser,
          CommandLine::tr("Merge members into the first one: their identities, posts, mentions "
                          "and tags move to it. Undo with members unmerge."));
    const QCommandLineOption json(QStringLiteral("json"), CommandLine::tr("Print it as JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("ids"),
                                 CommandLine::tr("The member to keep, then the ones to merge in."),
                                 QStringLiteral("members merge KEEP_ID OTHER_ID..."));
    if (const int code = CommandLine::parseCommand(parser, arguments, 1000); code >= 0)
        return code;
    QList<qint64> ids;
    if (!parseIds(parser.positionalArguments(), 2, &ids) || ids.size() < 2)
        return Terminal::fail(
            CommandLine::tr("members merge needs the id of the member to keep and at least one "
                            "other member id."));
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        const QList<qint64> others = ids.mid(1);
        const MemberJournal::MergeResult result = MemberJournal(database->connectionName())
                                                      .merge(ids.constFirst(), others);
        if (parser.isSet(json)) {
            const QJsonObject object{{QStringLiteral("merge_id"), result.journalId},
                                     {QStringLiteral("kept"), ids.constFirst()},
                                     {QStringLiteral("merged"), idsJson(others)},
                                     {QStringLiteral("identities"), result.identities},
                                     {QStringLiteral("posts"), result.posts},
                                     {QStringLiteral("mentions"), result.mentions},
                                     {QStringLiteral("tags"), result.tags}};
            Terminal::out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
        } else {
            Terminal::out() << CommandLine::tr("Merged %n member(s) into %1 (merge %2): ",
                                               nullptr,
                                               int(others.size()))
                                   .arg(ids.constFirst())
                                   .arg(result.journalId)
                            << CommandLine::tr("%1 identities, %2 posts, %3 mentions and %4 new "
                                               "tags moved.")
                                   .arg(result.identities)
                                   .arg(result.posts)
                                   .arg(result.mentions)
                                   .arg(result.tags)
                            << '\n'
                            << CommandLine::tr("Undo with: members unmerge %1").arg(result.journalId)
                            << Qt::endl;
        }
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    return 0;
}

int unmerge(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser,
          CommandLine::tr("Undo a merge (or a deletion) of members: everything that moved goes "
                          "back."));
    parser.addPositionalArgument(QStringLiteral("id"),
                                 CommandLine::tr("The merge id members merge printed."),
                                 QStringLiteral("members unmerge MERGE_ID"));
    if (const int code = CommandLine::parseCommand(parser, arguments, 3); code >= 0)
        return code;
    QList<qint64> ids;
    if (!parseIds(parser.positionalArguments(), 2, &ids) || ids.size() != 1)
        return Terminal::fail(CommandLine::tr("members unmerge needs a merge id."));
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        MemberJournal(database->connectionName()).undo(ids.constFirst());
        Terminal::out() << CommandLine::tr("Undid merge %1.").arg(ids.constFirst()) << Qt::endl;
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    return 0;
}

int erase(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser,
          CommandLine::tr("Erase a member's personal data: identities, name, e-mail, notes and "
                          "tags. Their posts stay under \"Deleted member\" unless --remove-posts "
                          "is given. This cannot be undone."));
    const QCommandLineOption removePosts(QStringLiteral("remove-posts"),
                                         CommandLine::tr("Remove the member's posts too."));
    parser.addOption(removePosts);
    parser.addPositionalArgument(QStringLiteral("id"),
                                 CommandLine::tr("The member's id."),
                                 QStringLiteral("members erase ID"));
    if (const int code = CommandLine::parseCommand(parser, arguments, 3); code >= 0)
        return code;
    QList<qint64> ids;
    if (!parseIds(parser.positionalArguments(), 2, &ids) || ids.size() != 1)
        return Terminal::fail(CommandLine::tr("members erase needs a member id."));
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        const MemberEditor::EraseResult result
            = MemberEditor(database->connectionName())
                  .erase(ids.constFirst(),
                         parser.isSet(removePosts) ? MemberEditor::ErasePosts::Remove
                                                   : MemberEditor::ErasePosts::KeepAsDeletedMember);
        Terminal::out() << CommandLine::tr("Erased member %1: %2 identities removed, %3 posts "
                                           "removed.")
                               .arg(ids.constFirst())
                               .arg(result.identities)
                               .arg(result.postsRemoved)
                        << Qt::endl;
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    return 0;
}

QString reasonKey(DuplicateFinder::Reason reason)
{
    switch (reason) {
    case DuplicateFinder::Reason::SameEmail:
        return QStringLiteral("same_email");
    case DuplicateFinder::Reason::SameHandle:
        return QStringLiteral("same_handle");
    case DuplicateFinder::Reason::SimilarName:
        return QStringLiteral("similar_name");
    }
    return {};
}

int suggestDuplicates(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser,
          CommandLine::tr("List members that are probably the same person, with the reason."));
    const QCommandLineOption json(QStringLiteral("json"), CommandLine::tr("Print them as JSON."));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   CommandLine::tr("At most N suggestions (default 200)."),
                                   CommandLine::tr("N"),
                                   QStringLiteral("200"));
    parser.addOptions({json, limit});
    if (const int code = CommandLine::parseCommand(parser, arguments, 2); code >= 0)
        return code;
    bool ok = false;
    const int most = parser.value(limit).toInt(&ok);
    if (!ok || most <= 0)
        return Terminal::fail(CommandLine::tr("--limit needs a whole number above 0, not \"%1\".")
                                  .arg(parser.value(limit)));
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        const QList<DuplicateFinder::Suggestion> suggestions
            = DuplicateFinder(database->connectionName()).find(most);
        if (parser.isSet(json)) {
            QJsonArray array;
            for (const DuplicateFinder::Suggestion &suggestion : suggestions) {
                array.append(QJsonObject{{QStringLiteral("reason"), reasonKey(suggestion.reason)},
                                         {QStringLiteral("evidence"), suggestion.evidence},
                                         {QStringLiteral("similarity"), suggestion.similarity},
                                         {QStringLiteral("members"), idsJson(suggestion.memberIds)},
                                         {QStringLiteral("names"),
                                          QJsonArray::fromStringList(suggestion.names)}});
            }
            Terminal::out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return 0;
        }
        for (const DuplicateFinder::Suggestion &suggestion : suggestions) {
            QStringList members;
            for (qsizetype i = 0; i < suggestion.memberIds.size(); ++i)
                members << QStringLiteral("%1 %2")
                               .arg(suggestion.memberIds.at(i))
                               .arg(suggestion.names.value(i));
            Terminal::out() << members.join(QLatin1String(", ")) << '\t' << suggestion.explanation()
                            << '\n';
        }
        Terminal::out() << CommandLine::tr("%n suggestion(s)", nullptr, int(suggestions.size()))
                        << Qt::endl;
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    return 0;
}

int recompute(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser,
          CommandLine::tr("Recompute every member's engagement score and level with the stored "
                          "formula."));
    const QCommandLineOption json(QStringLiteral("json"), CommandLine::tr("Print it as JSON."));
    parser.addOption(json);
    if (const int code = CommandLine::parseCommand(parser, arguments, 2); code >= 0)
        return code;
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        QElapsedTimer timer;
        timer.start();
        EngagementCalculator(database->connectionName()).recomputeAll({}, Terminal::progress());
        const qint64 elapsed = timer.elapsed();
        if (parser.isSet(json)) {
            Terminal::out() << QJsonDocument(QJsonObject{{QStringLiteral("milliseconds"), elapsed}})
                                   .toJson(QJsonDocument::Indented);
        } else {
            Terminal::out() << CommandLine::tr("Recomputed engagement in %1 ms.").arg(elapsed)
                            << Qt::endl;
        }
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    return 0;
}

} // namespace

int MembersCommand::run(const QStringList &arguments)
{
    const qsizetype at = arguments.indexOf(QLatin1String("members"));
    const QString subcommand = at >= 0 ? arguments.value(at + 1) : QString();
    if (subcommand == QLatin1String("merge"))
        return merge(arguments);
    if (subcommand == QLatin1String("unmerge"))
        return unmerge(arguments);
    if (subcommand == QLatin1String("erase"))
        return erase(arguments);
    if (subcommand == QLatin1String("suggest-duplicates"))
        return suggestDuplicates(arguments);
    if (subcommand == QLatin1String("recompute"))
        return recompute(arguments);
    if (subcommand.isEmpty() || subcommand == QLatin1String("--help")
        || subcommand == QLatin1String("-h")) {
        Terminal::out() << CommandLine::tr("Usage: watercooler [--database PATH] members "
                                           "merge|unmerge|erase|suggest-duplicates|recompute ...\n"
                                           "See members COMMAND --help.")
                        << Qt::endl;
        return subcommand.isEmpty() ? 1 : 0;
    }
    return Terminal::fail(
        CommandLine::tr("Unknown members command \"%1\". Commands: merge, unmerge, erase, "
                        "suggest-duplicates, recompute.")
            .arg(subcommand));
}
