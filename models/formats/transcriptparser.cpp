// Transcript formats: tweets copied from a page (names glued to handles), Zoom chats (both
// layouts) and "Name: text" lines, with the guesses each needs written down as issues.
#include "transcriptparser.h"

#include "textextractor.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace {

// Non-breaking and other exotic spaces become plain ones; zero-width characters go.
QString plainSpaces(QString text)
{
    for (const char16_t space : {u'\u00A0', u'\u202F', u'\u2007', u'\u2009', u'\u3000'})
        text.replace(QChar(space), QLatin1Char(' '));
    for (const char16_t invisible : {u'\u200B', u'\u2060', u'\uFEFF'})
        text.remove(QChar(invisible));
    return text;
}

QStringList splitLines(const QString &text)
{
    static const QRegularExpression lineBreak(QStringLiteral("\r\n|\n|\r"));
    return text.split(lineBreak);
}

const QRegularExpression &tweetEntryPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,5})[.)]\\s+(\\S.*)$"));
    return pattern;
}

const QRegularExpression &zoomPattern()
{
    // "10:01:02 From Ada Lovelace to Everyone: text" (older chats) and "10:01:02\tAda: text".
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{1,2}:\\d{2}(?::\\d{2})?)(?:\\s+From\\s+(.+?)(?:\\s+to\\s+(.+?))?"
                       "\\s*:(?:\\s(.*))?|\\t+\\s*(.+?):[\\t ]*(.*))$"));
    return pattern;
}

const QRegularExpression &linePattern()
{
    static const QRegularExpression pattern(QStringLiteral(
        "^\\s*(?:[\\[(]?(?:(\\d{4}-\\d{2}-\\d{2})[ T])?(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*"
        "([AaPp][Mm])?[\\])]?\\s*[-\u2013]?\\s*)?([^:\\t@#/\\[\\]()]{1,60}?)\\s*:(?:\\s+(.*))?$"));
    return pattern;
}

bool isSpeakerName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.split(QLatin1Char(' '), Qt::SkipEmptyParts).size() > 6)
        return false;
    return std::any_of(trimmed.cbegin(), trimmed.cend(), [](QChar c) { return c.isLetter(); });
}

bool isHandleLike(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_]{1,30}$"));
    return pattern.match(text).hasMatch();
}

QDateTime timeOn(QDate date, const QString &clock, const QString &meridiem = {})
{
    QTime time = QTime::fromString(clock, QStringLiteral("H:mm:ss"));
    if (!time.isValid())
        time = QTime::fromString(clock, QStringLiteral("H:mm"));
    if (!time.isValid())
        return {};
    if (!meridiem.isEmpty()) {
        const bool pm = meridiem.compare(QLatin1String("pm"), Qt::CaseInsensitive) == 0;
        int hour = time.hour() % 12;
        if (pm)
            hour += 12;
        time = QTime(hour, time.minute(), time.second());
    }
    return QDateTime(date.isValid() ? date : QDate::currentDate(), time, Qt::UTC);
}

void setRepost(TranscriptMessage &message)
{
    static const QRegularExpression retweet(QStringLiteral(
                                                "^RT\\s*@([A-Za-z0-9_]+)\\s*:?\\s*(.*)$"),
                                            QRegularExpression::DotMatchesEverythingOption);
    const auto match = retweet.match(message.text);
    if (!match.hasMatch())
        return;
    message.repostOf = match.captured(1);
    message.repostText = match.captured(2).trimmed();
}

void appendText(TranscriptMessage &message, const QString &line)
{
    const QString text = line.trimmed();
    if (text.isEmpty())
        return;
    if (!message.text.isEmpty())
        message.text += QLatin1Char('\n');
    message.text += text;
}

// A tweet list entry's first line: "Display Namehandle", "Display Name handle" or
// "Display Name @handle", possibly followed by the text.
struct TweetHeader
{
    int line = 0;
    QString header;
    QString text;
};

struct NameSplit
{
    QString name;
    QString handle;
    QString text;
};

QString stripSeparators(QString text)
{
    static const QRegularExpression leading(QStringLiteral("^[\\s\u00B7:\u2013\u2014-]+"));
    return text.remove(leading).trimmed();
}

