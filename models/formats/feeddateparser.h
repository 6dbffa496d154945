// Reads the date formats found in feeds: RFC 822/1123, ISO 8601/W3CDTF and asctime.
#pragma once

#include <QDateTime>
#include <QStringView>

class FeedDateParser final
{
public:
    // Returns the moment in UTC, or an invalid QDateTime when the text is not a date.
    [[nodiscard]] static QDateTime parse(QStringView text);

private:
    [[nodiscard]] static QDateTime parseIso8601(const QString &text);
    [[nodiscard]] static QDateTime parseRfc822(const QString &text);
};
