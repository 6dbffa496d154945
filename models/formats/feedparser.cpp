// Reads RSS 0.90-2.0, RSS 1.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1 documents into ParsedFeed.
#include "feedparser.h"

#include "feeddateparser.h"
#include "feedxmltree.h"
#include "htmlentityresolver.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <optional>

namespace {

QString escapeHtml(const QString &text)
{
    return text.toHtmlEscaped();
}

// The HTML of an RSS element: escaped or CDATA text, or markup written straight into the element.
QString rssHtml(const FeedXmlNode &node)
{
    const bool hasElements = std::any_of(node.children.cbegin(),
                                         node.children.cend(),
                                         [](const FeedXmlNode &c) { return !c.isText; });
    return hasElements ? node.innerXml() : node.textContent();
}

void addAuthor(QList<ParsedAuthor> *authors, const ParsedAuthor &author)
{
    if (author.isEmpty())
        return;
    for (const ParsedAuthor &a : std::as_const(*authors)) {
        if (a.name == author.name && a.email == author.email && a.url == author.url)
            return;
    }
    authors->append(author);
}

// RSS author: "jo@example.com (Jo Doe)", "Jo Doe <jo@example.com>", "jo@example.com", "Jo Doe".
ParsedAuthor authorFromText(const QString &raw)
{
    const QString text = FeedParser::plainText(raw);
    ParsedAuthor author;
    if (!text.contains(QLatin1Char('@'))) {
        author.name = text;
        return author;
    }
    static const QRegularExpression emailPattern(
        QStringLiteral("<?(?:mailto:)?([A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,})>?"));
    const QRegularExpressionMatch m = emailPattern.match(text);
    if (m.hasMatch()) {
        author.email = m.captured(1);
        QString rest = text;
        rest.remove(m.capturedStart(), m.capturedLength());
        rest.remove(QLatin1String("()"));
        rest = rest.trimmed();
        if (rest.startsWith(QLatin1Char('(')) && rest.endsWith(QLatin1Char(')')))
            rest = rest.mid(1, rest.size() - 2).trimmed();
        author.name = rest;
    } else {
        author.name = text;
    }
    return author;
}

int toIntOr(const QString &text, int fallback)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    return ok ? value : fallback;
}

qint64 toLongOr(const QString &text, qint64 fallback)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    return ok && value >= 0 ? value : fallback;
}

ExplicitContent explicitFrom(const QString &text)
{
    const QString v = text.trimmed().toLower();
    if (v == QLatin1String("yes") || v == QLatin1String("true") || v == QLatin1String("explicit"))
        return ExplicitContent::Explicit;
    if (v == QLatin1String("no") || v == QLatin1String("false") || v == QLatin1String("clean"))
        return ExplicitContent::Clean;
    return ExplicitContent::Unknown;
}

QString childText(const FeedXmlNode &node, QStringView key)
{
    const FeedXmlNode *c = node.child(key);
    return c ? c->textContent() : QString();
}

// The HTML of an Atom text construct (or of an Atom 0.3 one with its mode attribute).
QString atomHtml(const FeedXmlNode &node)
{
    const QString type = node.attribute(u"type").trimmed().toLower();
    const QString mode = node.attribute(u"mode").trimmed().toLower();
    if (type == QLatin1String("xhtml") || mode == QLatin1String("xml")
        || type == QLatin1String("application/xhtml+xml")) {
        for (const FeedXmlNode &c : node.children) {
            if (!c.isText && c.localName() == QLatin1String("div"))
                return c.innerXml();
        }
        return node.innerXml();
    }
    const bool binaryType = type.contains(QLatin1Char('/'))
                            && !type.startsWith(QLatin1String("text/"))
                            && !type.endsWith(QLatin1String("xml"));
    if (mode == QLatin1String("base64") || binaryType)
        return QString::fromUtf8(QByteArray::fromBase64(node.textContent().toLatin1()));
    const bool hasElements = std::any_of(node.children.cbegin(),
                                         node.children.cend(),
                                         [](const FeedXmlNode &c) { return !c.isText; });
    if (hasElements)
        return node.innerXml();
    if (type == QLatin1String("html") || type == QLatin1String("text/html")
        || mode == QLatin1String("escaped"))
        return node.textContent();
    if (type.isEmpty() || type == QLatin1String("text") || type == QLatin1String("text/plain"))
        return escapeHtml(node.textContent());
    return node.textContent();
}

// Plain text of an Atom text construct.
QString atomPlain(const FeedXmlNode &node)
{
    const QString type = node.attribute(u"type").trimmed().toLower();
    const QString mode = node.attribute(u"mode").trimmed().toLower();
    if (type == QLatin1String("xhtml") || mode == QLatin1String("xml"))
        return FeedParser::plainText(node.textContent().toHtmlEscaped());
    if (mode == QLatin1String("base64"))
        return FeedParser::plainText(atomHtml(node));
    if (type.isEmpty() || type == QLatin1String("text") || type == QLatin1String("text/plain"))
        return FeedParser::plainText(node.textContent().toHtmlEscaped());
    return FeedParser::plainText(atomHtml(node));
}

ParsedAuthor atomPerson(const FeedXmlNode &node)
{
    ParsedAuthor author;
    author.name = childText(node, u"atom:name");
    author.email = childText(node, u"atom:email");
    QString uri = childText(node, u"atom:uri");
    if (uri.isEmpty())
        uri = childText(node, u"atom:url");
    author.url = node.resolveUrl(uri);
    if (author.isEmpty() && !node.textContent().isEmpty())
        return authorFromText(node.textContent());
    return author;
}

void addEnclosure(ParsedItem *item, const ParsedEnclosure &enclosure)
{
    if (enclosure.url.isEmpty())
        return;
    for (ParsedEnclosure &e : item->enclosures) {
        if (e.url == enclosure.url) {
            if (e.type.isEmpty())
                e.type = enclosure.type;
            if (e.length < 0)
                e.length = enclosure.length;
            if (e.durationSeconds < 0)
                e.durationSeconds = enclosure.durationSeconds;
            return;
        }
    }
    item->enclosures.append(enclosure);
}

