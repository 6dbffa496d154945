// Adding, listing and removing feed subscriptions; only `add --discover` and `parse` of an
// address go on the network.
#include "feedscommand.h"

#include "commandline.h"
#include "credentialstore.h"
#include "database.h"
#include "downloadcommand.h"
#include "feeddiscovery.h"
#include "feedfetcher.h"
#include "feedparser.h"
#include "feedrepository.h"
#include "opmlsubscriptions.h"
#include "storageerror.h"
#include "terminal.h"
#include "transaction.h"

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

#include <optional>

namespace {

// Thirty days: a feed fetched less often than that is as good as paused.
constexpr int MaximumIntervalMinutes = 30 * 24 * 60;

// A parser with the options every feeds command shares.
void setUp(QCommandLineParser &parser, const QString &usage)
{
    parser.setApplicationDescription(usage);
    parser.addHelpOption();
    parser.addOption(CommandLine::databaseOption());
}

// --user NAME of feeds add and feeds set.
QCommandLineOption userOption()
{
    return QCommandLineOption(QStringLiteral("user"),
                              CommandLine::tr("Sign in with this user name (HTTP Basic); the "
                                              "password is read from stdin or asked for, and "
                                              "kept in the system keychain."),
                              CommandLine::tr("NAME"));
}

// Reads the password of user for the feed at url (stdin, or asked for without echo) and keeps
// it in the system keychain. Nothing is saved anywhere else: without a keychain the person is
// told how to give it to each sync instead.
void savePassword(const QUrl &url, const QString &user)
{
    const QString password = Terminal::readSecret(
        CommandLine::tr("Password of %1 for %2: ").arg(user, url.host()));
    if (password.isEmpty()) {
        Terminal::err() << CommandLine::tr("No password given, none saved for %1. Set it later "
                                           "with feeds set ID --user %1.")
                               .arg(user)
                        << Qt::endl;
        return;
    }
    const CredentialStore::Result result
        = CredentialStore::writeKeyBlocking(CredentialStore::keyForFeed(url, user), password);
    if (result.status == CredentialStore::Status::Done)
        return;
    if (result.status == CredentialStore::Status::Unavailable) {
        Terminal::err() << CommandLine::tr("The system keychain is not available, so the password "
                                           "was not saved. Give it to each sync in the "
                                           "environment variable WATERCOOLER_FEED_PASSWORD.")
                        << Qt::endl;
        return;
    }
    Terminal::err() << CommandLine::tr("The system keychain did not save the password: %1")
                           .arg(result.errorString)
                    << Qt::endl;
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
    const QCommandLineOption user = userOption();
    parser.addOptions({folder, comments, user, discover, json});
    parser.addPositionalArgument(QStringLiteral("url"),
                                 CommandLine::tr("The feed's address, or with --discover a web "
                                                 "page's."),
                                 QStringLiteral("feeds add [--discover] URL"));
    if (const int code = CommandLine::parseCommand(parser, arguments, 4); code >= 0)
        return code;
    const QStringList positionals = parser.positionalArguments();
    if (parser.isSet(discover)) {
        if (parser.isSet(user))
            return Terminal::fail(CommandLine::tr("--user goes with a feed's URL, not with "
                                                  "--discover; set it afterwards with feeds set "
                                                  "ID --user NAME."));
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
    const QString userName = parser.value(user).trimmed();
    if (parser.isSet(user) && userName.isEmpty())
        return Terminal::fail(CommandLine::tr("--user needs a user name."));
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        FeedRepository repository(database->connectionName());
        FeedRepository::NewFeed feed;
        feed.url = url.toString();
        feed.folderPath = parser.value(folder);
        feed.followComments = parser.isSet(comments);
        qint64 id = 0;
        {
            Transaction transaction(database->connectionName());
            id = repository.addFeed(feed);
            if (!userName.isEmpty()) {
                FeedRepository::FeedSettings settings = repository.settings(id);
                settings.authUser = userName;
                repository.updateFeedSettings(id, settings);
            }
            transaction.commit();
        }
        if (!userName.isEmpty())
            savePassword(url, userName);
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
                // The settings `feeds set` changes, and what the scheduler goes by.
                const FeedRepository::Feed full = repository.feed(feed.id);
                QJsonObject object = array.last().toObject();
                object.insert(QStringLiteral("next_fetch"),
                              full.nextFetch.isValid()
                                  ? QJsonValue(full.nextFetch.toUTC().toString(Qt::ISODate))
                                  : QJsonValue());
                object.insert(QStringLiteral("moved_from"), orNull(full.movedFromUrl));
                object.insert(QStringLiteral("refresh_interval_s"), full.refreshIntervalSeconds);
                object.insert(QStringLiteral("ttl_s"),
                              full.ttlSeconds > 0 ? QJsonValue(full.ttlSeconds) : QJsonValue());
                object.insert(QStringLiteral("retention_cap"),
                              full.retentionCap > 0 ? QJsonValue(full.retentionCap) : QJsonValue());
                object.insert(QStringLiteral("follow_comments"), full.followComments);
                object.insert(QStringLiteral("user"), orNull(full.authUser));
                object.insert(QStringLiteral("consecutive_failures"), full.consecutiveFailures);
                array.replace(array.size() - 1, object);
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

// "on"/"off" and their usual spellings; nullopt for anything else.
std::optional<bool> parseSwitch(const QString &value)
{
    const QString v = value.trimmed().toLower();
    if (v == QLatin1String("on") || v == QLatin1String("yes") || v == QLatin1String("true")
        || v == QLatin1String("1"))
        return true;
    if (v == QLatin1String("off") || v == QLatin1String("no") || v == QLatin1String("false")
        || v == QLatin1String("0"))
        return false;
    return std::nullopt;
}

int set(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUp(parser, CommandLine::tr("Change the settings of a feed; what is not given stays."));
    const QCommandLineOption user = userOption();
    const QCommandLineOption noUser(QStringLiteral("no-user"),
                                    CommandLine::tr("Stop signing in; the saved password is "
                                                    "removed from the keychain."));
    const QCommandLineOption interval(QStringLiteral("interval"),
                                      CommandLine::tr("Fetch it every MINUTES minutes (a longer "
                                                      "pause the feed asks for wins)."),
                                      CommandLine::tr("MINUTES"));
    const QCommandLineOption retention(QStringLiteral("retention"),
                                       CommandLine::tr("Keep its newest N items (0 keeps "
                                                       "everything); applies at the next sync."),
                                       QStringLiteral("N"));
    const QCommandLineOption comments(QStringLiteral("follow-comments"),
                                      CommandLine::tr("Also fetch the comments of its items."),
                                      QStringLiteral("on|off"));
    const QCommandLineOption title(QStringLiteral("title"),
                                   CommandLine::tr("Show it under this title."),
                                   CommandLine::tr("TITLE"));
    const QCommandLineOption folder(QStringLiteral("folder"),
                                    CommandLine::tr(
                                        "Move it to this folder (\"A/B\" nests, \"\" is "
                                        "the top level)."),
                                    CommandLine::tr("NAME"));
    parser.addOptions({user, noUser, interval, retention, comments, title, folder});
    parser.addPositionalArgument(QStringLiteral("id"),
                                 CommandLine::tr("The feed's id (see feeds list)."),
                                 QStringLiteral("feeds set ID"));
    if (const int code = CommandLine::parseCommand(parser, arguments, 4); code >= 0)
        return code;
    bool ok = false;
    const qint64 id = parser.positionalArguments().value(2).toLongLong(&ok);
    if (!ok || id <= 0)
        return Terminal::fail(CommandLine::tr("feeds set needs a feed id (see feeds list)."));
    if (parser.isSet(user) && parser.isSet(noUser))
        return Terminal::fail(CommandLine::tr("Give either --user or --no-user, not both."));
    const QString userName = parser.value(user).trimmed();
    if (parser.isSet(user) && userName.isEmpty())
        return Terminal::fail(CommandLine::tr("--user needs a user name."));
    int minutes = 0;
    if (parser.isSet(interval)) {
        minutes = parser.value(interval).toInt(&ok);
        if (!ok || minutes < 1 || minutes > MaximumIntervalMinutes)
            return Terminal::fail(
                CommandLine::tr("--interval needs minutes from 1 to %1, not \"%2\".")
                    .arg(MaximumIntervalMinutes)
                    .arg(parser.value(interval)));
    }
    int cap = 0;
    if (parser.isSet(retention)) {
        cap = parser.value(retention).toInt(&ok);
        if (!ok || cap < 0)
            return Terminal::fail(
                CommandLine::tr("--retention needs a number of items (0 keeps everything), not "
                                "\"%1\".")
                    .arg(parser.value(retention)));
    }
    std::optional<bool> follow;
    if (parser.isSet(comments)) {
        follow = parseSwitch(parser.value(comments));
        if (!follow)
            return Terminal::fail(CommandLine::tr("--follow-comments needs on or off, not \"%1\".")
                                      .arg(parser.value(comments)));
    }
    try {
        const auto database = CommandLine::openDatabase(parser.value(QStringLiteral("database")));
        FeedRepository repository(database->connectionName());
        const FeedRepository::Feed feed = repository.feed(id);
        if (feed.id == 0)
            return Terminal::fail(CommandLine::tr("There is no feed %1.").arg(id));
        FeedRepository::FeedSettings settings = repository.settings(id);
        const QString previousUser = settings.authUser;
        if (parser.isSet(title))
            settings.title = parser.value(title);
        if (parser.isSet(folder))
            settings.folderPath = parser.value(folder);
        if (parser.isSet(interval))
            settings.refreshIntervalSeconds = minutes * 60;
        if (parser.isSet(retention))
            settings.retentionCap = cap;
        if (follow)
            settings.followComments = *follow;
        if (parser.isSet(user))
            settings.authUser = userName;
        if (parser.isSet(noUser))
            settings.authUser.clear();
        const int trimmed = repository.updateFeedSettings(id, settings);
        const QUrl url(feed.url);
        if (!previousUser.isEmpty() && previousUser != settings.authUser) {
            // Best effort: a keychain that is not there holds nothing to remove.
            const auto removed = CredentialStore::removeKeyBlocking(
                CredentialStore::keyForFeed(url, previousUser));
            Q_UNUSED(removed)
        }
        if (parser.isSet(user))
            savePassword(url, userName);
        Terminal::out() << CommandLine::tr("Updated feed %1.").arg(id) << Qt::endl;
        if (trimmed > 0)
            Terminal::out() << CommandLine::tr("Removed %n older item(s) to keep the newest %1.",
                                               nullptr,
                                               trimmed)
                                   .arg(settings.retentionCap)
                            << Qt::endl;
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
    if (subcommand == QLatin1String("set"))
        return set(arguments);
    if (subcommand == QLatin1String("import-opml"))
        return importOpml(arguments);
    if (subcommand == QLatin1String("export-opml"))
        return exportOpml(arguments);
    if (subcommand == QLatin1String("parse"))
        return parseFeed(arguments);
    if (subcommand == QLatin1String("download"))
        return DownloadCommand::run(arguments);
    if (subcommand.isEmpty() || subcommand == QLatin1String("--help")
        || subcommand == QLatin1String("-h")) {
        Terminal::out() << CommandLine::tr(
            "Usage: watercooler [--database PATH] feeds "
            "add|list|set|remove|import-opml|export-opml|parse|download "
            "...\n"
            "See feeds COMMAND --help.")
                        << Qt::endl;
        return subcommand.isEmpty() ? 1 : 0;
    }
    return Terminal::fail(
        CommandLine::tr("Unknown feeds command \"%1\". Commands: add, list, set, remove, "
                        "import-opml, export-opml, parse, download.")
            .arg(subcommand));
}
