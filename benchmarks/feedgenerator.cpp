// Writes realistic RSS 2.0 feeds for the benchmarks: HTML content, authors, categories, enclosures.
#include "feedgenerator.h"

#include <QDateTime>
#include <QTimeZone>

#include <array>

namespace {

constexpr std::array<const char *, 96> vocabulary = {
    "community", "release",  "meeting",     "project",  "people",   "contributors", "review",
    "patch",     "design",   "roadmap",     "question", "answer",   "thanks",       "today",
    "week",      "month",    "we",          "you",      "they",     "the",          "a",
    "an",        "of",       "to",          "and",      "in",       "for",          "with",
    "on",        "about",    "from",        "after",    "before",   "while",        "because",
    "new",       "old",      "small",       "large",    "first",    "last",         "open",
    "shared",    "stable",   "early",       "better",   "simple",   "careful",      "friendly",
    "wrote",     "merged",   "tested",      "fixed",    "asked",    "answered",     "planned",
    "moved",     "opened",   "closed",      "welcomed", "improved", "documented",   "translated",
    "discussed", "decided",  "proposed",    "build",    "tests",    "docs",         "server",
    "client",    "feature",  "bug",         "issue",    "branch",   "version",      "plugin",
    "theme",     "workshop", "sprint",      "forum",    "mailing",  "list",         "channel",
    "newcomers", "mentors",  "maintainers", "users",    "feedback", "survey",       "results",
    "numbers",   "growth",   "events",      "talks",    "slides",
};

constexpr std::array<const char *, 24> firstNames = {
    "Ada",    "Grace", "Linus", "Margaret", "Alan",   "Barbara", "Ken",     "Frances",
    "Dennis", "Radia", "Guido", "Hedy",     "Bjarne", "Karen",   "Donald",  "Sophie",
    "Tim",    "Anita", "Larry", "Mary",     "Brian",  "Evelyn",  "Niklaus", "Joan",
};

constexpr std::array<const char *, 16> lastNames = {
    "Lovelace",
    "Hopper",
    "Torvalds",
    "Hamilton",
    "Turing",
    "Liskov",
    "Thompson",
    "Allen",
    "Ritchie",
    "Perlman",
    "van Rossum",
    "Lamarr",
    "Stroustrup",
    "Jones",
    "Knuth",
    "Wilson",
};

constexpr std::array<const char *, 20> categories = {
    "Community", "Releases",       "Events",        "Development", "Documentation",
    "Design",    "Newsletter",     "Interviews",    "Security",    "Translations",
    "Meetups",   "Governance",     "Tutorials",     "Podcast",     "Announcements",
    "Mentoring", "Infrastructure", "Accessibility", "Diversity",   "Funding",
};

QByteArray number(qint64 value)
{
    return QByteArray::number(value);
}

QByteArray site(int feedIndex)
{
    return "https://blog" + number(feedIndex) + ".example.org";
}

// RFC 822 dates as feeds write them, newest item first.
QByteArray pubDate(int feedIndex, int itemIndex)
{
    static const QDateTime newest(QDate(2026, 3, 1), QTime(9, 30), QTimeZone::utc());
    const QDateTime when = newest.addSecs(-qint64(itemIndex) * 7 * 3600 - feedIndex * 61);
    return when.toString(Qt::RFC2822Date).toLatin1();
}

} // namespace

FeedGenerator::FeedGenerator(quint32 seed)
    : m_random(seed)
{}

int FeedGenerator::between(int lowest, int highest)
{
    return int(m_random.bounded(lowest, highest + 1));
}

QByteArray FeedGenerator::words(int count)
{
    QByteArray text;
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            text += ' ';
        text += vocabulary.at(m_random.bounded(int(vocabulary.size())));
    }
    return text;
}

QByteArray FeedGenerator::sentence()
{
    QByteArray text = words(between(6, 16));
    text[0] = char(QChar::toUpper(uint(uchar(text.at(0)))));
    // Typographic quotes and entities, as blog engines write them.
    switch (m_random.bounded(8)) {
    case 0:
        text += " &amp; " + words(3);
        break;
    case 1:
        text += " &#8220;" + words(2) + "&#8221;";
        break;
    case 2:
        text += " (it&#8217;s " + words(2) + ")";
        break;
    default:
        break;
    }
    return text + (m_random.bounded(6) == 0 ? "?" : ".");
}

