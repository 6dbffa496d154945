// Adding, listing and removing feed subscriptions; only `add --discover` and `parse` of an
// address go on the network.
#include "feedscommand.h"

#include "commandline.h"
#include "database.h"
#include "feeddiscovery.h"
#include "feedfetcher.h"
#include "feedparser.h"
#include "feedrepository.h"
#include "opmlsubscriptions.h"
#include "storageerror.h"
#include "terminal.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>
#include <QUrl>

namespace {

// A parser with the options every feeds command shares.
void setUp(QCommandLineParser &parser, const QString &usage)
{
    parser.setApplicationDescription(usage);
    parser.addHelpOption();
    parser.addOption(CommandLine::databaseOption());
}

// Subscribes to every feed the page offers; feeds already followed are reported, not an error.
int addDiscovered(const QCommandLineParser &parser,
                  const QString &address,
                  const QString &folderPath,
                  bool followComments,
                  bool json)
{
    const QUrl page = QUrl::fromUserInput(address);
    if (!page.isValid() || page.host().isEmpty()
        || (page.scheme() != QLatin1String("http") && page.scheme() != QLatin1String("https"))) {
        return Terminal::fail(
            CommandLine::tr("\"%1\" is not a web page address (http or https).").arg(address));
    }
    try {
        // Opened first: a database that cannot be used fails before anything is fetched.
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        FeedDiscovery discovery;
        FeedDiscovery::Result found;
        QEventLoop loop;
        QObject::connect(&discovery,
                         &FeedDiscovery::finished,
                         &loop,
                         [&](const FeedDiscovery::Result &result) {
                             found = result;
                             loop.quit();
                         });
        discovery.discover(page);
        loop.exec();
        if (!found.errorString.isEmpty())
            return Terminal::fail(found.errorString);

        QList<FeedRepository::NewFeed> feeds;
        for (const FeedDiscovery::Candidate &candidate : std::as_const(found.candidates)) {
            FeedRepository::NewFeed feed;
            feed.url = candidate.url.toString();
            feed.title = candidate.title;
            feed.format = candidate.format;
            feed.folderPath = folderPath;
            feed.followComments = followComments;
            feeds << feed;
        }
        const QList<FeedRepository::AddOutcome> outcomes
            = FeedRepository(database->connectionName()).addFeeds(feeds);
        QJsonArray array;
        for (qsizetype i = 0; i < outcomes.size(); ++i) {
            const FeedRepository::NewFeed &feed = feeds.at(i);
            const FeedRepository::AddOutcome &outcome = outcomes.at(i);
            if (json) {
                array.append(QJsonObject{{QStringLiteral("id"), outcome.id},
                                         {QStringLiteral("url"), feed.url},
                                         {QStringLiteral("title"), feed.title},
                                         {QStringLiteral("format"), feed.format},
                                         {QStringLiteral("added"), outcome.added},
                                         {QStringLiteral("reason"),
                                          outcome.added
                                              ? QJsonValue()
                                              : QJsonValue(QStringLiteral("already_subscribed"))}});
                continue;
            }
            Terminal::out() << outcome.id << '\t' << (feed.title.isEmpty() ? feed.url : feed.title)
                            << '\t' << feed.url;
            if (!outcome.added)
                Terminal::out() << '\t' << CommandLine::tr("already followed, skipped");
            Terminal::out() << '\n';
        }
        if (json)
            Terminal::out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        Terminal::out() << Qt::flush;
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    return 0;
}

int add(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser,
          CommandLine::tr("Subscribe to a feed. Nothing is fetched until the next sync.\n"
                          "With --discover, URL is a web page: it is fetched now, and every feed "
                          "it offers is subscribed."));
    const QCommandLineOption folder(QStringLiteral("folder"),
                                    CommandLine::tr("Put the feed in this folder (\"A/B\" nests)."),
                                    CommandLine::tr("NAME"));
    const QCommandLineOption comments(QStringLiteral("follow-comments"),
                                      CommandLine::tr("Also fetch the comments of its items."));
    const QCommandLineOption
        discover(QStringLiteral("discover"),
                 CommandLine::tr(
                     "URL is a web page: subscribe to every feed it links to (or, when it "
                     "links to none, that its site offers at the usual feed addresses)."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  CommandLine::tr("With --discover: print the feeds as JSON."));
    parser.addOptions({folder, comments, discover, json});
    parser.addPositionalArgument(QStringLiteral("url"),
                                 CommandLine::tr("The feed's address, or with --discover a web "
                                                 "page's."),
                                 QStringLiteral("feeds add [--discover] URL"));
    if (const int code = CommandLine::parseCommand(parser, arguments, 4); code >= 0)
        return code;
    const QStringList positionals = parser.positionalArguments();
    if (parser.isSet(discover)) {
        if (positionals.size() < 3)
            return Terminal::fail(CommandLine::tr("feeds add --discover needs a web page's URL."));
        return addDiscovered(parser,
                             positionals.at(2),
                             parser.value(folder),
                             parser.isSet(comments),
                             parser.isSet(json));
    }
    if (parser.isSet(json))
        return Terminal::fail(CommandLine::tr("--json goes with --discover."));
    if (positionals.size() < 3)
        return Terminal::fail(CommandLine::tr("feeds add needs the feed's URL."));
    const QUrl url = QUrl::fromUserInput(positionals.at(2));
    if (!url.isValid()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")
            && url.scheme() != QLatin1String("file"))) {
        return Terminal::fail(CommandLine::tr("\"%1\" is not a feed address (http, https or file).")
                                  .arg(positionals.at(2)));
    }
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        FeedRepository::NewFeed feed;
        feed.url = url.toString();
        feed.folderPath = parser.value(folder);
        feed.followComments = parser.isSet(comments);
        const qint64 id = FeedRepository(database->connectionName()).addFeed(feed);
        Terminal::out() << id << Qt::endl;
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    return 0;
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

int list(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser, CommandLine::tr("List the feed subscriptions."));
    const QCommandLineOption json(QStringLiteral("json"), CommandLine::tr("Print them as JSON."));
    parser.addOption(json);
    if (const int code = CommandLine::parseCommand(parser, arguments, 3); code >= 0)
        return code;
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        const FeedRepository repository(database->connectionName());
        const QList<FeedRepository::Feed> feeds = repository.feeds();
        if (parser.isSet(json)) {
            QJsonArray array;
            for (const FeedRepository::Feed &feed : feeds) {
                array.append(
                    QJsonObject{{QStringLiteral("id"), feed.id},
                                {QStringLiteral("url"), feed.url},
                                {QStringLiteral("title"), feed.title},
                                {QStringLiteral("folder"), repository.folderPath(feed.folderId)},
                                {QStringLiteral("last_fetched"),
                                 feed.lastFetched.isValid()
                                     ? QJsonValue(feed.lastFetched.toUTC().toString(Qt::ISODate))
                                     : QJsonValue()},
                                {QStringLiteral("http_status"),
                                 feed.httpStatus > 0 ? QJsonValue(feed.httpStatus) : QJsonValue()},
                                {QStringLiteral("error"), orNull(feed.errorText)},
                                {QStringLiteral("status"), feed.status},
                                {QStringLiteral("items"), feed.itemCount},
                                {QStringLiteral("unread"), feed.unreadCount}});
            }
            Terminal::out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return 0;
        }
        for (const FeedRepository::Feed &feed : feeds) {
            const QString folderPath = repository.folderPath(feed.folderId);
            Terminal::out() << feed.id << '\t' << (feed.title.isEmpty() ? feed.url : feed.title)
                            << '\t' << feed.url;
            if (!folderPath.isEmpty())
                Terminal::out() << '\t' << CommandLine::tr("in %1").arg(folderPath);
            if (!feed.errorText.isEmpty())
                Terminal::out() << '\t' << CommandLine::tr("error: %1").arg(feed.errorText);
            Terminal::out() << '\n';
        }
        Terminal::out() << Qt::flush;
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    return 0;
}

int remove(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser, CommandLine::tr("End a feed subscription. What it brought in stays."));
    parser.addPositionalArgument(QStringLiteral("id"),
                                 CommandLine::tr("The feed's id (see feeds list)."),
                                 QStringLiteral("feeds remove ID"));
    if (const int code = CommandLine::parseCommand(parser, arguments, 4); code >= 0)
        return code;
    const QStringList positionals = parser.positionalArguments();
    bool ok = false;
    const qint64 id = positionals.value(2).toLongLong(&ok);
    if (!ok || id <= 0)
        return Terminal::fail(CommandLine::tr("feeds remove needs a feed id (see feeds list)."));
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        if (!FeedRepository(database->connectionName()).removeFeed(id))
            return Terminal::fail(CommandLine::tr("There is no feed %1.").arg(id));
        Terminal::out() << CommandLine::tr("Removed feed %1.").arg(id) << Qt::endl;
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    return 0;
}

