// Suggests members that are probably the same person: the same e-mail address, the same handle on
// two sources (found by SQL grouping), or very similar names (compared among neighbours in sorted
// order, so the work stays bounded at any size).
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class DuplicateFinder final
{
    Q_DECLARE_TR_FUNCTIONS(DuplicateFinder)

public:
    enum class Reason { SameEmail, SameHandle, SimilarName };

    struct Suggestion
    {
        Reason reason = Reason::SameEmail;
        QString evidence;        // the shared address or handle, or the two names
        double similarity = 1.0; // 1 for exact matches
        QList<qint64> memberIds; // ascending
        QStringList names;       // in memberIds' order
        [[nodiscard]] QString explanation() const;
    };

    explicit DuplicateFinder(QString connectionName);

    // At most limit suggestions: exact ones first, then names by similarity.
    [[nodiscard]] QList<Suggestion> find(int limit = 200) const;

    // Levenshtein distance over the longer length, 0 (nothing alike) to 1 (equal).
    [[nodiscard]] static double nameSimilarity(const QString &a, const QString &b);
    // Case, accents, punctuation and spacing removed: "  José  O'Neil" -> "jose oneil".
    [[nodiscard]] static QString normalizeName(const QString &name);

    static constexpr double similarNames = 0.9;

private:
    void exact(const QString &sql, Reason reason, QList<Suggestion> &out, int limit) const;
    void similar(QList<Suggestion> &out, int limit) const;
    void fillNames(QList<Suggestion> &suggestions) const;

    QString m_connectionName;
};