void readMedia(const FeedXmlNode &node, ParsedItem *item)
{
    for (const FeedXmlNode &c : node.children) {
        if (c.isText)
            continue;
        if (c.key == QLatin1String("media:group")) {
            readMedia(c, item);
        } else if (c.key == QLatin1String("media:content") && c.hasAttribute(u"url")) {
            ParsedEnclosure e;
            e.url = c.resolveUrl(c.attribute(u"url"));
            e.type = c.attribute(u"type").trimmed();
            e.length = toLongOr(c.attribute(u"fileSize"), -1);
            e.durationSeconds = FeedParser::parseDuration(c.attribute(u"duration"));
            addEnclosure(item, e);
        } else if (c.key == QLatin1String("media:thumbnail") && item->image.isEmpty()) {
            item->image = c.resolveUrl(c.attribute(u"url"));
        }
    }
}

// Elements that RSS items and Atom entries share: extensions of all kinds.
void readExtensions(const FeedXmlNode &c, ParsedItem *item)
{
    const QString &key = c.key;
    if (key == QLatin1String("dc:creator") || key == QLatin1String("dc:author")
        || key == QLatin1String("itunes:author")) {
        if (key != QLatin1String("itunes:author") || item->authors.isEmpty())
            addAuthor(&item->authors, authorFromText(c.textContent()));
    } else if (key == QLatin1String("dc:date") || key == QLatin1String("dcterms:issued")
               || key == QLatin1String("dcterms:created")) {
        if (!item->published.isValid())
            item->published = FeedDateParser::parse(c.textContent());
    } else if (key == QLatin1String("dcterms:modified")) {
        if (!item->updated.isValid())
            item->updated = FeedDateParser::parse(c.textContent());
    } else if (key == QLatin1String("dc:subject")) {
        const QString subject = c.textContent();
        if (!subject.isEmpty() && !item->categories.contains(subject))
            item->categories.append(subject);
    } else if (key == QLatin1String("content:encoded")) {
        item->contentHtml = rssHtml(c);
    } else if (key == QLatin1String("wfw:commentRss") || key == QLatin1String("wfw:commentRSS")) {
        item->commentsUrl = c.resolveUrl(c.textContent());
    } else if (key == QLatin1String("slash:comments") || key == QLatin1String("thr:total")) {
        item->commentCount = toIntOr(c.textContent(), item->commentCount);
    } else if (key == QLatin1String("thr:in-reply-to")) {
        if (item->inReplyTo.isEmpty())
            item->inReplyTo = c.attribute(u"ref").trimmed();
    } else if (key == QLatin1String("itunes:category")) {
        const QString text = c.attribute(u"text").trimmed();
        if (!text.isEmpty() && !item->categories.contains(text))
            item->categories.append(text);
        for (const FeedXmlNode *sub : c.childrenNamed(u"itunes:category"))
            readExtensions(*sub, item);
    } else if (key == QLatin1String("itunes:duration")) {
        item->durationSeconds = FeedParser::parseDuration(c.textContent());
    } else if (key == QLatin1String("itunes:episode")) {
        item->episode = toIntOr(c.textContent(), -1);
    } else if (key == QLatin1String("itunes:season")) {
        item->season = toIntOr(c.textContent(), -1);
    } else if (key == QLatin1String("itunes:explicit")) {
        item->explicitContent = explicitFrom(c.textContent());
    } else if (key == QLatin1String("itunes:image")) {
        const QString href = c.attribute(u"href");
        item->image = c.resolveUrl(href.isEmpty() ? c.textContent() : href);
    } else if (key == QLatin1String("itunes:summary")) {
        if (item->summary.isEmpty())
            item->summary = escapeHtml(c.textContent());
    } else if (key == QLatin1String("podcast:person")) {
        ParsedPerson person;
        person.name = c.textContent();
        person.role = c.attribute(u"role").trimmed();
        person.group = c.attribute(u"group").trimmed();
        person.href = c.resolveUrl(c.attribute(u"href"));
        person.img = c.resolveUrl(c.attribute(u"img"));
        item->persons.append(person);
    } else if (key == QLatin1String("podcast:transcript")) {
        if (item->transcriptUrl.isEmpty())
            item->transcriptUrl = c.resolveUrl(c.attribute(u"url"));
    } else if (key == QLatin1String("podcast:chapters")) {
        item->chaptersUrl = c.resolveUrl(c.attribute(u"url"));
    } else if (key == QLatin1String("podcast:guid")) {
        item->podcastGuid = c.textContent();
    } else if (key.startsWith(QLatin1String("media:"))) {
        FeedXmlNode wrapper;
        wrapper.children.append(c);
        readMedia(wrapper, item);
    }
}

void finishItem(ParsedItem *item)
{
    if (item->durationSeconds >= 0) {
        for (ParsedEnclosure &e : item->enclosures) {
            if (e.durationSeconds < 0)
                e.durationSeconds = item->durationSeconds;
        }
    }
}

