// Duplicate suggestions: GROUP BY for shared addresses and handles, a sorted-neighbourhood pass
// with a bounded edit distance for names.
#include "duplicatefinder.h"

#include "sqlquery.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace {

// How many following names in sorted order each name is compared with.
constexpr int neighbourhood = 6;

QString pairKey(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

QString digits(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isDigit())
            out += c;
    }
    return out;
}

} // namespace

QString DuplicateFinder::Suggestion::explanation() const
{
    switch (reason) {
    case Reason::SameEmail:
        return tr("same e-mail address %1").arg(evidence);
    case Reason::SameHandle:
        return tr("same handle @%1 on different sources").arg(evidence);
    case Reason::SimilarName:
        return tr("similar names (%1% alike)").arg(qRound(similarity * 100));
    }
    return {};
}

DuplicateFinder::DuplicateFinder(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

QString DuplicateFinder::normalizeName(const QString &name)
{
    const QString decomposed = name.normalized(QString::NormalizationForm_KD).toCaseFolded();
    QString out;
    out.reserve(decomposed.size());
    bool space = false;
    for (const QChar c : decomposed) {
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out += QLatin1Char(' ');
            space = false;
            out += c;
        } else if (c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('_')
                   || c == QLatin1Char('.')) {
            space = true;
        }
        // Accents (combining marks) and other punctuation are dropped.
    }
    return out;
}

double DuplicateFinder::nameSimilarity(const QString &a, const QString &b)
{
    const qsizetype longest = std::max(a.size(), b.size());
    if (longest == 0)
        return 1.0;
    // Two rows of the Levenshtein matrix.
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return 1.0 - double(previous[b.size()]) / double(longest);
}

QList<DuplicateFinder::Suggestion> DuplicateFinder::find(int limit) const
{
    QList<Suggestion> out;
    // Addresses in members.email and in e-mail identities count alike.
    const QString emails = QStringLiteral(
        "SELECT LOWER(email) AS k, id AS member_id FROM members WHERE email IS NOT NULL AND "
        "email <> '' UNION SELECT normalized, member_id FROM identities WHERE kind = 'email'");
    exact(QStringLiteral("SELECT e.k, e.member_id FROM (") + emails
              + QStringLiteral(") e WHERE e.k IN (SELECT g.k FROM (") + emails
              + QStringLiteral(") g GROUP BY g.k HAVING COUNT(DISTINCT g.member_id) > 1) "
                               "ORDER BY e.k, e.member_id"),
          Reason::SameEmail,
          out,
          limit);
    exact(QStringLiteral(
              "SELECT DISTINCT i.normalized, i.member_id FROM identities i WHERE i.kind = 'handle' "
              "AND i.normalized IN (SELECT normalized FROM identities WHERE kind = 'handle' "
              "GROUP BY normalized HAVING COUNT(DISTINCT member_id) > 1) "
              "ORDER BY i.normalized, i.member_id"),
          Reason::SameHandle,
          out,
          limit);
    similar(out, limit);
    fillNames(out);
    return out;
}

void DuplicateFinder::exact(const QString &sql,
                            Reason reason,
                            QList<Suggestion> &out,
                            int limit) const
{
    SqlQuery query(m_connectionName, sql);
    query.exec();
    QSet<QString> seen;
    for (const Suggestion &suggestion : std::as_const(out))
        seen.insert(pairKey(suggestion.memberIds));
    Suggestion current;
    auto flush = [&] {
        if (current.memberIds.size() > 1 && !seen.contains(pairKey(current.memberIds))
            && out.size() < limit) {
            seen.insert(pairKey(current.memberIds));
            out << current;
        }
    };
    while (query.next()) {
        const QString key = query.toString(0);
        if (key != current.evidence || current.memberIds.isEmpty()) {
            flush();
            current = Suggestion{reason, key, 1.0, {}, {}};
        }
        const qint64 id = query.toInt64(1);
        if (!current.memberIds.contains(id))
            current.memberIds << id;
    }
    flush();
}