int importOpml(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser, CommandLine::tr("Subscribe to every feed of an OPML file (folders kept)."));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 CommandLine::tr("The OPML file."),
                                 QStringLiteral("feeds import-opml FILE"));
    if (const int code = CommandLine::parseCommand(parser, arguments, 4); code >= 0)
        return code;
    const QString path = parser.positionalArguments().value(2);
    if (path.isEmpty())
        return Terminal::fail(CommandLine::tr("feeds import-opml needs the OPML file."));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Terminal::fail(CommandLine::tr("Cannot read %1: %2").arg(path, file.errorString()));
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        const OpmlSubscriptions::ImportResult result
            = OpmlSubscriptions::importDocument(database->connectionName(), file.readAll());
        Terminal::out() << CommandLine::tr("Added %n feed(s).", nullptr, result.added) << '\n';
        for (const QString &url : result.alreadySubscribed)
            Terminal::out() << CommandLine::tr("  already followed: %1").arg(url) << '\n';
        for (const QString &url : result.notFeeds)
            Terminal::out() << CommandLine::tr("  not a feed address, skipped: %1").arg(url)
                            << '\n';
        for (const QString &url : result.duplicates)
            Terminal::out() << CommandLine::tr("  listed twice, added once: %1").arg(url) << '\n';
        Terminal::out() << Qt::flush;
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    return 0;
}

