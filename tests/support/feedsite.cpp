// Serves the pages and feeds of FeedSite.
#include "feedsite.h"

#include <QHttpServerResponse>

const QString FeedSite::BlogPath = QStringLiteral("/blog");
const QString FeedSite::PostsPath = QStringLiteral("/feeds/posts.xml");
const QString FeedSite::CommentsPath = QStringLiteral("/feeds/comments.atom");
const QString FeedSite::AboutPath = QStringLiteral("/about");

FeedSite::FeedSite()
{
    m_server.route(BlogPath, [this] {
        ++m_requests;
        return QHttpServerResponse(
            QByteArrayLiteral("text/html; charset=utf-8"),
            QByteArrayLiteral(
                "<!DOCTYPE html><html><head><title>Team blog</title>"
                "<link rel=\"stylesheet\" href=\"/style.css\">"
                "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Team posts\" "
                "href=\"feeds/posts.xml\">"
                "<LINK REL=\"Alternate Feed\" TYPE=\"application/atom+xml\" title=\"Comments\" "
                "href=\"/feeds/comments.atom\">"
                "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"feeds/posts.xml#dup\">"
                "</head><body><p>Hello</p></body></html>"));
    });
    m_server.route(PostsPath, [this] {
        ++m_requests;
        return QHttpServerResponse(QByteArrayLiteral("application/rss+xml"),
                                   rssFeed(QStringLiteral("Team posts")));
    });
    m_server.route(CommentsPath, [this] {
        ++m_requests;
        return QHttpServerResponse(QByteArrayLiteral("application/atom+xml"),
                                   atomFeed(QStringLiteral("Team comments")));
    });
    m_server.route(AboutPath, [this] {
        ++m_requests;
        return QHttpServerResponse(QByteArrayLiteral("text/html"),
                                   QByteArrayLiteral("<html><body>About us</body></html>"));
    });
    m_port = m_server.listen(QHostAddress(QHostAddress::LocalHost));
}

QUrl FeedSite::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

QByteArray FeedSite::rssFeed(const QString &title)
{
    return QStringLiteral("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>%1</title>"
                          "<link>http://127.0.0.1/</link><item><guid>a</guid><title>A</title>"
                          "</item></channel></rss>")
        .arg(title)
        .toUtf8();
}

QByteArray FeedSite::atomFeed(const QString &title)
{
    return QStringLiteral("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                          "<title>%1</title><id>urn:x</id><updated>2026-01-01T00:00:00Z</updated>"
                          "</feed>")
        .arg(title)
        .toUtf8();
}
