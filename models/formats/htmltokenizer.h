// Splits tag soup from feeds into start tags, end tags, text and comments, never failing.
#pragma once

#include <QList>
#include <QPair>
#include <QString>

struct HtmlToken
{
    enum class Kind { Text, StartTag, EndTag, Comment };

    Kind kind = Kind::Text;
    QString name;                              // lowercase tag name for tags
    QList<QPair<QString, QString>> attributes; // lowercase names, decoded values
    QString text;                              // decoded text, or the comment body
    bool selfClosing = false;
};

class HtmlTokenizer final
{
public:
    // Tolerant of broken markup: unclosed tags and comments, stray '<', CDATA, unknown entities.
    [[nodiscard]] static QList<HtmlToken> tokenize(const QString &html);
    [[nodiscard]] static QString decodeEntities(const QString &text);
    [[nodiscard]] static QString escapeText(const QString &text);
    [[nodiscard]] static QString escapeAttribute(const QString &value);
    [[nodiscard]] static bool isVoidElement(const QString &name);
};
