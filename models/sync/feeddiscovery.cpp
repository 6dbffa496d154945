// Finds the feeds of a web page: fetches it, reads its feed links (parsing on a worker thread),
// and probes the usual feed addresses of its site one at a time when it links to none.
#include "feeddiscovery.h"

#include "feedfetcher.h"
#include "feedparser.h"
#include "htmltokenizer.h"

#include <QCryptographicHash>
#include <QFutureWatcher>
#include <QtConcurrentRun>

#include <optional>

namespace {

QString where(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo);
}

bool isWebAddress(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty()
           && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

QString attribute(const HtmlToken &token, QLatin1String name)
{
    for (const auto &[key, value] : token.attributes) {
        if (key == name)
            return value;
    }
    return {};
}

// The family of a feed link's type; std::nullopt for types that are no feed. Plain JSON is
// empty: only a fetch tells a JSON Feed from other JSON.
std::optional<QString> linkFormat(const QString &type)
{
    const QString mime = type.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (mime == QLatin1String("application/rss+xml") || mime == QLatin1String("application/rdf+xml"))
        return QStringLiteral("rss");
    if (mime == QLatin1String("application/atom+xml"))
        return QStringLiteral("atom");
    if (mime == QLatin1String("application/feed+json"))
        return QStringLiteral("json");
    if (mime == QLatin1String("application/json"))
        return QString();
    return std::nullopt;
}

QUrl normalized(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveFragment | QUrl::NormalizePathSegments);
}

} // namespace

const QStringList FeedDiscovery::WellKnownPaths = {QStringLiteral("/feed"),
                                                   QStringLiteral("/rss"),
                                                   QStringLiteral("/rss.xml"),
                                                   QStringLiteral("/atom.xml"),
                                                   QStringLiteral("/index.xml"),
                                                   QStringLiteral("/feed.json"),
                                                   QStringLiteral("/feed/")};

FeedDiscovery::FeedDiscovery(QObject *parent)
    : QObject(parent)
    , m_fetcher(new FeedFetcher(this))
{
    connect(m_fetcher, &FeedFetcher::finished, this, &FeedDiscovery::onFetched);
}

FeedDiscovery::~FeedDiscovery()
{
    cancel();
}

void FeedDiscovery::setTimeout(int milliseconds)
{
    m_fetcher->setTimeout(milliseconds);
}

void FeedDiscovery::discover(const QUrl &pageUrl)
{
    cancel();
    m_running = true;
    m_stage = Stage::Page;
    m_result = Result{pageUrl, {}, {}, false};
    if (!isWebAddress(pageUrl)) {
        m_result.errorString = tr("\"%1\" is not a web address (http or https).")
                                   .arg(pageUrl.toDisplayString());
        // Reported from the event loop like every other outcome.
        const quint64 generation = m_generation;
        QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (m_running && generation == m_generation)
                    finish();
            },
            Qt::QueuedConnection);
        return;
    }
    Q_EMIT progress(tr("Opening %1...").arg(where(pageUrl)));
    m_fetcher->fetch(FetchRequest{0, pageUrl, {}, {}, std::nullopt});
}

void FeedDiscovery::cancel()
{
    ++m_generation;
    m_fetcher->abortAll();
    m_running = false;
    m_checks.clear();
    m_probing = false;
    m_bodiesFound.clear();
}

void FeedDiscovery::onFetched(const FetchResult &fetched)
{
    if (!m_running)
        return;
    if (m_stage == Stage::Page && !fetched.succeeded()) {
        const QString page = where(fetched.requestedUrl);
        const int status = fetched.httpStatus;
        if (status == 404 || status == 410)
            m_result.errorString = tr("There is no page at %1 (HTTP %2).").arg(page).arg(status);
        else if (status == 401 || status == 403)
            m_result.errorString
                = tr("The server refused access to %1 (HTTP %2).").arg(page).arg(status);
        else
            m_result.errorString = tr("Could not open %1: %2").arg(page, fetched.errorString);
        finish();
        return;
    }
    if (m_stage == Stage::Check && !fetched.succeeded()) {
        m_checks.removeFirst();
        // No answer at all: the site is down or slow, so the other probes would fare no better.
        if (m_probing && fetched.httpStatus == 0)
            m_checks.clear();
        nextCheck();
        return;
    }
    // Parsing a large document takes a while: it happens on a worker thread.
    auto *watcher = new QFutureWatcher<Document>(this);
    const quint64 generation = m_generation;
    connect(watcher, &QFutureWatcher<Document>::finished, this, [this, watcher, generation, fetched] {
        watcher->deleteLater();
        if (!m_running || generation != m_generation)
            return;
        if (m_stage == Stage::Page)
            pageRead(fetched, watcher->result());
        else
            checkRead(fetched, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&FeedDiscovery::read, fetched, m_stage == Stage::Page));
}

FeedDiscovery::Document FeedDiscovery::read(const FetchResult &fetched, bool readLinks)
{
    Document document;
    const ParsedFeed feed = FeedParser::parse(fetched.body, fetched.finalUrl, fetched.charset);
    document.format = formatFamily(feed.format);
    document.title = feed.title;
    document.digest = QCryptographicHash::hash(fetched.body, QCryptographicHash::Sha256);
    if (readLinks && feed.format.isEmpty())
        document.links = linkedFeeds(FeedParser::decode(fetched.body, fetched.charset),
                                     fetched.finalUrl);
    return document;
}

void FeedDiscovery::pageRead(const FetchResult &fetched, const Document &document)
{
    if (!document.format.isEmpty()) {
        // The address is a feed already: keep it, or where it moved for good.
        m_result.addressIsFeed = true;
        addCandidate(Candidate{fetched.movedPermanently.isValid() ? fetched.movedPermanently
                                                                  : fetched.requestedUrl,
                               document.title,
                               document.format});
        finish();
        return;
    }
    for (const Candidate &link : document.links) {
        if (link.format.isEmpty())
            m_checks.append(Check{link.url, link.title});
        else
            addCandidate(link);
    }
    m_siteUrl = fetched.finalUrl;
    m_stage = Stage::Check;
    nextCheck();
}

void FeedDiscovery::nextCheck()
{
    if (m_checks.isEmpty() && m_result.candidates.isEmpty() && !m_probing) {
        // The page links to no feed: try where sites usually keep theirs.
        m_probing = true;
        for (const QString &path : WellKnownPaths) {
            QUrl url = m_siteUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery
                                          | QUrl::RemoveFragment);
            url.setPath(path);
            m_checks.append(Check{url, {}});
        }
    }
    if (m_checks.isEmpty()) {
        finish();
        return;
    }
    const Check &check = m_checks.constFirst();
    Q_EMIT progress(tr("Checking %1...").arg(where(check.url)));
    m_fetcher->fetch(FetchRequest{0, check.url, {}, {}, std::nullopt});
}