ParsedItem readRssItem(const FeedXmlNode &node)
{
    ParsedItem item;
    QString guid;
    bool guidIsPermaLink = true;
    for (const FeedXmlNode &c : node.children) {
        if (c.isText)
            continue;
        const QString &key = c.key;
        if (key == QLatin1String("title") || key == QLatin1String("dc:title")) {
            if (item.title.isEmpty() || key == QLatin1String("title"))
                item.title = FeedParser::plainText(c.textContent());
        } else if (key == QLatin1String("link")) {
            if (item.link.isEmpty())
                item.link = c.resolveUrl(c.textContent());
        } else if (key == QLatin1String("atom:link")) {
            const QString rel = c.attribute(u"rel").trimmed();
            const QString href = c.resolveUrl(c.attribute(u"href"));
            if (rel == QLatin1String("replies")) {
                item.commentsUrl = href;
                if (c.hasAttribute(u"count"))
                    item.commentCount = toIntOr(c.attribute(u"count"), item.commentCount);
            } else if (rel == QLatin1String("enclosure")) {
                addEnclosure(&item,
                             {href, c.attribute(u"type"), toLongOr(c.attribute(u"length"), -1), -1});
            } else if ((rel.isEmpty() || rel == QLatin1String("alternate")) && item.link.isEmpty()) {
                item.link = href;
            }
        } else if (key == QLatin1String("guid")) {
            guid = c.textContent();
            guidIsPermaLink = c.attribute(u"isPermaLink").trimmed().toLower()
                              != QLatin1String("false");
        } else if (key == QLatin1String("atom:id") || key == QLatin1String("dc:identifier")) {
            if (guid.isEmpty())
                guid = c.textContent();
        } else if (key == QLatin1String("description")) {
            item.summary = rssHtml(c);
        } else if (key == QLatin1String("dc:description")) {
            if (item.summary.isEmpty())
                item.summary = rssHtml(c);
        } else if (key == QLatin1String("media:title")) {
            if (item.title.isEmpty())
                item.title = FeedParser::plainText(c.textContent());
        } else if (key == QLatin1String("atom:summary")) {
            if (item.summary.isEmpty())
                item.summary = atomHtml(c);
        } else if (key == QLatin1String("atom:content")) {
            if (item.contentHtml.isEmpty())
                item.contentHtml = atomHtml(c);
        } else if (key == QLatin1String("pubDate")) {
            item.published = FeedDateParser::parse(c.textContent());
        } else if (key == QLatin1String("atom:updated") || key == QLatin1String("lastBuildDate")) {
            item.updated = FeedDateParser::parse(c.textContent());
        } else if (key == QLatin1String("atom:published")) {
            if (!item.published.isValid())
                item.published = FeedDateParser::parse(c.textContent());
        } else if (key == QLatin1String("author")) {
            addAuthor(&item.authors, authorFromText(c.textContent()));
        } else if (key == QLatin1String("atom:author")) {
            addAuthor(&item.authors, atomPerson(c));
        } else if (key == QLatin1String("category")) {
            const QString category = c.textContent();
            if (!category.isEmpty() && !item.categories.contains(category))
                item.categories.append(category);
        } else if (key == QLatin1String("enclosure")) {
            addEnclosure(&item,
                         {c.resolveUrl(c.attribute(u"url")),
                          c.attribute(u"type").trimmed(),
                          toLongOr(c.attribute(u"length"), -1),
                          -1});
        } else {
            readExtensions(c, &item);
        }
    }
    if (guid.isEmpty() && node.hasAttribute(u"about"))
        guid = node.attribute(u"about").trimmed();
    // A guid declared a permalink is a URL, relative ones included.
    const bool declaredPermaLink
        = node.child(u"guid")
          && node.child(u"guid")->attribute(u"isPermaLink").trimmed().toLower()
                 == QLatin1String("true");
    if (declaredPermaLink)
        guid = node.child(u"guid")->resolveUrl(guid);
    item.id = guid;
    if (item.link.isEmpty() && guidIsPermaLink && !guid.isEmpty()) {
        static const QRegularExpression urlLike(QStringLiteral("^(https?|ftp)://"),
                                                QRegularExpression::CaseInsensitiveOption);
        if (urlLike.match(guid).hasMatch())
            item.link = node.resolveUrl(guid);
    }
    finishItem(&item);
    return item;
}

QString atomAlternateLink(const FeedXmlNode &node)
{
    QString first;
    for (const FeedXmlNode *link : node.childrenNamed(u"atom:link")) {
        const QString rel = link->attribute(u"rel").trimmed();
        if (!rel.isEmpty() && rel != QLatin1String("alternate"))
            continue;
        // An empty href is a reference to the base itself.
        const QString rawHref = link->attribute(u"href");
        const QString href = rawHref.trimmed().isEmpty() && link->base.isValid()
                                 ? link->base.toString()
                                 : link->resolveUrl(rawHref);
        const QString type = link->attribute(u"type").trimmed();
        if (type.isEmpty() || type == QLatin1String("text/html")
            || type == QLatin1String("application/xhtml+xml"))
            return href;
        if (first.isEmpty())
            first = href;
    }
    return first;
}

