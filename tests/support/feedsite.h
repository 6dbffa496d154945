// A small web site on 127.0.0.1 for the feed discovery tests: a blog page that links to two
// feeds, the feeds, and a page that links to none. Tests may add routes of their own.
#pragma once

#include <QHttpServer>
#include <QUrl>

class FeedSite final
{
public:
    // "/blog" links to posts (RSS, titled "Team posts") and comments (Atom, "Team comments").
    static const QString BlogPath;
    static const QString PostsPath;
    static const QString CommentsPath;
    // A page without feed links on a site without feeds at the usual paths.
    static const QString AboutPath;

    FeedSite();
    Q_DISABLE_COPY_MOVE(FeedSite)

    [[nodiscard]] bool isListening() const { return m_port != 0; }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl url(const QString &path) const;
    [[nodiscard]] QHttpServer &server() { return m_server; }
    // How many requests the routes above answered.
    [[nodiscard]] int requestCount() const { return m_requests; }

    [[nodiscard]] static QByteArray rssFeed(const QString &title);
    [[nodiscard]] static QByteArray atomFeed(const QString &title);

private:
    QHttpServer m_server;
    quint16 m_port = 0;
    int m_requests = 0;
};
