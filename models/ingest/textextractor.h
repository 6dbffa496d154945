// Finds @mentions, #hashtags and links in plain text, and turns HTML into plain text.
#pragma once

#include <QString>
#include <QStringList>

class TextExtractor final
{
public:
    struct Result
    {
        QStringList mentions; // handles without '@', in order, no duplicates
        QStringList hashtags; // tags without '#', in order, no duplicates (case-insensitively)
        QStringList links;
    };

    [[nodiscard]] static Result extract(const QString &text);
    [[nodiscard]] static QString normalizeHandle(const QString &handle);
    [[nodiscard]] static QString normalizeTag(const QString &tag);
};