ParsedItem readAtomEntry(const FeedXmlNode &node, const QList<ParsedAuthor> &feedAuthors)
{
    ParsedItem item;
    item.link = atomAlternateLink(node);
    for (const FeedXmlNode &c : node.children) {
        if (c.isText)
            continue;
        const QString &key = c.key;
        if (key == QLatin1String("atom:title")) {
            item.title = atomPlain(c);
        } else if (key == QLatin1String("atom:id")) {
            item.id = c.textContent();
        } else if (key == QLatin1String("atom:link")) {
            const QString rel = c.attribute(u"rel").trimmed();
            const QString href = c.resolveUrl(c.attribute(u"href"));
            if (rel == QLatin1String("replies")) {
                item.commentsUrl = href;
                if (c.hasAttribute(u"count"))
                    item.commentCount = toIntOr(c.attribute(u"count"), item.commentCount);
            } else if (rel == QLatin1String("enclosure")) {
                addEnclosure(&item,
                             {href,
                              c.attribute(u"type").trimmed(),
                              toLongOr(c.attribute(u"length"), -1),
                              -1});
            }
        } else if (key == QLatin1String("atom:published") || key == QLatin1String("atom:issued")
                   || key == QLatin1String("atom:created")) {
            if (!item.published.isValid() || key == QLatin1String("atom:published"))
                item.published = FeedDateParser::parse(c.textContent());
        } else if (key == QLatin1String("atom:updated") || key == QLatin1String("atom:modified")) {
            item.updated = FeedDateParser::parse(c.textContent());
        } else if (key == QLatin1String("atom:author")) {
            addAuthor(&item.authors, atomPerson(c));
        } else if (key == QLatin1String("atom:summary")) {
            item.summary = atomHtml(c);
        } else if (key == QLatin1String("atom:content")) {
            if (c.hasAttribute(u"src") && c.children.isEmpty() && c.text.isEmpty()) {
                if (item.link.isEmpty())
                    item.link = c.resolveUrl(c.attribute(u"src"));
            } else {
                item.contentHtml = atomHtml(c);
            }
        } else if (key == QLatin1String("atom:category")) {
            QString term = c.attribute(u"term").trimmed();
            if (term.isEmpty())
                term = c.textContent();
            if (!term.isEmpty() && !item.categories.contains(term))
                item.categories.append(term);
        } else {
            readExtensions(c, &item);
        }
    }
    if (!item.published.isValid() && item.updated.isValid())
        item.published = item.updated;
    if (item.authors.isEmpty()) {
        if (const FeedXmlNode *source = node.child(u"atom:source")) {
            for (const FeedXmlNode *a : source->childrenNamed(u"atom:author"))
                addAuthor(&item.authors, atomPerson(*a));
        }
    }
    if (item.authors.isEmpty())
        item.authors = feedAuthors;
    finishItem(&item);
    return item;
}

// sy:updatePeriod and sy:updateFrequency: "hourly" and 2 mean every half hour.
int syndicationSeconds(const FeedXmlNode &channel)
{
    static const QHash<QString, int> periods = {
        {QStringLiteral("hourly"), 60 * 60},
        {QStringLiteral("daily"), 24 * 60 * 60},
        {QStringLiteral("weekly"), 7 * 24 * 60 * 60},
        {QStringLiteral("monthly"), 30 * 24 * 60 * 60},
        {QStringLiteral("yearly"), 365 * 24 * 60 * 60},
    };
    const QString period = childText(channel, u"sy:updatePeriod").trimmed().toLower();
    const QString frequencyText = childText(channel, u"sy:updateFrequency").trimmed();
    if (period.isEmpty() && frequencyText.isEmpty())
        return 0;
    const int seconds = periods.value(period.isEmpty() ? QStringLiteral("daily") : period);
    bool ok = false;
    const int frequency = frequencyText.toInt(&ok);
    if (seconds == 0 || (!frequencyText.isEmpty() && (!ok || frequency <= 0)))
        return 0;
    return seconds / (frequencyText.isEmpty() ? 1 : frequency);
}

void readChannelExtensions(const FeedXmlNode &c, ParsedFeed *feed)
{
    const QString &key = c.key;
    if (key == QLatin1String("dc:language")) {
        if (feed->language.isEmpty())
            feed->language = c.textContent();
    } else if (key == QLatin1String("dc:creator") || key == QLatin1String("itunes:author")
               || key == QLatin1String("managingEditor") || key == QLatin1String("dc:publisher")) {
        addAuthor(&feed->authors, authorFromText(c.textContent()));
    } else if (key == QLatin1String("atom:author")) {
        addAuthor(&feed->authors, atomPerson(c));
    } else if (key == QLatin1String("itunes:image")) {
        if (feed->imageUrl.isEmpty())
            feed->imageUrl = c.resolveUrl(c.attribute(u"href"));
    } else if (key == QLatin1String("itunes:new-feed-url")) {
        feed->newUrl = c.resolveUrl(c.textContent());
    } else if (key == QLatin1String("itunes:explicit")) {
        feed->explicitContent = explicitFrom(c.textContent());
    } else if (key == QLatin1String("itunes:summary") || key == QLatin1String("itunes:subtitle")
               || key == QLatin1String("dc:description")) {
        if (feed->description.isEmpty())
            feed->description = c.textContent();
    } else if (key == QLatin1String("podcast:guid")) {
        feed->podcastGuid = c.textContent();
    } else if (key == QLatin1String("dc:title")) {
        if (feed->title.isEmpty())
            feed->title = FeedParser::plainText(c.textContent());
    } else if (key == QLatin1String("atom:title")) {
        if (feed->title.isEmpty())
            feed->title = atomPlain(c);
    }
}

void readRssChannel(const FeedXmlNode &channel, ParsedFeed *feed)
{
    feed->language = channel.language;
    feed->ttlSeconds = syndicationSeconds(channel);
    for (const FeedXmlNode &c : channel.children) {
        if (c.isText)
            continue;
        const QString &key = c.key;
        if (key == QLatin1String("title")) {
            feed->title = FeedParser::plainText(c.textContent());
        } else if (key == QLatin1String("link")) {
            if (feed->link.isEmpty())
                feed->link = c.resolveUrl(c.textContent());
        } else if (key == QLatin1String("atom:link")) {
            const QString rel = c.attribute(u"rel").trimmed();
            if ((rel.isEmpty() || rel == QLatin1String("alternate")) && feed->link.isEmpty())
                feed->link = c.resolveUrl(c.attribute(u"href"));
        } else if (key == QLatin1String("description")) {
            feed->description = rssHtml(c);
        } else if (key == QLatin1String("author")) {
            addAuthor(&feed->authors, authorFromText(c.textContent()));
        } else if (key == QLatin1String("language")) {
            feed->language = c.textContent();
        } else if (key == QLatin1String("ttl")) {
            bool ok = false;
            const int minutes = c.textContent().trimmed().toInt(&ok);
            // A month at most: larger values are typos, and the scheduler caps them anyway.
            if (ok && minutes > 0)
                feed->ttlSeconds = qMin(minutes, 30 * 24 * 60) * 60;
        } else if (key == QLatin1String("image")) {
            const QString url = childText(c, u"url");
            if (!url.isEmpty())
                feed->imageUrl = c.resolveUrl(url);
            else if (c.hasAttribute(u"resource"))
                feed->imageUrl = c.resolveUrl(c.attribute(u"resource"));
        } else if (key == QLatin1String("item")) {
            feed->items.append(readRssItem(c));
        } else {
            readChannelExtensions(c, feed);
        }
    }
}

