// The value structs a feed fetch starts from and ends with: what to ask for, and what came back.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>
#include <utility>

struct FetchCredentials
{
    QString user;
    QString password;
};

// What a fetch is for: (feed id, 0) for a feed, (feed id, item id) for the comments feed of one
// of its items. The scheduler runs one fetch per key at a time.
using FetchKey = std::pair<qint64, qint64>;

struct FetchRequest
{
    qint64 feedId = 0;
    QUrl url;
    // Validators from the previous fetch, sent back as If-None-Match and If-Modified-Since.
    QString etag;
    QString lastModified;
    // Sent as HTTP Basic authentication, and only to the origin of url.
    std::optional<FetchCredentials> credentials;
    // The feed's own refresh interval; 0 uses the scheduler's.
    int refreshIntervalSeconds = 0;
    // What the feed announced last time (RSS ttl, sy:updatePeriod); 0 when nothing.
    int ttlSeconds = 0;
    // Failures in a row stored from earlier runs, so that the backoff goes on after a restart.
    int previousFailures = 0;
    // Set when url is the comments feed of this feed item.
    qint64 itemId = 0;

    [[nodiscard]] FetchKey key() const { return {feedId, itemId}; }
};

struct FetchResult
{
    qint64 feedId = 0;
    qint64 itemId = 0; // as in the request
    QUrl requestedUrl;
    QUrl finalUrl;
    int httpStatus = 0;       // 0 when no HTTP response arrived
    bool notModified = false; // 304: the stored copy is current
    bool gone = false;        // 410: the feed will not come back
    // Set when the redirects from requestedUrl began with permanent ones (301/308): the URL to
    // store instead of requestedUrl.
    QUrl movedPermanently;
    QByteArray body;
    QString contentType; // without parameters, lower case
    QString charset;     // the charset parameter of Content-Type, empty when there is none
    // Stored together and sent back on the next fetch.
    QString etag;
    QString lastModified;
    int maxAgeSeconds = -1; // Cache-Control max-age, -1 when absent
    QDateTime retryAfter;   // from Retry-After on 429 and 503, invalid otherwise
    // True when the last request of the chain carried the feed's credentials.
    bool sentCredentials = false;
    QString errorString; // empty when the fetch worked
    qint64 elapsedMs = 0;

    [[nodiscard]] FetchKey key() const { return {feedId, itemId}; }
    [[nodiscard]] bool isComments() const { return itemId != 0; }

    // A fresh body or a confirmation that the stored one is current.
    [[nodiscard]] bool succeeded() const
    {
        return errorString.isEmpty() && ((httpStatus >= 200 && httpStatus < 300) || notModified);
    }
};

Q_DECLARE_METATYPE(FetchRequest)
Q_DECLARE_METATYPE(FetchResult)
