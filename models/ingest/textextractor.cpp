// Mention, hashtag and link extraction, tolerant of glued forms such as "RT @a@b" or "like#tag".
#include "textextractor.h"

#include <QRegularExpression>

TextExtractor::Result TextExtractor::extract(const QString &input)
{
    // Most posts name nobody and link nowhere: no pattern below can match without an '@', a
    // '#', "://" or "www." (in any case). One pass finds out.
    bool mayMention = false;
    bool mayTag = false;
    bool mayLink = false;
    const QChar *chars = input.constData();
    const qsizetype size = input.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = chars[i].unicode();
        if (c == u'@') {
            mayMention = true;
        } else if (c == u'#') {
            mayTag = true;
        } else if (c == u':') {
            mayLink = mayLink || (i + 2 < size && chars[i + 1] == u'/' && chars[i + 2] == u'/');
        } else if ((c | 0x20) == u'w' && i + 3 < size) {
            mayLink = mayLink
                      || ((chars[i + 1].unicode() | 0x20) == u'w'
                          && (chars[i + 2].unicode() | 0x20) == u'w' && chars[i + 3] == u'.');
        }
    }
    if (!mayMention && !mayTag && !mayLink)
        return {};
    // Non-breaking and other exotic spaces count as spaces; zero-width characters glue words
    // for the eye only and separate them here. One pass, copying only when there is one.
    QString text = input;
    for (qsizetype i = 0; i < text.size(); ++i) {
        switch (text.at(i).unicode()) {
        case u'\u00A0':
        case u'\u202F':
        case u'\u2007':
        case u'\u2009':
        case u'\u3000':
        case u'\u200B':
        case u'\u2060':
        case u'\uFEFF':
            text[i] = QLatin1Char(' ');
            break;
        default:
            break;
        }
    }

    Result result;
    static const QRegularExpression linkPattern(QStringLiteral(
                                                    "\\b(?:https?://|www\\.)[^\\s<>\"']+"),
                                                QRegularExpression::CaseInsensitiveOption);
    QString withoutLinks = text;
    auto links = mayLink ? linkPattern.globalMatch(text) : QRegularExpressionMatchIterator();
    while (mayLink && links.hasNext()) {
        const auto match = links.next();
        QString link = match.captured(0);
        while (!link.isEmpty() && QStringLiteral(".,;:!?)]").contains(link.back()))
            link.chop(1);
        if (!result.links.contains(link))
            result.links << link;
        withoutLinks.replace(match.capturedStart(),
                             match.capturedLength(),
                             QString(match.capturedLength(), QLatin1Char(' ')));
    }

    // An @ starts a mention unless it is inside an e-mail address ("ada@example.org"). Glued to
    // a word it still starts one when what follows is no domain ("RT@ada", "thanks@bob",
    // "#tag@ada"); a second @ right after a handle starts the next mention ("@a@b").
    static const QRegularExpression mentionPattern(
        QStringLiteral("@([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)"));
    static const QRegularExpression domainPattern(
        QStringLiteral("[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*\\.[A-Za-z]{2,}(?![A-Za-z0-9_])"));
    auto mentions = mayMention ? mentionPattern.globalMatch(withoutLinks)
                               : QRegularExpressionMatchIterator();
    qsizetype lastMentionEnd = -1;
    while (mayMention && mentions.hasNext()) {
        const auto match = mentions.next();
        const qsizetype at = match.capturedStart();
        const bool glued = at == lastMentionEnd;
        if (at > 0 && !glued && withoutLinks.at(at - 1).isLetterOrNumber()
            && domainPattern
                   .match(withoutLinks,
                          match.capturedStart(1),
                          QRegularExpression::NormalMatch,
                          QRegularExpression::AnchorAtOffsetMatchOption)
                   .hasMatch())
            continue; // an e-mail address
        lastMentionEnd = match.capturedEnd();
        const QString handle = match.captured(1);
        if (!result.mentions.contains(handle, Qt::CaseInsensitive))
            result.mentions << handle;
    }

    // A # starts a hashtag after anything but another tag character, so "like#tag" counts.
    static const QRegularExpression tagPattern(
        QStringLiteral("#([\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*)"));
    auto tags = mayTag ? tagPattern.globalMatch(withoutLinks) : QRegularExpressionMatchIterator();
    while (mayTag && tags.hasNext()) {
        const auto match = tags.next();
        const QString tag = match.captured(1);
        if (!result.hashtags.contains(tag, Qt::CaseInsensitive))
            result.hashtags << tag;
    }
    return result;
}

QString TextExtractor::normalizeHandle(const QString &handle)
{
    QString h = handle.trimmed();
    if (h.startsWith(QLatin1Char('@')))
        h.remove(0, 1);
    return h.toCaseFolded();
}

QString TextExtractor::normalizeTag(const QString &tag)
{
    QString t = tag.trimmed();
    if (t.startsWith(QLatin1Char('#')))
        t.remove(0, 1);
    return t.toCaseFolded();
}