int exportOpml(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser, CommandLine::tr("Write every subscription, in its folders, to an OPML file."));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 CommandLine::tr("The OPML file to write."),
                                 QStringLiteral("feeds export-opml FILE"));
    if (const int code = CommandLine::parseCommand(parser, arguments, 4); code >= 0)
        return code;
    const QString path = parser.positionalArguments().value(2);
    if (path.isEmpty())
        return Terminal::fail(CommandLine::tr("feeds export-opml needs the file to write."));
    QByteArray opml;
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        opml = OpmlSubscriptions::exportDocument(database->connectionName());
    } catch (const StorageError &error) {
        return Terminal::fail(error.message());
    }
    // Written whole or not at all: an existing file is only replaced by a complete one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(opml) != opml.size() || !file.commit())
        return Terminal::fail(CommandLine::tr("Cannot write %1: %2").arg(path, file.errorString()));
    Terminal::out() << CommandLine::tr("Wrote %1.").arg(path) << Qt::endl;
    return 0;
}

QJsonValue isoTime(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonArray authorsJson(const QList<ParsedAuthor> &authors)
{
    QJsonArray array;
    for (const ParsedAuthor &author : authors) {
        array.append(QJsonObject{{QStringLiteral("name"), author.name},
                                 {QStringLiteral("email"), author.email},
                                 {QStringLiteral("url"), author.url}});
    }
    return array;
}

QJsonObject feedJson(const ParsedFeed &feed)
{
    QJsonArray items;
    for (const ParsedItem &item : feed.items) {
        QJsonArray enclosures;
        for (const ParsedEnclosure &enclosure : item.enclosures) {
            enclosures.append(
                QJsonObject{{QStringLiteral("url"), enclosure.url},
                            {QStringLiteral("type"), enclosure.type},
                            {QStringLiteral("length"),
                             enclosure.length >= 0 ? QJsonValue(enclosure.length) : QJsonValue()},
                            {QStringLiteral("duration_seconds"),
                             enclosure.durationSeconds >= 0 ? QJsonValue(enclosure.durationSeconds)
                                                            : QJsonValue()}});
        }
        items.append(
            QJsonObject{{QStringLiteral("id"), item.id},
                        {QStringLiteral("title"), item.title},
                        {QStringLiteral("link"), item.link},
                        {QStringLiteral("published"), isoTime(item.published)},
                        {QStringLiteral("updated"), isoTime(item.updated)},
                        {QStringLiteral("authors"), authorsJson(item.authors)},
                        {QStringLiteral("summary"), item.summary},
                        {QStringLiteral("content_html"), item.contentHtml},
                        {QStringLiteral("categories"), QJsonArray::fromStringList(item.categories)},
                        {QStringLiteral("comments_url"), orNull(item.commentsUrl)},
                        {QStringLiteral("comment_count"),
                         item.commentCount >= 0 ? QJsonValue(item.commentCount) : QJsonValue()},
                        {QStringLiteral("in_reply_to"), orNull(item.inReplyTo)},
                        {QStringLiteral("enclosures"), enclosures}});
    }
    QJsonArray errors;
    for (const ParsedError &error : feed.errors) {
        errors.append(QJsonObject{{QStringLiteral("line"), error.line},
                                  {QStringLiteral("column"), error.column},
                                  {QStringLiteral("message"), error.message}});
    }
    return QJsonObject{{QStringLiteral("format"), feed.format},
                       {QStringLiteral("title"), feed.title},
                       {QStringLiteral("link"), feed.link},
                       {QStringLiteral("description"), feed.description},
                       {QStringLiteral("language"), feed.language},
                       {QStringLiteral("image"), feed.imageUrl},
                       {QStringLiteral("new_url"), orNull(feed.newUrl)},
                       {QStringLiteral("authors"), authorsJson(feed.authors)},
                       {QStringLiteral("items"), items},
                       {QStringLiteral("errors"), errors}};
}

int parseFeed(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser,
          CommandLine::tr(
              "Show a feed file or address exactly as Watercooler reads it; nothing is stored."));
    const QCommandLineOption json(QStringLiteral("json"), CommandLine::tr("Print it as JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("file"),
                                 CommandLine::tr("The feed file, or its http(s) address."),
                                 QStringLiteral("feeds parse FILE_OR_URL"));
    if (const int code = CommandLine::parseCommand(parser, arguments, 4); code >= 0)
        return code;
    const QString path = parser.positionalArguments().value(2);
    if (path.isEmpty())
        return Terminal::fail(CommandLine::tr("feeds parse needs a feed file or address."));
    QByteArray data;
    QUrl base;
    QString charset;
    const QUrl url(path);
    if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) {
        // Fetched as a sync would fetch it (redirects, size cap, timeout), then parsed.
        FeedFetcher fetcher;
        FetchResult fetched;
        QEventLoop loop;
        QObject::connect(&fetcher, &FeedFetcher::finished, &loop, [&](const FetchResult &result) {
            fetched = result;
            loop.quit();
        });
        fetcher.fetch(FetchRequest{0, url, {}, {}, std::nullopt});
        loop.exec();
        if (!fetched.succeeded())
            return Terminal::fail(fetched.errorString);
        data = fetched.body;
        base = fetched.finalUrl;
        charset = fetched.charset;
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Terminal::fail(
                CommandLine::tr("Cannot read %1: %2").arg(path, file.errorString()));
        if (file.size() > FeedParser::MaximumSize)
            return Terminal::fail(CommandLine::tr("%1 is larger than a feed may be.").arg(path));
        data = file.readAll();
        base = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    }
    const ParsedFeed feed = FeedParser::parse(data, base, charset);
    const bool readable = !feed.format.isEmpty();
    if (parser.isSet(json)) {
        Terminal::out() << QJsonDocument(feedJson(feed)).toJson(QJsonDocument::Indented);
    } else {
        Terminal::out() << CommandLine::tr("Format: %1")
                               .arg(readable ? feed.format : CommandLine::tr("not a feed"))
                        << '\n'
                        << CommandLine::tr("Title: %1").arg(feed.title) << '\n'
                        << CommandLine::tr("Link: %1").arg(feed.link) << '\n'
                        << CommandLine::tr("%n item(s)", nullptr, int(feed.items.size())) << '\n';
        for (const ParsedItem &item : feed.items) {
            Terminal::out() << "  "
                            << (item.published.isValid()
                                    ? item.published.toUTC().toString(Qt::ISODate)
                                    : QStringLiteral("-"))
                            << "  " << item.title << '\n';
        }
        for (const ParsedError &error : feed.errors)
            Terminal::out() << CommandLine::tr("Error at %1:%2: %3")
                                   .arg(error.line)
                                   .arg(error.column)
                                   .arg(error.message)
                            << '\n';
        Terminal::out() << Qt::flush;
    }
    if (!readable)
        return Terminal::fail(feed.errors.isEmpty() ? CommandLine::tr("%1 is not a feed.").arg(path)
                                                    : feed.errors.constFirst().message);
    return 0;
}

} // namespace

