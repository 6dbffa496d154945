// The plain value structs FeedParser produces from an RSS, Atom or JSON Feed document.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

struct ParsedAuthor
{
    QString name;
    QString email;
    QString url;

    [[nodiscard]] bool isEmpty() const
    {
        return name.isEmpty() && email.isEmpty() && url.isEmpty();
    }
};

struct ParsedEnclosure
{
    QString url;
    QString type;
    qint64 length = -1;
    int durationSeconds = -1;
};

// A podcast:person of the Podcasting 2.0 namespace.
struct ParsedPerson
{
    QString name;
    QString role;
    QString group;
    QString href;
    QString img;
};

struct ParsedError
{
    qint64 line = 0;
    qint64 column = 0;
    QString message;
};

enum class ExplicitContent { Unknown, Clean, Explicit };

struct ParsedItem
{
    QString id;    // guid, atom:id or the JSON Feed id
    QString title; // plain text
    QString link;
    QDateTime published; // UTC, invalid when unknown
    QDateTime updated;   // UTC, invalid when unknown
    QList<ParsedAuthor> authors;
    QString summary;     // HTML as the feed gives it (plain text summaries are HTML-escaped)
    QString contentHtml; // HTML as the feed gives it, not sanitised
    QStringList categories;
    QString commentsUrl;
    int commentCount = -1;
    QString inReplyTo;
    QList<ParsedEnclosure> enclosures;

    // iTunes
    int durationSeconds = -1;
    int episode = -1;
    int season = -1;
    ExplicitContent explicitContent = ExplicitContent::Unknown;
    QString image;

    // Podcasting 2.0
    QList<ParsedPerson> persons;
    QString transcriptUrl;
    QString chaptersUrl;
    QString podcastGuid;
};

// Moved as bytes when the lists of a large feed grow.
Q_DECLARE_TYPEINFO(ParsedAuthor, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(ParsedEnclosure, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(ParsedPerson, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(ParsedItem, Q_RELOCATABLE_TYPE);

struct ParsedFeed
{
    // "rss090", "rss091", "rss092", "rss093", "rss094", "rss20", "rss10", "atom03", "atom10",
    // "json10", "json11"; empty when the document is not a feed.
    QString format;
    QString title; // plain text
    QString link;
    QString description;
    QString language;
    QString imageUrl;
    QString newUrl; // itunes:new-feed-url
    QString podcastGuid;
    // How long the feed asks readers to wait between fetches: RSS <ttl> (minutes) or
    // sy:updatePeriod / sy:updateFrequency, in seconds; 0 when it does not say.
    int ttlSeconds = 0;
    ExplicitContent explicitContent = ExplicitContent::Unknown;
    QList<ParsedAuthor> authors;
    QList<ParsedItem> items;
    // Problems that stopped the parser. Items read before a fatal error are kept.
    QList<ParsedError> errors;

    // True when the document was read as a feed to its end.
    [[nodiscard]] bool isValid() const { return !format.isEmpty() && errors.isEmpty(); }
};
