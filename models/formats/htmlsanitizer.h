// Makes HTML from feed items safe to store and show, and extracts its visible text.
#pragma once

#include <QString>
#include <QUrl>

class HtmlSanitizer final
{
public:
    // Well-formed HTML with only allow-listed elements, attributes, URL schemes and CSS;
    // relative links and image sources are resolved against baseUrl when it is valid.
    [[nodiscard]] static QString sanitize(const QString &html, const QUrl &baseUrl = {});
    // The visible text: block elements become line breaks, entities decoded, whitespace collapsed.
    [[nodiscard]] static QString toPlainText(const QString &html);
};
