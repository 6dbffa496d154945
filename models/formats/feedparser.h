// Reads RSS 0.90-2.0, RSS 1.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1 documents into ParsedFeed.
#pragma once

#include "parsedfeed.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QUrl>

class FeedParser final
{
    Q_DECLARE_TR_FUNCTIONS(FeedParser)

public:
    static constexpr qint64 MaximumSize = 50 * 1024 * 1024;

    // baseUrl resolves relative links; httpCharset is the charset of the HTTP Content-Type, used
    // when the document names none itself. Never resolves external entities.
    [[nodiscard]] static ParsedFeed parse(const QByteArray &data,
                                          const QUrl &baseUrl,
                                          const QString &httpCharset = {});

    // The text of a document in whatever encoding its BOM, XML declaration or the HTTP charset
    // name, as UTF-16.
    [[nodiscard]] static QString decode(const QByteArray &data, const QString &httpCharset);
    // Plain text from a title that may hold markup and character references.
    [[nodiscard]] static QString plainText(const QString &html);
    // "1:02:03", "62:03", "3723" -> seconds, -1 when unreadable.
    [[nodiscard]] static int parseDuration(const QString &text);
};
