// One element or text of a feed's XML, with its namespace mapped to a fixed short prefix.
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

struct FeedXmlAttribute
{
    QString qualifiedName;
    QString value;
};
Q_DECLARE_TYPEINFO(FeedXmlAttribute, Q_RELOCATABLE_TYPE);

struct FeedXmlNode
{
    bool isText = false;
    // The text of a text node; of an element, its text when it has no child elements (an
    // element with text has no children, so the usual leaf element costs no list).
    QString text;
    QString key;           // "title", "atom:link", "dc:creator", "{unknown-uri}name"
    QString qualifiedName; // as written in the document
    QString namespaceUri;
    QList<FeedXmlAttribute> attributes;
    QUrl base; // xml:base in effect, resolved against the enclosing bases and the feed URL
    QString language;
    QList<FeedXmlNode> children;

    [[nodiscard]] QString localName() const;
    // The attribute whose name, without its prefix, is localName; unprefixed ones first.
    [[nodiscard]] QString attribute(QStringView localName) const;
    [[nodiscard]] bool hasAttribute(QStringView localName) const;
    // The attribute written exactly as name (with its prefix), null when there is none.
    [[nodiscard]] const QString *attributeNamed(QStringView name) const;
    [[nodiscard]] const FeedXmlNode *child(QStringView key) const;
    [[nodiscard]] QList<const FeedXmlNode *> childrenNamed(QStringView key) const;
    // All text below this node, trimmed.
    [[nodiscard]] QString textContent() const;
    // The children serialised as XML (for xhtml content).
    [[nodiscard]] QString innerXml() const;
    [[nodiscard]] QString resolveUrl(const QString &url) const;
};
// Moved as bytes when the lists of a large tree grow.
Q_DECLARE_TYPEINFO(FeedXmlNode, Q_RELOCATABLE_TYPE);