bool splitExplicit(const QString &header, NameSplit *split)
{
    static const QRegularExpression at(QStringLiteral("@([A-Za-z0-9_]+)"));
    const auto match = at.match(header);
    if (!match.hasMatch())
        return false;
    split->name = header.left(match.capturedStart()).trimmed();
    split->handle = match.captured(1);
    split->text = stripSeparators(header.mid(match.capturedEnd()));
    if (split->name.endsWith(QChar(0x00B7)))
        split->name.chop(1);
    split->name = split->name.trimmed();
    return true;
}

bool splitSpaced(const QString &header, NameSplit *split)
{
    QStringList tokens = header.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (tokens.size() < 2)
        return false;
    const QString last = tokens.constLast();
    // "Smithmary_s" is a surname with the handle glued on, not a handle.
    const bool startsLikeWord = last.size() > 1 && last.at(0).isUpper() && last.at(1).isLower();
    if (!isHandleLike(last) || startsLikeWord)
        return false;
    tokens.removeLast();
    split->name = tokens.join(QLatin1Char(' '));
    split->handle = last;
    return true;
}

// A handle known from elsewhere (a mention, a retweet, another entry) that follows the name.
bool splitKnownHandle(const QString &header, const QStringList &knownHandles, NameSplit *split)
{
    const QString lower = header.toLower();
    for (const QString &handle : knownHandles) {
        const QString needle = handle.toLower();
        qsizetype from = 1;
        while (true) {
            const qsizetype p = lower.indexOf(needle, from);
            if (p < 0)
                break;
            from = p + 1;
            const qsizetype end = p + needle.size();
            const bool endsWord = end == header.size() || !header.at(end).isLetterOrNumber();
            const QString name = header.left(p).trimmed();
            if (!endsWord || name.isEmpty() || !isSpeakerName(name))
                continue;
            split->name = name;
            split->handle = header.mid(p, needle.size());
            split->text = stripSeparators(header.mid(end));
            return true;
        }
    }
    return false;
}

// A name known from another entry, with the handle glued after it.
bool splitKnownName(const QString &header, const QStringList &knownNames, NameSplit *split)
{
    for (const QString &name : knownNames) {
        if (!header.startsWith(name) || header.size() == name.size())
            continue;
        const QString rest = header.mid(name.size()).trimmed();
        const QString handle = rest.section(QLatin1Char(' '), 0, 0);
        if (!isHandleLike(handle))
            continue;
        split->name = name;
        split->handle = handle;
        split->text = rest.mid(handle.size()).trimmed();
        return true;
    }
    return false;
}

// No help from elsewhere: the handle is glued to the last word of the name, and usually starts
// like one of the name's words ("Ada Lovelaceadal") or with a capital ("Grace HopperGraceH").
bool splitGlued(const QString &header, NameSplit *split)
{
    QStringList tokens = header.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (tokens.isEmpty())
        return false;
    const QString last = tokens.constLast();
    qsizetype best = -1;
    int bestScore = 0;
    for (qsizetype p = 2; p + 1 < last.size(); ++p) {
        const QString suffix = last.mid(p);
        if (!isHandleLike(suffix) || !last.at(p - 1).isLetter())
            continue;
        int score = 0;
        if (last.at(p - 1).isLower() && last.at(p).isUpper())
            score = 2;
        for (const QString &word : std::as_const(tokens)) {
            const QString lowerWord = word.toLower();
            const QString lowerSuffix = suffix.toLower();
            int common = 0;
            while (common < lowerWord.size() && common < lowerSuffix.size()
                   && lowerWord.at(common) == lowerSuffix.at(common))
                ++common;
            if (common >= 2)
                score = std::max(score, common);
        }
        if (score > bestScore) {
            bestScore = score;
            best = p;
        }
    }
    if (best < 0)
        return false;
    tokens.last() = last.left(best);
    split->name = tokens.join(QLatin1Char(' '));
    split->handle = last.mid(best);
    return true;
}

} // namespace

QString TranscriptParser::formatKey(Format format)
{
    switch (format) {
    case Format::Tweets:
        return QStringLiteral("tweets");
    case Format::Zoom:
        return QStringLiteral("zoom");
    case Format::Lines:
        return QStringLiteral("lines");
    case Format::Unknown:
        break;
    }
    return {};
}

