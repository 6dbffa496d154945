// Resolves the HTML named entities (&hellip;, &nbsp;, ...) that feeds use without declaring them.
#pragma once

#include <QString>

class HtmlEntityResolver final
{
public:
    // The character of an HTML 4 named entity, or an empty string when the name is unknown.
    [[nodiscard]] static QString character(const QString &name);
    // Replaces named and numeric character references in HTML text.
    [[nodiscard]] static QString decode(const QString &text);
};
