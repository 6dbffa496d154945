// Writes realistic RSS 2.0 feeds for the benchmarks: HTML content, authors, categories, enclosures.
#pragma once

#include <QByteArray>
#include <QRandomGenerator>

class FeedGenerator final
{
public:
    // The same seed gives the same documents.
    explicit FeedGenerator(quint32 seed = 1);

    // A blog (or, for every third index, a podcast) of itemCount items; feedIndex gives the feed
    // its own site, authors and item ids.
    [[nodiscard]] QByteArray rss(int feedIndex, int itemCount);
    // One feed grown item by item to about `bytes`, never more.
    [[nodiscard]] QByteArray rssOfSize(int feedIndex, qint64 bytes);

private:
    [[nodiscard]] QByteArray channelStart(int feedIndex);
    [[nodiscard]] static QByteArray channelEnd();
    [[nodiscard]] QByteArray item(int feedIndex, int itemIndex);
    [[nodiscard]] QByteArray words(int count);
    [[nodiscard]] QByteArray sentence();
    [[nodiscard]] QByteArray paragraph(int feedIndex);
    [[nodiscard]] int between(int lowest, int highest);

    QRandomGenerator m_random;
};