TranscriptParser::Format TranscriptParser::formatFromKey(const QString &key)
{
    for (const Format format : {Format::Tweets, Format::Zoom, Format::Lines}) {
        if (key.compare(formatKey(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    return Format::Unknown;
}

QString TranscriptParser::formatName(Format format)
{
    switch (format) {
    case Format::Tweets:
        return tr("List of tweets");
    case Format::Zoom:
        return tr("Zoom chat");
    case Format::Lines:
        return tr("\"Name: text\" lines");
    case Format::Unknown:
        break;
    }
    return tr("Unknown");
}

TranscriptParser::Format TranscriptParser::detect(const QString &text)
{
    const QStringList lines = splitLines(plainSpaces(text));
    int zoom = 0;
    int tweets = 0;
    int speakers = 0;
    int lastNumber = -1;
    bool firstIsEntry = false;
    bool first = true;
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        if (first) {
            firstIsEntry = tweetEntryPattern().match(line).hasMatch();
            first = false;
        }
        if (zoomPattern().match(line).hasMatch()) {
            ++zoom;
            continue;
        }
        const auto entry = tweetEntryPattern().match(line);
        if (entry.hasMatch()) {
            const int number = entry.captured(1).toInt();
            if (lastNumber < 0 || number == lastNumber + 1 || number == lastNumber - 1) {
                ++tweets;
                lastNumber = number;
                continue;
            }
        }
        const auto speaker = linePattern().match(line);
        if (speaker.hasMatch() && isSpeakerName(speaker.captured(4)))
            ++speakers;
    }
    if (zoom > 0 && zoom >= speakers)
        return Format::Zoom;
    // A list copied from a page starts with its first entry; text lines may look like speakers.
    if (tweets >= 2 || (tweets == 1 && (speakers == 0 || firstIsEntry)))
        return Format::Tweets;
    if (speakers > 0)
        return Format::Lines;
    return Format::Unknown;
}

TranscriptParser::Result TranscriptParser::parse(const QString &text, Format format, QDate date)
{
    Result result;
    result.format = format == Format::Unknown ? detect(text) : format;
    const QStringList lines = splitLines(plainSpaces(text));
    switch (result.format) {
    case Format::Tweets:
        parseTweets(lines, &result);
        break;
    case Format::Zoom:
        parseZoom(lines, date, &result);
        break;
    case Format::Lines:
        parseLines(lines, date, &result);
        break;
    case Format::Unknown:
        result.issues.append(
            {0,
             tr("This is not a transcript Watercooler knows: no numbered tweets, no Zoom chat "
                "lines and no \"Name: text\" lines.")});
        break;
    }
    for (TranscriptMessage &message : result.messages)
        setRepost(message);
    return result;
}

void TranscriptParser::parseTweets(const QStringList &lines, Result *result)
{
    QList<TweetHeader> entries;
    int lastNumber = -1;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const auto entry = tweetEntryPattern().match(line);
        if (entry.hasMatch()) {
            const int number = entry.captured(1).toInt();
            if (lastNumber < 0 || number == lastNumber + 1 || number == lastNumber - 1) {
                lastNumber = number;
                entries.append({i + 1, entry.captured(2).trimmed(), {}});
                continue;
            }
        }
        if (entries.isEmpty()) {
            if (!line.trimmed().isEmpty())
                result->issues.append({i + 1, tr("Text before the first numbered entry; skipped.")});
            continue;
        }
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty()) {
            TweetHeader &current = entries.last();
            current.text += (current.text.isEmpty() ? QString() : QStringLiteral("\n")) + trimmed;
        }
    }

    // Handles named anywhere: mentions and retweets in the texts, and entries that show them
    // apart from the name. They tell the glued entries' names and handles apart.
    QStringList knownHandles;
    QStringList knownNames;
    const auto addHandle = [&](const QString &handle) {
        if (!handle.isEmpty() && !knownHandles.contains(handle, Qt::CaseInsensitive))
            knownHandles << handle;
    };
    for (const TweetHeader &entry : std::as_const(entries)) {
        for (const QString &mention : TextExtractor::extract(entry.text).mentions)
            addHandle(mention);
        NameSplit split;
        if (splitExplicit(entry.header, &split) || splitSpaced(entry.header, &split)) {
            addHandle(split.handle);
            if (!split.name.isEmpty() && !knownNames.contains(split.name))
                knownNames << split.name;
        }
    }
    std::sort(knownHandles.begin(), knownHandles.end(), [](const QString &a, const QString &b) {
        return a.size() > b.size();
    });
    std::sort(knownNames.begin(), knownNames.end(), [](const QString &a, const QString &b) {
        return a.size() > b.size();
    });

    for (const TweetHeader &entry : std::as_const(entries)) {
        NameSplit split;
        if (!splitExplicit(entry.header, &split)
            && !splitKnownHandle(entry.header, knownHandles, &split)
            && !splitKnownName(entry.header, knownNames, &split)
            && !splitSpaced(entry.header, &split)) {
            if (splitGlued(entry.header, &split)) {
                result->issues.append({entry.line,
                                       tr("Guessed \"%1\" as the name and \"@%2\" as the handle.")
                                           .arg(split.name, split.handle)});
            } else {
                split.name = entry.header;
                result->issues.append(
                    {entry.line,
                     tr("No handle found in \"%1\"; kept as a name.").arg(entry.header)});
            }
        }
        TranscriptMessage message;
        message.line = entry.line;
        message.name = split.name;
        message.handle = split.handle;
        message.text = split.text;
        if (!entry.text.isEmpty())
            message.text += (message.text.isEmpty() ? QString() : QStringLiteral("\n"))
                            + entry.text;
        if (message.text.isEmpty()) {
            result->issues.append({entry.line, tr("An entry without text; skipped.")});
            continue;
        }
        result->messages.append(message);
    }
}

void TranscriptParser::parseZoom(const QStringList &lines, QDate date, Result *result)
{
    bool skipping = false; // continuation lines of a skipped private message
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const auto match = zoomPattern().match(line);
        if (!match.hasMatch()) {
            if (line.trimmed().isEmpty() || skipping)
                continue;
            if (result->messages.isEmpty()) {
                result->issues.append({i + 1, tr("Not a chat line; skipped.")});
                continue;
            }
            appendText(result->messages.last(), line);
            continue;
        }
        QString name = match.captured(2);
        QString recipient = match.captured(3);
        QString text = match.captured(4);
        if (name.isEmpty()) {
            // The tab-separated layout, which may still say "From X to Y".
            name = match.captured(5);
            text = match.captured(6);
            static const QRegularExpression fromTo(
                QStringLiteral("^From\\s+(.+?)(?:\\s+to\\s+(.+?))?\\s*$"));
            const auto parts = fromTo.match(name);
            if (parts.hasMatch()) {
                name = parts.captured(1);
                recipient = parts.captured(2);
            }
        }
        recipient = recipient.trimmed();
        if (!recipient.isEmpty() && !recipient.startsWith(QLatin1String("Everyone"))) {
            skipping = true;
            result->issues.append(
                {i + 1, tr("A private message from %1; not imported.").arg(name.trimmed())});
            continue;
        }
        skipping = false;
        TranscriptMessage message;
        message.line = i + 1;
        message.name = name.simplified();
        message.time = timeOn(date, match.captured(1));
        message.text = text.trimmed();
        result->messages.append(message);
    }
    // A message whose text never came is no message.
    for (qsizetype i = result->messages.size() - 1; i >= 0; --i) {
        if (result->messages.at(i).text.isEmpty()) {
            result->issues.append(
                {result->messages.at(i).line, tr("A message without text; skipped.")});
            result->messages.removeAt(i);
        }
    }
    std::sort(result->issues.begin(), result->issues.end(), [](const auto &a, const auto &b) {
        return a.line < b.line;
    });
}

