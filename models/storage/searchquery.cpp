// Reads the search field's text into terms.
#include "searchquery.h"

namespace {

// A term only counts when it has something a tokenizer keeps: punctuation alone is no word.
bool hasWordCharacter(const QString &text)
{
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

} // namespace

SearchQuery::SearchQuery(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        Term term;
        if (text.at(i) == QLatin1Char('-') && i + 1 < n && !text.at(i + 1).isSpace()) {
            term.excluded = true;
            ++i;
        }
        if (text.at(i) == QLatin1Char('"')) {
            // A phrase runs to the next quote, or to the end when the quote is never closed.
            const qsizetype close = text.indexOf(QLatin1Char('"'), i + 1);
            const qsizetype end = close < 0 ? n : close;
            term.text = text.mid(i + 1, end - i - 1).simplified();
            term.phrase = true;
            i = close < 0 ? n : close + 1;
        } else {
            qsizetype end = i;
            while (end < n && !text.at(end).isSpace() && text.at(end) != QLatin1Char('"'))
                ++end;
            term.text = text.mid(i, end - i);
            i = end;
            if (term.text.endsWith(QLatin1Char('*'))) {
                while (term.text.endsWith(QLatin1Char('*')))
                    term.text.chop(1);
                // Only a plain word can be a prefix; "a-b*" is searched as the words it has.
                bool plain = !term.text.isEmpty();
                for (const QChar c : std::as_const(term.text))
                    plain = plain && c.isLetterOrNumber();
                term.prefix = plain;
            }
        }
        if (hasWordCharacter(term.text) && !m_terms.contains(term))
            m_terms << term;
    }
}

QList<SearchQuery::Term> SearchQuery::included() const
{
    QList<Term> list;
    for (const Term &term : m_terms) {
        if (!term.excluded)
            list << term;
    }
    return list;
}

QList<SearchQuery::Term> SearchQuery::excluded() const
{
    QList<Term> list;
    for (const Term &term : m_terms) {
        if (term.excluded)
            list << term;
    }
    return list;
}