void readAtomFeed(const FeedXmlNode &root, ParsedFeed *feed)
{
    feed->language = root.language;
    feed->link = atomAlternateLink(root);
    for (const FeedXmlNode *a : root.childrenNamed(u"atom:author"))
        addAuthor(&feed->authors, atomPerson(*a));
    for (const FeedXmlNode &c : root.children) {
        if (c.isText)
            continue;
        const QString &key = c.key;
        if (key == QLatin1String("atom:title")) {
            feed->title = atomPlain(c);
        } else if (key == QLatin1String("atom:subtitle") || key == QLatin1String("atom:tagline")) {
            feed->description = atomHtml(c);
        } else if (key == QLatin1String("atom:logo")) {
            feed->imageUrl = c.resolveUrl(c.textContent());
        } else if (key == QLatin1String("atom:icon")) {
            if (feed->imageUrl.isEmpty())
                feed->imageUrl = c.resolveUrl(c.textContent());
        } else if (key == QLatin1String("atom:entry")) {
            feed->items.append(readAtomEntry(c, feed->authors));
        } else if (key != QLatin1String("atom:author")) {
            readChannelExtensions(c, feed);
        }
    }
}

// Gives the elements of a made-up namespace the keys of the format they imitate.
void rekey(FeedXmlNode *node, const QString &namespaceUri, const QString &prefix)
{
    if (node->isText || node->namespaceUri != namespaceUri)
        return;
    node->key = prefix + node->localName();
    for (FeedXmlNode &c : node->children)
        rekey(&c, namespaceUri, prefix);
}

QString rssVersion(const QString &version)
{
    const QString v = version.trimmed();
    if (v == QLatin1String("0.91"))
        return QStringLiteral("rss091");
    if (v == QLatin1String("0.92"))
        return QStringLiteral("rss092");
    if (v == QLatin1String("0.93"))
        return QStringLiteral("rss093");
    if (v == QLatin1String("0.94"))
        return QStringLiteral("rss094");
    if (v == QLatin1String("0.90"))
        return QStringLiteral("rss090");
    return QStringLiteral("rss20");
}

enum class RootKind { NotFeed, Rss, Rdf, Atom, AtomEntry };

RootKind rootKind(const FeedXmlNode &root)
{
    const QString local = root.localName().toLower();
    if (root.key == QLatin1String("rss") || local == QLatin1String("rss"))
        return RootKind::Rss;
    if (root.key == QLatin1String("rdf:RDF") || local == QLatin1String("rdf"))
        return RootKind::Rdf;
    if (root.key == QLatin1String("atom:feed") || local == QLatin1String("feed"))
        return RootKind::Atom;
    if (root.key == QLatin1String("atom:entry"))
        return RootKind::AtomEntry;
    return RootKind::NotFeed;
}

// Reads a feed's items as the XML reader ends them, so that the tree of a large feed never
// holds more than one item. Items it does not recognise stay in the tree for the channel
// readers.
class ItemStream
{
public:
    bool take(FeedXmlNode &node, const std::vector<FeedXmlNode> &open)
    {
        if (open.empty())
            return false;
        const FeedXmlNode &root = open.front();
        if (!m_kind) {
            m_kind = rootKind(root);
            m_rekey = (*m_kind == RootKind::Rss && root.key != QLatin1String("rss"))
                      || (*m_kind == RootKind::Atom && root.key != QLatin1String("atom:feed"));
        }
        switch (*m_kind) {
        case RootKind::Rss:
        case RootKind::Rdf: {
            if (m_rekey)
                rekey(&node, root.namespaceUri, QString());
            if (node.key != QLatin1String("item"))
                return false;
            // Items of the channel, or next to it as some 0.9x feeds have them.
            const bool inChannel = open.size() == 2 && isChannel(open.back(), root);
            if (open.size() != 1 && !inChannel)
                return false;
            items.append(readRssItem(node));
            return true;
        }
        case RootKind::Atom:
            if (m_rekey)
                rekey(&node, root.namespaceUri, QStringLiteral("atom:"));
            if (open.size() != 1 || node.key != QLatin1String("atom:entry"))
                return false;
            items.append(readAtomEntry(node, {}));
            return true;
        case RootKind::AtomEntry:
        case RootKind::NotFeed:
            return false;
        }
        return false;
    }

    // The items in document order.
    QList<ParsedItem> items;

private:
    bool isChannel(const FeedXmlNode &node, const FeedXmlNode &root) const
    {
        if (node.key == QLatin1String("channel"))
            return true;
        return m_rekey && node.namespaceUri == root.namespaceUri
               && node.localName() == QLatin1String("channel");
    }

    std::optional<RootKind> m_kind;
    bool m_rekey = false;
};