void FeedDiscovery::checkRead(const FetchResult &fetched, const Document &document)
{
    const Check check = m_checks.takeFirst();
    if (!document.format.isEmpty() && !m_bodiesFound.contains(document.digest)) {
        m_bodiesFound.insert(document.digest);
        addCandidate(Candidate{fetched.movedPermanently.isValid() ? fetched.movedPermanently
                                                                  : fetched.requestedUrl,
                               document.title.isEmpty() ? check.title : document.title,
                               document.format});
    }
    nextCheck();
}

void FeedDiscovery::addCandidate(const Candidate &candidate)
{
    const QUrl url = normalized(candidate.url);
    for (const Candidate &known : std::as_const(m_result.candidates)) {
        if (normalized(known.url) == url)
            return;
    }
    m_result.candidates.append(Candidate{url, candidate.title.simplified(), candidate.format});
}

void FeedDiscovery::finish()
{
    const Result result = m_result;
    const QUrl site = m_siteUrl;
    cancel();
    Result reported = result;
    if (reported.candidates.isEmpty() && reported.errorString.isEmpty()) {
        reported.errorString
            = tr("No feeds found at %1: the page links to none, and none of the usual feed "
                 "addresses of %2 (%3) answers with a feed.")
                  .arg(where(reported.pageUrl),
                       site.host(),
                       WellKnownPaths.join(QLatin1String(", ")));
    }
    Q_EMIT finished(reported);
}

QList<FeedDiscovery::Candidate> FeedDiscovery::linkedFeeds(const QString &html, const QUrl &pageUrl)
{
    const QList<HtmlToken> tokens = HtmlTokenizer::tokenize(html);
    // Only the first <base href> counts, wherever it stands.
    QUrl base = pageUrl;
    for (const HtmlToken &token : tokens) {
        if (token.kind != HtmlToken::Kind::StartTag || token.name != QLatin1String("base"))
            continue;
        const QString href = attribute(token, QLatin1String("href")).trimmed();
        if (!href.isEmpty()) {
            base = pageUrl.resolved(QUrl(href));
            break;
        }
    }
    QList<Candidate> candidates;
    QSet<QUrl> seen;
    for (const HtmlToken &token : tokens) {
        if (token.kind != HtmlToken::Kind::StartTag || token.name != QLatin1String("link"))
            continue;
        const QString relations = attribute(token, QLatin1String("rel")).toLower().simplified();
        if (!relations.split(QLatin1Char(' ')).contains(QLatin1String("alternate")))
            continue;
        const std::optional<QString> format = linkFormat(attribute(token, QLatin1String("type")));
        const QString href = attribute(token, QLatin1String("href")).trimmed();
        if (!format || href.isEmpty())
            continue;
        const QUrl url = normalized(base.resolved(QUrl(href)));
        if (!isWebAddress(url) || seen.contains(url))
            continue;
        seen.insert(url);
        candidates.append(
            Candidate{url, attribute(token, QLatin1String("title")).simplified(), *format});
    }
    return candidates;
}

QString FeedDiscovery::formatFamily(const QString &parsedFormat)
{
    for (const QLatin1String family :
         {QLatin1String("rss"), QLatin1String("atom"), QLatin1String("json")}) {
        if (parsedFormat.startsWith(family))
            return family;
    }
    return parsedFormat;
}

QString FeedDiscovery::formatName(const QString &format)
{
    if (format == QLatin1String("rss"))
        return tr("RSS");
    if (format == QLatin1String("atom"))
        return tr("Atom");
    if (format == QLatin1String("json"))
        return tr("JSON Feed");
    return tr("Unknown");
}