int FeedsCommand::run(const QStringList &arguments)
{
    // arguments: program [--database X] feeds SUBCOMMAND ...
    const qsizetype at = arguments.indexOf(QLatin1String("feeds"));
    const QString subcommand = at >= 0 ? arguments.value(at + 1) : QString();
    if (subcommand == QLatin1String("add"))
        return add(arguments);
    if (subcommand == QLatin1String("list"))
        return list(arguments);
    if (subcommand == QLatin1String("remove"))
        return remove(arguments);
    if (subcommand == QLatin1String("import-opml"))
        return importOpml(arguments);
    if (subcommand == QLatin1String("export-opml"))
        return exportOpml(arguments);
    if (subcommand == QLatin1String("parse"))
        return parseFeed(arguments);
    if (subcommand.isEmpty() || subcommand == QLatin1String("--help")
        || subcommand == QLatin1String("-h")) {
        Terminal::out() << CommandLine::tr("Usage: watercooler [--database PATH] feeds "
                                           "add|list|remove|import-opml|export-opml|parse ...\n"
                                           "See feeds COMMAND --help.")
                        << Qt::endl;
        return subcommand.isEmpty() ? 1 : 0;
    }
    return Terminal::fail(
        CommandLine::tr("Unknown feeds command \"%1\". Commands: add, list, remove, import-opml, "
                        "export-opml, parse.")
            .arg(subcommand));
}
