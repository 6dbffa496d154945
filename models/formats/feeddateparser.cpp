// Reads the date formats found in feeds: RFC 822/1123, ISO 8601/W3CDTF and asctime.
#include "feeddateparser.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <iterator>
#include <optional>

namespace {

int expandTwoDigitYear(int year)
{
    return year < 50 ? 2000 + year : 1900 + year;
}

// Offset east of UTC in seconds for a named zone, or nothing when the name is unknown.
std::optional<int> namedZoneOffset(QString name)
{
    static const QHash<QString, int> hours = {
        {QStringLiteral("UT"), 0},   {QStringLiteral("UTC"), 0},  {QStringLiteral("GMT"), 0},
        {QStringLiteral("Z"), 0},    {QStringLiteral("EST"), -5}, {QStringLiteral("EDT"), -4},
        {QStringLiteral("CST"), -6}, {QStringLiteral("CDT"), -5}, {QStringLiteral("MST"), -7},
        {QStringLiteral("MDT"), -6}, {QStringLiteral("PST"), -8}, {QStringLiteral("PDT"), -7},
        {QStringLiteral("AST"), -4}, {QStringLiteral("ADT"), -3}, {QStringLiteral("AT"), -4},
        {QStringLiteral("ET"), -5},  {QStringLiteral("CT"), -6},  {QStringLiteral("MT"), -7},
        {QStringLiteral("PT"), -8},  {QStringLiteral("CET"), 1},  {QStringLiteral("CEST"), 2},
        {QStringLiteral("MET"), 1},  {QStringLiteral("MEST"), 2}, {QStringLiteral("BST"), 1},
        {QStringLiteral("EET"), 2},  {QStringLiteral("EEST"), 3}, {QStringLiteral("WET"), 0},
        {QStringLiteral("WEST"), 1},
    };
    name = name.toUpper();
    if (name.startsWith(QLatin1String("ETC/")))
        name = name.mid(4);
    const auto it = hours.constFind(name);
    if (it != hours.constEnd())
        return *it * 3600;
    if (name.size() == 1 && name.at(0) >= QLatin1Char('A') && name.at(0) <= QLatin1Char('Y')
        && name.at(0) != QLatin1Char('J')) {
        const char c = name.at(0).toLatin1();
        if (c <= 'I')
            return (c - 'A' + 1) * 3600;
        if (c <= 'M')
            return (c - 'K' + 10) * 3600;
        return -(c - 'N' + 1) * 3600;
    }
    return std::nullopt;
}

// "+0200", "-02:00", "+02", "Z", "GMT-01:01" -> offset east of UTC in seconds.
std::optional<int> zoneOffset(const QString &text)
{
    static const QRegularExpression numeric(QStringLiteral(
                                                "^(?:GMT|UTC|UT)?([+-])(\\d{2})(?::?(\\d{2}))?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = numeric.match(text);
    if (m.hasMatch()) {
        const int h = m.captured(2).toInt();
        const int min = m.captured(3).isEmpty() ? 0 : m.captured(3).toInt();
        if (h > 23 || min > 59)
            return std::nullopt;
        const int seconds = h * 3600 + min * 60;
        return m.captured(1) == QLatin1String("-") ? -seconds : seconds;
    }
    return namedZoneOffset(text);
}

std::optional<int> monthNumber(const QString &text)
{
    static const QStringList names = {QStringLiteral("jan"),
                                      QStringLiteral("feb"),
                                      QStringLiteral("mar"),
                                      QStringLiteral("apr"),
                                      QStringLiteral("may"),
                                      QStringLiteral("jun"),
                                      QStringLiteral("jul"),
                                      QStringLiteral("aug"),
                                      QStringLiteral("sep"),
                                      QStringLiteral("oct"),
                                      QStringLiteral("nov"),
                                      QStringLiteral("dec")};
    static const QStringList fullNames = {QStringLiteral("january"),
                                          QStringLiteral("february"),
                                          QStringLiteral("march"),
                                          QStringLiteral("april"),
                                          QStringLiteral("may"),
                                          QStringLiteral("june"),
                                          QStringLiteral("july"),
                                          QStringLiteral("august"),
                                          QStringLiteral("september"),
                                          QStringLiteral("october"),
                                          QStringLiteral("november"),
                                          QStringLiteral("december")};
    const QString lower = text.toLower();
    for (int i = 0; i < 12; ++i) {
        if (lower == names.at(i) || lower == fullNames.at(i)
            || (lower == QLatin1String("sept") && i == 8))
            return i + 1;
    }
    return std::nullopt;
}

bool isWeekday(const QString &text)
{
    static const QRegularExpression weekday(QStringLiteral(
                                                "^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    return weekday.match(text).hasMatch();
}

QDateTime makeUtc(int year, int month, int day, int hour, int minute, int second, int offset)
{
    const QDate date(year, month, day);
    if (!date.isValid() || hour > 24 || minute > 59 || second > 60)
        return {};
    if (hour == 24 && (minute != 0 || second != 0))
        return {};
    second = qMin(second, 59);
    QDateTime result(date, QTime(hour == 24 ? 0 : hour, minute, second), Qt::UTC);
    if (hour == 24)
        result = result.addDays(1);
    return result.addSecs(-offset);
}

// Reads the digits of text from *at on, at most maxDigits of them; -1 when there are fewer than
// minDigits.
int readNumber(QStringView text, qsizetype *at, int minDigits, int maxDigits)
{
    int value = 0;
    int digits = 0;
    while (*at < text.size() && digits < maxDigits && text.at(*at).isDigit()) {
        value = value * 10 + text.at(*at).digitValue();
        ++*at;
        ++digits;
    }
    return digits >= minDigits ? value : -1;
}

bool readChar(QStringView text, qsizetype *at, char16_t c)
{
    if (*at >= text.size() || text.at(*at) != c)
        return false;
    ++*at;
    return true;
}

// The forms nearly every feed writes, read without the general parsers:
// "2026-03-01T09:30:00Z", "2026-03-01T09:30:00.123+01:00" and "Sun, 01 Mar 2026 09:30:00 +0000"
// (or GMT). Nothing when the text is any other form.
std::optional<QDateTime> parseCommonForm(QStringView text)
{
    qsizetype at = 0;
    if (text.size() >= 20 && text.at(4) == u'-') {
        const int year = readNumber(text, &at, 4, 4);
        const bool dateOk = year >= 0 && readChar(text, &at, u'-');
        const int month = dateOk ? readNumber(text, &at, 2, 2) : -1;
        const int day = month >= 0 && readChar(text, &at, u'-') ? readNumber(text, &at, 2, 2) : -1;
        if (day < 0 || !readChar(text, &at, u'T'))
            return std::nullopt;
        const int hour = readNumber(text, &at, 2, 2);
        const int minute = hour >= 0 && readChar(text, &at, u':') ? readNumber(text, &at, 2, 2)
                                                                  : -1;
        const int second = minute >= 0 && readChar(text, &at, u':') ? readNumber(text, &at, 2, 2)
                                                                    : -1;
        if (second < 0)
            return std::nullopt;
        if (readChar(text, &at, u'.') && readNumber(text, &at, 1, 9) < 0)
            return std::nullopt;
        int offset = 0;
        if (readChar(text, &at, u'Z')) {
            offset = 0;
        } else if (at < text.size() && (text.at(at) == u'+' || text.at(at) == u'-')) {
            const int sign = text.at(at++) == u'-' ? -1 : 1;
            const int h = readNumber(text, &at, 2, 2);
            const int m = h >= 0 && readChar(text, &at, u':') ? readNumber(text, &at, 2, 2) : -1;
            if (m < 0 || h > 23 || m > 59)
                return std::nullopt;
            offset = sign * (h * 3600 + m * 60);
        } else {
            return std::nullopt;
        }
        if (at != text.size())
            return std::nullopt;
        return makeUtc(year, month, day, hour, minute, second, offset);
    }

    // RFC 822 with a weekday, a two-digit day, a four-digit year and a numeric zone or GMT.
    static constexpr char16_t months[12][4] = {u"Jan",
                                               u"Feb",
                                               u"Mar",
                                               u"Apr",
                                               u"May",
                                               u"Jun",
                                               u"Jul",
                                               u"Aug",
                                               u"Sep",
                                               u"Oct",
                                               u"Nov",
                                               u"Dec"};
    static constexpr char16_t weekdays[7][4]
        = {u"Mon", u"Tue", u"Wed", u"Thu", u"Fri", u"Sat", u"Sun"};
    if (text.size() < 29 || text.at(3) != u',' || text.at(4) != u' ')
        return std::nullopt;
    const QStringView weekday = text.first(3);
    if (std::none_of(std::begin(weekdays), std::end(weekdays), [weekday](const char16_t *w) {
            return weekday == QStringView(w, 3);
        }))
        return std::nullopt;
    at = 5;
    const int day = readNumber(text, &at, 2, 2);
    if (day < 0 || !readChar(text, &at, u' ') || at + 4 > text.size())
        return std::nullopt;
    const QStringView monthName = text.sliced(at, 3);
    int month = 0;
    for (int i = 0; i < 12 && month == 0; ++i) {
        if (monthName == QStringView(months[i], 3))
            month = i + 1;
    }
    at += 3;
    if (month == 0 || !readChar(text, &at, u' '))
        return std::nullopt;
    const int year = readNumber(text, &at, 4, 4);
    if (year < 0 || !readChar(text, &at, u' '))
        return std::nullopt;
    const int hour = readNumber(text, &at, 2, 2);
    const int minute = hour >= 0 && readChar(text, &at, u':') ? readNumber(text, &at, 2, 2) : -1;
    const int second = minute >= 0 && readChar(text, &at, u':') ? readNumber(text, &at, 2, 2) : -1;
    if (second < 0 || !readChar(text, &at, u' '))
        return std::nullopt;
    const QStringView zone = text.sliced(at);
    int offset = 0;
    if (zone.size() == 5 && (zone.at(0) == u'+' || zone.at(0) == u'-')) {
        qsizetype z = 1;
        const int h = readNumber(zone, &z, 2, 2);
        const int m = h >= 0 ? readNumber(zone, &z, 2, 2) : -1;
        if (m < 0 || h > 23 || m > 59)
            return std::nullopt;
        offset = (zone.at(0) == u'-' ? -1 : 1) * (h * 3600 + m * 60);
    } else if (zone != u"GMT" && zone != u"UTC" && zone != u"UT" && zone != u"Z") {
        return std::nullopt;
    }
    return makeUtc(year, month, day, hour, minute, second, offset);
}

} // namespace

QDateTime FeedDateParser::parse(QStringView text)
{
    const QStringView trimmedView = text.trimmed();
    if (trimmedView.isEmpty())
        return {};
    if (const std::optional<QDateTime> common = parseCommonForm(trimmedView))
        return *common;
    const QString trimmed = trimmedView.toString();
    const QChar first = trimmed.at(0);
    if (first.isDigit() || first == QLatin1Char('-')) {
        const QDateTime iso = parseIso8601(trimmed);
        if (iso.isValid())
            return iso;
    }
    return parseRfc822(trimmed);
}

QDateTime FeedDateParser::parseIso8601(const QString &text)
{
    // Date forms: YYYY-MM-DD, YYYY-0MM-DD, YYYYMMDD, YYYY-MM, YYYY, YY-MM-DD, YYMMDD, YYOOO,
    // -YY-MM, -YYMM; then an optional time with optional fraction and zone.
    static const QRegularExpression pattern(QStringLiteral(
        "^(?:(?<y4>\\d{4})(?:-(?<m4>0?\\d{2})(?:-(?<d4>\\d{2}))?|(?<m4c>\\d{2})(?<d4c>\\d{2}))?"
        "|(?<y2>\\d{2})-?(?<m2>\\d{2})-?(?<d2>\\d{2})"
        "|(?<y2o>\\d{2})(?<o2>\\d{3})"
        "|-(?<y2m>\\d{2})-?(?<m2m>\\d{2}))"
        "(?:[T ](?<h>\\d{1,2}):(?<min>\\d{2})(?::(?<s>\\d{2})(?:[.,]\\d+)?)?"
        "\\s*(?<z>Z|[+-]\\d{2}(?::?\\d{2})?|[A-Za-z]{1,4})?)?$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return {};
    int year = 0;
    int month = 1;
    int day = 1;
    if (m.hasCaptured(u"y4")) {
        year = m.captured(u"y4").toInt();
        if (m.hasCaptured(u"m4")) {
            month = m.captured(u"m4").toInt();
            day = m.hasCaptured(u"d4") ? m.captured(u"d4").toInt() : 1;
        } else if (m.hasCaptured(u"m4c")) {
            month = m.captured(u"m4c").toInt();
            day = m.captured(u"d4c").toInt();
        }
    } else if (m.hasCaptured(u"y2")) {
        year = expandTwoDigitYear(m.captured(u"y2").toInt());
        month = m.captured(u"m2").toInt();
        day = m.captured(u"d2").toInt();
    } else if (m.hasCaptured(u"y2o")) {
        year = expandTwoDigitYear(m.captured(u"y2o").toInt());
        const int ordinal = m.captured(u"o2").toInt();
        if (ordinal < 1 || ordinal > QDate(year, 1, 1).daysInYear())
            return {};
        const QDate date = QDate(year, 1, 1).addDays(ordinal - 1);
        month = date.month();
        day = date.day();
    } else {
        year = expandTwoDigitYear(m.captured(u"y2m").toInt());
        month = m.captured(u"m2m").toInt();
    }
    int offset = 0;
    if (m.hasCaptured(u"z")) {
        const std::optional<int> zone = zoneOffset(m.captured(u"z"));
        if (!zone)
            return {};
        offset = *zone;
    }
    return makeUtc(year,
                   month,
                   day,
                   m.captured(u"h").toInt(),
                   m.captured(u"min").toInt(),
                   m.captured(u"s").toInt(),
                   offset);
}

QDateTime FeedDateParser::parseRfc822(const QString &text)
{
    // Token based, so that the order variants (RFC 822, asctime, "Thu Aug 30 2012 ...") and
    // stray commas all read the same way.
    QString normalised = text;
    normalised.replace(QLatin1Char(','), QLatin1Char(' '));
    QStringList tokens = normalised.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!tokens.isEmpty() && isWeekday(tokens.first()))
        tokens.removeFirst();

    static const QRegularExpression timePattern(
        QStringLiteral("^(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?$"));
    static const QRegularExpression numberPattern(QStringLiteral("^\\d{1,4}$"));

    std::optional<int> month;
    std::optional<int> offset;
    QStringList numbers;
    int hour = 0;
    int minute = 0;
    int second = 0;
    bool haveTime = false;
    for (const QString &token : std::as_const(tokens)) {
        if (!month) {
            if (const std::optional<int> named = monthNumber(token)) {
                month = named;
                continue;
            }
        }
        if (!haveTime) {
            const QRegularExpressionMatch t = timePattern.match(token);
            if (t.hasMatch()) {
                hour = t.captured(1).toInt();
                minute = t.captured(2).toInt();
                second = t.captured(3).toInt();
                haveTime = true;
                continue;
            }
        }
        if (numberPattern.match(token).hasMatch() && numbers.size() < 2) {
            numbers.append(token);
            continue;
        }
        if (haveTime && !offset) {
            offset = zoneOffset(token);
            if (offset)
                continue;
        }
        return {};
    }
    if (!month || numbers.size() != 2)
        return {};
    const QString &dayText = numbers.at(0);
    const QString &yearText = numbers.at(1);
    if (dayText.size() > 2)
        return {};
    int year = yearText.toInt();
    if (yearText.size() <= 2)
        year = expandTwoDigitYear(year);
    else if (yearText.size() == 3)
        year += 1900;
    return makeUtc(year, *month, dayText.toInt(), hour, minute, second, offset.value_or(0));
}
