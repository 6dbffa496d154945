// What the user typed into the search field, read as words, "phrases", -exclusions and prefix*
// terms. Nothing the user types is ever handed to a search engine as syntax: SqlDialect turns
// the terms into an FTS5 query of quoted strings or into bound tsquery values.
#pragma once

#include <QList>
#include <QString>

class SearchQuery final
{
public:
    struct Term
    {
        QString text;          // a word or the words of a phrase, as typed (never empty)
        bool phrase = false;   // "in quotes": the words in this order
        bool excluded = false; // -word: posts with it are left out
        bool prefix = false;   // word*: any word starting so (single words only)
        friend bool operator==(const Term &, const Term &) = default;
    };

    SearchQuery() = default;
    explicit SearchQuery(const QString &text);

    // Terms that must be in a post, and terms that must not be.
    [[nodiscard]] QList<Term> included() const;
    [[nodiscard]] QList<Term> excluded() const;
    [[nodiscard]] const QList<Term> &terms() const { return m_terms; }
    // True when there is no word to look for (exclusions alone find nothing to show).
    [[nodiscard]] bool isEmpty() const { return included().isEmpty(); }

private:
    QList<Term> m_terms;
};