void TranscriptParser::parseLines(const QStringList &lines, QDate date, Result *result)
{
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.trimmed().isEmpty())
            continue;
        const auto match = linePattern().match(line);
        if (match.hasMatch() && isSpeakerName(match.captured(4))) {
            TranscriptMessage message;
            message.line = i + 1;
            message.name = match.captured(4).simplified();
            message.text = match.captured(5).trimmed();
            if (!match.captured(2).isEmpty()) {
                const QDate day = match.captured(1).isEmpty()
                                      ? date
                                      : QDate::fromString(match.captured(1), Qt::ISODate);
                message.time = timeOn(day, match.captured(2), match.captured(3));
            }
            result->messages.append(message);
            continue;
        }
        if (result->messages.isEmpty()) {
            result->issues.append({i + 1, tr("No speaker (\"Name: text\"); skipped.")});
            continue;
        }
        appendText(result->messages.last(), line);
    }
    for (qsizetype i = result->messages.size() - 1; i >= 0; --i) {
        if (result->messages.at(i).text.isEmpty()) {
            result->issues.prepend(
                {result->messages.at(i).line, tr("A message without text; skipped.")});
            result->messages.removeAt(i);
        }
    }
    std::sort(result->issues.begin(), result->issues.end(), [](const auto &a, const auto &b) {
        return a.line < b.line;
    });
}