QByteArray FeedGenerator::paragraph(int feedIndex)
{
    switch (m_random.bounded(12)) {
    case 0:
        return "<ul>\n<li>" + sentence() + "</li>\n<li>" + sentence() + "</li>\n<li>" + sentence()
               + "</li>\n</ul>\n";
    case 1:
        return "<blockquote><p>" + sentence() + "</p></blockquote>\n";
    case 2:
        return "<pre><code>git clone " + site(feedIndex) + "/repo.git\ncd repo &amp;&amp; make"
               + "</code></pre>\n";
    case 3:
        return "<figure><img src=\"" + site(feedIndex) + "/wp-content/uploads/2026/03/photo-"
               + number(m_random.bounded(1000)) + ".jpg\" alt=\"" + words(3)
               + "\" width=\"800\" height=\"600\" loading=\"lazy\" /><figcaption>" + words(5)
               + "</figcaption></figure>\n";
    default:
        break;
    }
    QByteArray text = "<p>";
    const int sentences = between(2, 5);
    for (int i = 0; i < sentences; ++i) {
        if (i > 0)
            text += ' ';
        switch (m_random.bounded(10)) {
        case 0:
            text += "<a href=\"" + site(feedIndex) + "/docs/" + words(1) + "\">" + words(2)
                    + "</a> ";
            break;
        case 1:
            text += "<strong>" + words(2) + "</strong> ";
            break;
        case 2:
            text += "<em>" + words(1) + "</em> ";
            break;
        case 3:
            text += "@"
                    + QByteArray(firstNames.at(m_random.bounded(int(firstNames.size())))).toLower()
                    + " ";
            break;
        case 4:
            text += "#"
                    + QByteArray(categories.at(m_random.bounded(int(categories.size())))).toLower()
                    + " ";
            break;
        default:
            break;
        }
        text += sentence();
    }
    return text + "</p>\n";
}

QByteArray FeedGenerator::channelStart(int feedIndex)
{
    const bool podcast = feedIndex % 3 == 2;
    QByteArray text = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
  xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
  xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel>
)";
    text += "  <title>" + QByteArray(podcast ? "Podcast " : "Blog ") + number(feedIndex)
            + " &#8211; " + words(3) + "</title>\n";
    text += "  <atom:link href=\"" + site(feedIndex)
            + "/feed/\" rel=\"self\" type=\"application/rss+xml\" />\n";
    text += "  <link>" + site(feedIndex) + "</link>\n";
    text += "  <description>" + sentence() + "</description>\n";
    text += "  <lastBuildDate>" + pubDate(feedIndex, 0) + "</lastBuildDate>\n";
    text += "  <language>en-US</language>\n";
    text += "  <sy:updatePeriod>hourly</sy:updatePeriod>\n";
    text += "  <sy:updateFrequency>1</sy:updateFrequency>\n";
    text += "  <generator>https://wordpress.org/?v=6.4.3</generator>\n";
    text += "  <image><url>" + site(feedIndex) + "/icon-32.png</url><title>Blog "
            + number(feedIndex) + "</title><link>" + site(feedIndex)
            + "</link><width>32</width><height>32</height>" + "</image>\n";
    if (podcast) {
        text += "  <itunes:author>" + QByteArray(firstNames.at(feedIndex % firstNames.size())) + " "
                + lastNames.at(feedIndex % lastNames.size()) + "</itunes:author>\n";
        text += "  <itunes:explicit>false</itunes:explicit>\n";
        text += "  <itunes:image href=\"" + site(feedIndex) + "/cover.jpg\" />\n";
        text += "  <itunes:category text=\"Technology\" />\n";
    }
    return text;
}

QByteArray FeedGenerator::channelEnd()
{
    return "</channel>\n</rss>\n";
}

