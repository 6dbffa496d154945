// Reads a feed's XML into a small tree of FeedXmlNode, with namespaces mapped to short prefixes.
#pragma once

#include "feedxmlnode.h"
#include "parsedfeed.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

#include <functional>
#include <vector>

class FeedXmlTree final
{
    Q_DECLARE_TR_FUNCTIONS(FeedXmlTree)

public:
    // Called with each element as it ends, and the elements still open around it (outermost
    // first). Returning true takes the element out of the tree: a feed's items are read one at
    // a time as they end, and the tree never holds them all.
    using ElementSink
        = std::function<bool(FeedXmlNode &element, const std::vector<FeedXmlNode> &open)>;

    // Reads a document in UTF-8, whatever its XML declaration says, with Expat. Junk before the
    // first tag is skipped; HTML named entities are read as their characters; external entities
    // are never loaded. Fatal problems go to errors; the elements read before an error are kept.
    [[nodiscard]] static FeedXmlNode read(QByteArrayView utf8,
                                          const QUrl &baseUrl,
                                          QList<ParsedError> *errors,
                                          const ElementSink &sink = {});

    [[nodiscard]] static QString shortPrefixForNamespace(const QString &uri);
};
