// Reads a feed's XML into a small tree of FeedXmlNode, with namespaces mapped to short prefixes.
#pragma once

#include "feedxmlnode.h"
#include "parsedfeed.h"

#include <QList>
#include <QString>
#include <QUrl>

class FeedXmlTree final
{
public:
    // Reads text already decoded to UTF-16. Fatal problems go to errors; the elements read before
    // an error are kept.
    [[nodiscard]] static FeedXmlNode read(const QString &text,
                                          const QUrl &baseUrl,
                                          QList<ParsedError> *errors);

    [[nodiscard]] static QString shortPrefixForNamespace(const QString &uri);
};