void parseXml(const QByteArray &utf8, const QUrl &baseUrl, ParsedFeed *feed)
{
    ItemStream stream;
    const FeedXmlNode document = FeedXmlTree::read(utf8,
                                                   baseUrl,
                                                   &feed->errors,
                                                   [&stream](FeedXmlNode &node,
                                                             const std::vector<FeedXmlNode> &open) {
                                                       return stream.take(node, open);
                                                   });
    const FeedXmlNode *root = nullptr;
    for (const FeedXmlNode &c : document.children) {
        if (!c.isText) {
            root = &c;
            break;
        }
    }
    if (!root) {
        if (feed->errors.isEmpty())
            feed->errors.append({0, 0, FeedParser::tr("The document has no root element.")});
        return;
    }
    switch (rootKind(*root)) {
    case RootKind::Rss: {
        feed->format = rssVersion(root->attribute(u"version"));
        FeedXmlNode rssRoot = *root;
        if (root->key != QLatin1String("rss"))
            rekey(&rssRoot, root->namespaceUri, QString());
        if (const FeedXmlNode *channel = rssRoot.child(u"channel"))
            readRssChannel(*channel, feed);
        feed->items = stream.items + feed->items;
        // Some 0.9x feeds put their items next to the channel.
        for (const FeedXmlNode *item : rssRoot.childrenNamed(u"item"))
            feed->items.append(readRssItem(*item));
        break;
    }
    case RootKind::Rdf: {
        const FeedXmlNode *channel = root->child(u"channel");
        const bool rss090 = (channel
                             && channel->namespaceUri.contains(QLatin1String("my.netscape.com")))
                            || root->attribute(u"xmlns").contains(QLatin1String("my.netscape.com"));
        feed->format = rss090 ? QStringLiteral("rss090") : QStringLiteral("rss10");
        if (channel)
            readRssChannel(*channel, feed);
        if (const FeedXmlNode *image = root->child(u"image")) {
            if (feed->imageUrl.isEmpty())
                feed->imageUrl = image->resolveUrl(childText(*image, u"url"));
        }
        feed->items = stream.items + feed->items;
        for (const FeedXmlNode *item : root->childrenNamed(u"item"))
            feed->items.append(readRssItem(*item));
        break;
    }
    case RootKind::Atom: {
        const bool atom03 = root->key == QLatin1String("atom:feed")
                                ? root->namespaceUri.contains(QLatin1String("purl.org/atom"))
                                : root->attribute(u"version").trimmed() == QLatin1String("0.3");
        feed->format = atom03 ? QStringLiteral("atom03") : QStringLiteral("atom10");
        if (root->key != QLatin1String("atom:feed")) {
            // An Atom feed without the Atom namespace, or in a made-up one: read it as Atom.
            FeedXmlNode atomRoot = *root;
            rekey(&atomRoot, root->namespaceUri, QStringLiteral("atom:"));
            readAtomFeed(atomRoot, feed);
        } else {
            readAtomFeed(*root, feed);
        }
        // Entries without an author of their own or of their source have the feed's.
        for (ParsedItem &item : stream.items) {
            if (item.authors.isEmpty())
                item.authors = feed->authors;
        }
        feed->items = stream.items + feed->items;
        break;
    }
    case RootKind::AtomEntry:
        feed->format = QStringLiteral("atom10");
        feed->items.append(readAtomEntry(*root, {}));
        break;
    case RootKind::NotFeed:
        feed->items.clear();
        feed->errors.append({0,
                             0,
                             FeedParser::tr("The document is not a feed: its root element is <%1>.")
                                 .arg(root->qualifiedName)});
        break;
    }
}

QString jsonString(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().trimmed();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return {};
}

QList<ParsedAuthor> jsonAuthors(const QJsonObject &object)
{
    QList<ParsedAuthor> authors;
    QJsonArray array = object.value(QLatin1String("authors")).toArray();
    if (array.isEmpty() && object.value(QLatin1String("author")).isObject())
        array.append(object.value(QLatin1String("author")));
    for (const QJsonValue &v : std::as_const(array)) {
        const QJsonObject a = v.toObject();
        addAuthor(&authors,
                  {jsonString(a.value(QLatin1String("name"))),
                   QString(),
                   jsonString(a.value(QLatin1String("url")))});
    }
    return authors;
}

void parseJson(const QByteArray &data, const QUrl &baseUrl, ParsedFeed *feed)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError) {
        feed->errors.append({0, error.offset, error.errorString()});
        return;
    }
    const QJsonObject root = document.object();
    const QString version = jsonString(root.value(QLatin1String("version")));
    // Some producers write a bare "1.0" or "1.1" as version.
    if (!version.contains(QLatin1String("jsonfeed.org/version/"))
        && !(version.startsWith(QLatin1String("1"))
             && root.value(QLatin1String("items")).isArray())) {
        feed->errors.append({0, 0, FeedParser::tr("The JSON document is not a JSON Feed.")});
        return;
    }
    feed->format = version.endsWith(QLatin1String("1.1")) ? QStringLiteral("json11")
                                                          : QStringLiteral("json10");
    const auto resolve = [&baseUrl](const QString &url) {
        if (url.isEmpty() || !baseUrl.isValid() || baseUrl.isEmpty())
            return url;
        return baseUrl.resolved(QUrl(url)).toString();
    };
    feed->title = jsonString(root.value(QLatin1String("title")));
    feed->link = resolve(jsonString(root.value(QLatin1String("home_page_url"))));
    feed->description = jsonString(root.value(QLatin1String("description")));
    feed->language = jsonString(root.value(QLatin1String("language")));
    feed->imageUrl = resolve(jsonString(root.value(QLatin1String("icon"))));
    if (feed->imageUrl.isEmpty())
        feed->imageUrl = resolve(jsonString(root.value(QLatin1String("favicon"))));
    feed->authors = jsonAuthors(root);
    const QJsonArray items = root.value(QLatin1String("items")).toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        ParsedItem item;
        item.id = jsonString(o.value(QLatin1String("id")));
        item.title = jsonString(o.value(QLatin1String("title")));
        item.link = resolve(jsonString(o.value(QLatin1String("url"))));
        if (item.link.isEmpty())
            item.link = resolve(jsonString(o.value(QLatin1String("external_url"))));
        item.published = FeedDateParser::parse(
            jsonString(o.value(QLatin1String("date_published"))));
        item.updated = FeedDateParser::parse(jsonString(o.value(QLatin1String("date_modified"))));
        item.authors = jsonAuthors(o);
        if (item.authors.isEmpty())
            item.authors = feed->authors;
        item.summary = escapeHtml(jsonString(o.value(QLatin1String("summary"))));
        item.contentHtml = o.value(QLatin1String("content_html")).toString();
        if (item.contentHtml.isEmpty())
            item.contentHtml = escapeHtml(o.value(QLatin1String("content_text")).toString());
        for (const QJsonValue &tag : o.value(QLatin1String("tags")).toArray())
            item.categories.append(jsonString(tag));
        item.image = resolve(jsonString(o.value(QLatin1String("image"))));
        for (const QJsonValue &a : o.value(QLatin1String("attachments")).toArray()) {
            const QJsonObject attachment = a.toObject();
            ParsedEnclosure e;
            e.url = resolve(jsonString(attachment.value(QLatin1String("url"))));
            e.type = jsonString(attachment.value(QLatin1String("mime_type")));
            const QJsonValue size = attachment.value(QLatin1String("size_in_bytes"));
            e.length = size.isDouble() ? static_cast<qint64>(size.toDouble()) : -1;
            const QJsonValue duration = attachment.value(QLatin1String("duration_in_seconds"));
            e.durationSeconds = duration.isDouble() ? static_cast<int>(duration.toDouble()) : -1;
            addEnclosure(&item, e);
        }
        feed->items.append(item);
    }
}

} // namespace