void DuplicateFinder::similar(QList<Suggestion> &out, int limit) const
{
    if (out.size() >= limit)
        return;
    struct Name
    {
        qint64 id;
        QString key;
    };
    QList<Name> byName;
    QList<Name> byTokens; // words sorted, so "Lovelace Ada" meets "Ada Lovelace"
    SqlQuery query(m_connectionName, QStringLiteral("SELECT id, display_name FROM members"));
    query.exec();
    while (query.next()) {
        const QString name = normalizeName(query.toString(1));
        if (name.size() < 4)
            continue; // too short to tell people apart by
        byName << Name{query.toInt64(0), name};
        QStringList words = name.split(QLatin1Char(' '));
        words.sort();
        byTokens << Name{query.toInt64(0), words.join(QLatin1Char(' '))};
    }
    // Pairs inside a group found already need no second suggestion.
    QSet<QString> seen;
    for (const Suggestion &suggestion : std::as_const(out)) {
        for (qsizetype i = 0; i < suggestion.memberIds.size(); ++i) {
            for (qsizetype j = i + 1; j < suggestion.memberIds.size(); ++j) {
                const qint64 a = suggestion.memberIds.at(i);
                const qint64 b = suggestion.memberIds.at(j);
                seen.insert(pairKey({std::min(a, b), std::max(a, b)}));
            }
        }
    }
    QList<Suggestion> found;
    for (QList<Name> *list : {&byName, &byTokens}) {
        std::sort(list->begin(), list->end(), [](const Name &a, const Name &b) {
            return a.key < b.key || (a.key == b.key && a.id < b.id);
        });
        for (qsizetype i = 0; i < list->size(); ++i) {
            const Name &a = list->at(i);
            for (qsizetype j = i + 1; j < std::min(list->size(), i + 1 + neighbourhood); ++j) {
                const Name &b = list->at(j);
                // The distance cannot beat the difference in length: skip hopeless pairs.
                const qsizetype longest = std::max(a.key.size(), b.key.size());
                if (double(std::abs(a.key.size() - b.key.size())) / double(longest)
                    > 1.0 - similarNames)
                    continue;
                // "Sam 2" and "Sam 3" are two people: numbers must agree.
                if (digits(a.key) != digits(b.key))
                    continue;
                const double similarity = nameSimilarity(a.key, b.key);
                if (similarity < similarNames)
                    continue;
                const QList<qint64> ids{std::min(a.id, b.id), std::max(a.id, b.id)};
                const QString key = pairKey(ids);
                if (seen.contains(key))
                    continue;
                seen.insert(key);
                found << Suggestion{Reason::SimilarName, {}, similarity, ids, {}};
            }
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const Suggestion &a, const Suggestion &b) {
        return a.similarity > b.similarity;
    });
    for (const Suggestion &suggestion : std::as_const(found)) {
        if (out.size() >= limit)
            break;
        out << suggestion;
    }
}

void DuplicateFinder::fillNames(QList<Suggestion> &suggestions) const
{
    QSet<qint64> all;
    for (const Suggestion &suggestion : std::as_const(suggestions))
        all.unite(QSet<qint64>(suggestion.memberIds.cbegin(), suggestion.memberIds.cend()));
    QHash<qint64, QString> names;
    const QList<qint64> ids(all.cbegin(), all.cend());
    constexpr qsizetype chunk = 500;
    for (qsizetype start = 0; start < ids.size(); start += chunk) {
        const QList<qint64> part = ids.mid(start, chunk);
        SqlQuery query(m_connectionName,
                       QStringLiteral("SELECT id, display_name FROM members WHERE id IN (")
                           + QStringList(part.size(), QStringLiteral("?")).join(QLatin1Char(','))
                           + QLatin1Char(')'));
        for (qint64 id : part)
            query.bind(id);
        query.exec();
        while (query.next())
            names.insert(query.toInt64(0), query.toString(1));
    }
    for (Suggestion &suggestion : suggestions) {
        suggestion.names.clear();
        for (qint64 id : std::as_const(suggestion.memberIds))
            suggestion.names << names.value(id);
        if (suggestion.reason == Reason::SimilarName)
            suggestion.evidence = suggestion.names.join(QLatin1String(" / "));
    }
}