QByteArray FeedGenerator::item(int feedIndex, int itemIndex)
{
    const bool podcast = feedIndex % 3 == 2;
    const QByteArray title = sentence().chopped(1);
    const QByteArray slug = title.left(40).toLower().replace(' ', '-').replace('&', "and");
    const QByteArray link = site(feedIndex) + "/2026/03/" + number(itemIndex) + "-"
                            + QByteArray(slug).replace(';', "").replace('#', "") + "/";
    // A few people write each blog; names repeat across blogs, as on real sites.
    const int author = (feedIndex + between(0, 3)) % int(firstNames.size());
    const QByteArray name = QByteArray(firstNames.at(author)) + " "
                            + lastNames.at((feedIndex + author) % lastNames.size());

    QByteArray text = "  <item>\n";
    text += "    <title>" + title + "</title>\n";
    text += "    <link>" + link + "</link>\n";
    text += "    <comments>" + link + "#comments</comments>\n";
    if (feedIndex % 2 == 0) {
        text += "    <dc:creator><![CDATA[" + name + "]]></dc:creator>\n";
    } else {
        text += "    <author>" + QByteArray(firstNames.at(author)).toLower() + "@blog"
                + number(feedIndex) + ".example.org (" + name + ")</author>\n";
    }
    text += "    <pubDate>" + pubDate(feedIndex, itemIndex) + "</pubDate>\n";
    const int categoryCount = between(1, 4);
    for (int i = 0; i < categoryCount; ++i) {
        text += "    <category><![CDATA["
                + QByteArray(
                    categories.at((itemIndex * 7 + i * 3 + feedIndex) % int(categories.size())))
                + "]]></category>\n";
    }
    text += "    <guid isPermaLink=\"false\">" + site(feedIndex)
            + "/?p=" + number(qint64(feedIndex) * 100000 + itemIndex) + "</guid>\n";

    QByteArray content;
    const int paragraphs = between(2, 8);
    for (int i = 0; i < paragraphs; ++i)
        content += paragraph(feedIndex);
    const QByteArray summary = "<p>" + sentence() + " " + sentence()
                               + " [&#8230;]</p>\n<p>The post <a href=\"" + link + "\">" + title
                               + "</a> appeared first on Blog " + number(feedIndex) + ".</p>";
    if (feedIndex % 4 == 1) {
        // Escaped rather than CDATA, as many generators write it.
        text += "    <description>"
                + QByteArray(summary).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
                + "</description>\n";
    } else {
        text += "    <description><![CDATA[" + summary + "]]></description>\n";
    }
    text += "    <content:encoded><![CDATA[" + content + "]]></content:encoded>\n";
    text += "    <wfw:commentRss>" + link + "feed/</wfw:commentRss>\n";
    text += "    <slash:comments>" + number(m_random.bounded(40)) + "</slash:comments>\n";
    if (podcast || m_random.bounded(10) == 0) {
        const int seconds = between(600, 5400);
        text += "    <enclosure url=\"https://media.example.net/blog" + number(feedIndex)
                + "/episode-" + number(itemIndex) + ".mp3\" length=\""
                + number(qint64(seconds) * 16000) + "\" type=\"audio/mpeg\" />\n";
        text += "    <itunes:duration>" + number(seconds / 3600) + ":"
                + QByteArray::number(seconds / 60 % 60).rightJustified(2, '0') + ":"
                + QByteArray::number(seconds % 60).rightJustified(2, '0') + "</itunes:duration>\n";
    }
    text += "  </item>\n";
    return text;
}

QByteArray FeedGenerator::rss(int feedIndex, int itemCount)
{
    QByteArray text = channelStart(feedIndex);
    for (int i = 0; i < itemCount; ++i)
        text += item(feedIndex, i);
    return text + channelEnd();
}

QByteArray FeedGenerator::rssOfSize(int feedIndex, qint64 bytes)
{
    QByteArray text = channelStart(feedIndex);
    text.reserve(bytes);
    const QByteArray end = channelEnd();
    for (int i = 0;; ++i) {
        const QByteArray next = item(feedIndex, i);
        if (text.size() + next.size() + end.size() > bytes)
            break;
        text += next;
    }
    return text + end;
}
