// Finds the feeds a web page offers: the page itself, its <link rel="alternate"> feeds, or the
// usual feed addresses of its site.
#pragma once

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

class FeedFetcher;
struct FetchResult;

class FeedDiscovery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedDiscovery)

public:
    struct Candidate
    {
        QUrl url;
        QString title;  // as the page or the feed names it; may be empty
        QString format; // "rss", "atom" or "json"
    };

    struct Result
    {
        QUrl pageUrl;
        QList<Candidate> candidates;
        QString errorString;        // empty when at least one feed was found
        bool addressIsFeed = false; // the address itself is a feed: the single candidate
    };

    // Tried on the page's site, one after the other, when the page links to no feed.
    static const QStringList WellKnownPaths;

    explicit FeedDiscovery(QObject *parent = nullptr);
    ~FeedDiscovery() override;

    // Applies to each request (see FeedFetcher::setTimeout()).
    void setTimeout(int milliseconds);

    // Starts looking; finished() reports the outcome, always after discover() returned. A
    // discovery still running is cancelled first.
    void discover(const QUrl &pageUrl);
    // Ends a running discovery without reporting it.
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

    // The feeds an HTML page links to with <link rel="alternate">, in page order, resolved
    // against pageUrl and the page's <base href>; http(s) only, each once. Plain
    // application/json links are included: they need a fetch to tell a JSON Feed from other
    // JSON (see discover()).
    [[nodiscard]] static QList<Candidate> linkedFeeds(const QString &html, const QUrl &pageUrl);
    // "rss20" -> "rss", "atom10" -> "atom", "json11" -> "json"; empty for empty.
    [[nodiscard]] static QString formatFamily(const QString &parsedFormat);
    // "RSS", "Atom", "JSON Feed": for people.
    [[nodiscard]] static QString formatName(const QString &format);

Q_SIGNALS:
    // What is being fetched now, for a status line.
    void progress(const QString &message);
    // Receivers may start another discovery, or deleteLater() this one, but not delete it.
    void finished(const FeedDiscovery::Result &result);

private:
    enum class Stage { Page, Check };

    struct Check
    {
        QUrl url;
        QString title;
    };

    // What a fetched document turned out to be.
    struct Document
    {
        QString format; // family, empty when it is no feed
        QString title;
        QByteArray digest;
        QList<Candidate> links; // of a page that is no feed
    };

    void onFetched(const FetchResult &fetched);
    [[nodiscard]] static Document read(const FetchResult &fetched, bool readLinks);
    void pageRead(const FetchResult &fetched, const Document &document);
    void checkRead(const FetchResult &fetched, const Document &document);
    void nextCheck();
    void finish();
    void addCandidate(const Candidate &candidate);

    FeedFetcher *m_fetcher = nullptr;
    bool m_running = false;
    quint64 m_generation = 0; // a report queued for an earlier run is dropped
    QUrl m_siteUrl;           // the page after redirects: where the probes go
    Stage m_stage = Stage::Page;
    Result m_result;
    QList<Check> m_checks;
    // Probes of the well-known paths are queued when the page links to no feed.
    bool m_probing = false;
    QSet<QByteArray> m_bodiesFound; // one feed served at several paths is offered once
};

Q_DECLARE_METATYPE(FeedDiscovery::Candidate)
Q_DECLARE_METATYPE(FeedDiscovery::Result)