namespace {

bool isOneOf(QByteArrayView name, std::initializer_list<const char *> names)
{
    return std::any_of(names.begin(), names.end(), [name](const char *candidate) {
        return name.compare(candidate, Qt::CaseInsensitive) == 0;
    });
}

bool isSingleByteDefault(QByteArrayView encoding)
{
    return isOneOf(
        encoding,
        {"iso-8859-1", "latin1", "iso_8859-1", "us-ascii", "ascii", "windows-1252", "cp1252"});
}

bool isUtf8Name(QByteArrayView encoding)
{
    return isOneOf(encoding, {"utf-8", "utf8"});
}

bool hasHighBytes(QByteArrayView data)
{
    return std::any_of(data.cbegin(), data.cend(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x80;
    });
}

bool isNameByte(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
           || c == '_' || c == ':' || c == '-';
}

bool isSpace(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// The encoding an XML declaration names, when the document starts with one after at most 1024
// bytes of junk.
QByteArray declaredEncoding(QByteArrayView data)
{
    const qsizetype open = data.first(qMin<qsizetype>(data.size(), 1025)).indexOf('<');
    if (open < 0 || !data.sliced(open).startsWith("<?xml"))
        return {};
    const qsizetype close = data.indexOf('>', open);
    const QByteArrayView declaration = data.sliced(open, (close < 0 ? data.size() : close) - open);
    const qsizetype at = declaration.indexOf("encoding");
    if (at <= 0 || !isSpace(declaration.at(at - 1)))
        return {};
    qsizetype i = at + 8;
    while (i < declaration.size() && isSpace(declaration.at(i)))
        ++i;
    if (i >= declaration.size() || declaration.at(i) != '=')
        return {};
    ++i;
    while (i < declaration.size() && isSpace(declaration.at(i)))
        ++i;
    if (i >= declaration.size() || (declaration.at(i) != '"' && declaration.at(i) != '\''))
        return {};
    const qsizetype valueStart = ++i;
    while (i < declaration.size() && isNameByte(declaration.at(i)))
        ++i;
    return declaration.sliced(valueStart, i - valueStart).toByteArray();
}

// The encoding of a document: its byte order mark, else its XML declaration, else the HTTP
// charset, else UTF-8. skip is the length of the byte order mark.
QByteArray documentEncoding(const QByteArray &data, const QString &httpCharset, qsizetype *skip)
{
    *skip = 0;
    if (data.startsWith("\xEF\xBB\xBF")) {
        *skip = 3;
        return "UTF-8";
    }
    const QByteArrayView bytes(data);
    if (bytes.startsWith(QByteArrayView("\xFF\xFE\x00\x00", 4))) {
        *skip = 4;
        return "UTF-32LE";
    }
    if (bytes.startsWith(QByteArrayView("\x00\x00\xFE\xFF", 4))) {
        *skip = 4;
        return "UTF-32BE";
    }
    if (data.startsWith("\xFF\xFE")) {
        *skip = 2;
        return "UTF-16LE";
    }
    if (data.startsWith("\xFE\xFF")) {
        *skip = 2;
        return "UTF-16BE";
    }
    if (bytes.startsWith(QByteArrayView("<\x00?\x00", 4)))
        return "UTF-16LE";
    if (bytes.startsWith(QByteArrayView("\x00<\x00?", 4)))
        return "UTF-16BE";

    const QByteArray declared = declaredEncoding(data);
    // A declaration read as ASCII cannot be true if it names UTF-16 or UTF-32 without a BOM.
    const auto declaresWide = [&declared](const char *prefix) {
        return QByteArrayView(declared)
                   .first(qMin<qsizetype>(declared.size(), 6))
                   .compare(prefix, Qt::CaseInsensitive)
               == 0;
    };
    if (!declared.isEmpty() && !declaresWide("utf-16") && !declaresWide("utf-32"))
        return declared;
    const QByteArray encoding = httpCharset.isEmpty() ? QByteArray("UTF-8")
                                                      : httpCharset.trimmed().toLatin1();
    // Servers label whatever they send with their default single-byte charset; a body that is
    // valid UTF-8 with multi-byte sequences in it is UTF-8 (Latin-1 text almost never forms
    // them), so the label is not believed.
    if (declared.isEmpty() && isSingleByteDefault(encoding) && hasHighBytes(data)
        && data.isValidUtf8())
        return "UTF-8";
    return encoding;
}

QString decodeAs(const QByteArray &encoding, QByteArrayView body)
{
    QStringDecoder decoder(encoding.constData());
    if (!decoder.isValid())
        decoder = QStringDecoder(QStringDecoder::Utf8);
    QString text = decoder.decode(body);
    if (decoder.hasError()) {
        // Mislabelled documents are nearly always Windows-1252 or Latin-1.
        QStringDecoder fallback("windows-1252");
        text = fallback.isValid() ? fallback.decode(body) : QString::fromLatin1(body);
    }
    return text;
}

// The document in UTF-8, as the XML reader takes it: UTF-8 documents as they are, others
// decoded from their encoding.
QByteArray utf8Document(const QByteArray &data, const QString &httpCharset)
{
    qsizetype skip = 0;
    const QByteArray encoding = documentEncoding(data, httpCharset, &skip);
    const QByteArrayView body = QByteArrayView(data).sliced(skip);
    const bool asIs = isUtf8Name(encoding)
                      || (isSingleByteDefault(encoding) && !hasHighBytes(body));
    if (asIs && body.isValidUtf8())
        return skip == 0 ? data : body.toByteArray();
    return decodeAs(encoding, body).toUtf8();
}

// Where the next "&#X" is, from `from` on; -1 when there is none. Looks for the '&' with
// memchr, which reads whole words at a time: a general substring search would cost more than
// reading the whole feed.
qsizetype nextUpperHexReference(const QByteArray &utf8, qsizetype from)
{
    const char *data = utf8.constData();
    const char *end = data + utf8.size();
    for (const char *p = data + from; p < end;) {
        const void *found = std::memchr(p, '&', static_cast<std::size_t>(end - p));
        if (!found)
            return -1;
        p = static_cast<const char *>(found);
        if (end - p >= 3 && p[1] == '#' && p[2] == 'X')
            return p - data;
        ++p;
    }
    return -1;
}

// "&#X41;", common in HTML and an error in XML, as "&#x41;".
void lowerHexReferences(QByteArray *utf8, qsizetype first)
{
    for (qsizetype at = first; at >= 0; at = nextUpperHexReference(*utf8, at + 3)) {
        qsizetype i = at + 3;
        while (i < utf8->size() && isxdigit(static_cast<unsigned char>(utf8->at(i))))
            ++i;
        if (i > at + 3 && i < utf8->size() && utf8->at(i) == ';')
            (*utf8)[at + 2] = 'x';
    }
}

} // namespace

QString FeedParser::decode(const QByteArray &data, const QString &httpCharset)
{
    qsizetype skip = 0;
    const QByteArray encoding = documentEncoding(data, httpCharset, &skip);
    return decodeAs(encoding, QByteArrayView(data).sliced(skip));
}

QString FeedParser::plainText(const QString &html)
{
    // Tags go, runs of ASCII white space become one space (a no-break space in a title is
    // meant), references are decoded, and spaces at both ends go.
    const auto isCollapsed = [](QChar c) {
        return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n' || c == u'\f';
    };
    bool plain = !html.isEmpty() && html.front() != u' ' && html.back() != u' ';
    for (qsizetype i = 0; plain && i < html.size(); ++i) {
        const QChar c = html.at(i);
        plain = c != u'<' && c != u'&' && (c == u' ' ? html.at(i + 1) != u' ' : !isCollapsed(c));
    }
    if (plain || html.isEmpty())
        return html;

    QString text;
    text.reserve(html.size());
    bool space = false;
    for (qsizetype i = 0; i < html.size(); ++i) {
        const QChar c = html.at(i);
        if (c == u'<') {
            const qsizetype close = html.indexOf(u'>', i + 1);
            if (close >= 0) {
                i = close;
                continue;
            }
        }
        if (isCollapsed(c)) {
            space = true;
            continue;
        }
        if (space && !text.isEmpty())
            text.append(u' ');
        space = false;
        text.append(c);
    }
    text = HtmlEntityResolver::decode(text);
    qsizetype start = 0;
    qsizetype end = text.size();
    while (start < end && text.at(start) == QLatin1Char(' '))
        ++start;
    while (end > start && text.at(end - 1) == QLatin1Char(' '))
        --end;
    return start == 0 && end == text.size() ? text : text.mid(start, end - start);
}

int FeedParser::parseDuration(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return -1;
    const QStringList parts = t.split(QLatin1Char(':'));
    if (parts.size() > 3)
        return -1;
    double total = 0;
    for (const QString &part : parts) {
        bool ok = false;
        const double value = part.trimmed().toDouble(&ok);
        if (!ok || value < 0)
            return -1;
        total = total * 60 + value;
    }
    return static_cast<int>(total);
}

ParsedFeed FeedParser::parse(const QByteArray &data, const QUrl &baseUrl, const QString &httpCharset)
{
    ParsedFeed feed;
    if (data.size() > MaximumSize) {
        feed.errors.append(
            {0,
             0,
             FeedParser::tr("The document is %1 MB, more than the %2 MB a feed may have.")
                 .arg(data.size() / (1024 * 1024))
                 .arg(MaximumSize / (1024 * 1024))});
        return feed;
    }
    const QByteArray withoutBom = data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data;
    // Looked at in place: trimming a large document would copy it.
    const auto firstSignificant = std::find_if_not(withoutBom.cbegin(),
                                                   withoutBom.cend(),
                                                   [](char c) {
                                                       return c == ' ' || (c >= '\t' && c <= '\r');
                                                   });
    if (firstSignificant != withoutBom.cend() && *firstSignificant == '{') {
        parseJson(withoutBom, baseUrl, &feed);
        return feed;
    }
    QByteArray utf8 = utf8Document(data, httpCharset);
    if (!utf8.contains('<')) {
        feed.errors.append({1, 1, FeedParser::tr("The document is not XML or JSON.")});
        return feed;
    }
    if (const qsizetype first = nextUpperHexReference(utf8, 0); first >= 0)
        lowerHexReferences(&utf8, first);
    parseXml(utf8, baseUrl, &feed);
    feed.language = feed.language.trimmed().replace(QLatin1Char('_'), QLatin1Char('-'));
    if (feed.format.isEmpty())
        feed.items.clear();
    return feed;
}
