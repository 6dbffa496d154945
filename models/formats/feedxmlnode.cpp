// One element or text of a feed's XML, with its namespace mapped to a fixed short prefix.
#include "feedxmlnode.h"

namespace {

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// Appends text with &, <, > and, in attributes, " escaped, in one pass.
void appendEscaped(QStringView text, QString *out, bool attribute = false)
{
    qsizetype plain = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        QLatin1String entity;
        if (c == u'&')
            entity = QLatin1String("&amp;");
        else if (c == u'<')
            entity = QLatin1String("&lt;");
        else if (c == u'>')
            entity = QLatin1String("&gt;");
        else if (c == u'"' && attribute)
            entity = QLatin1String("&quot;");
        else
            continue;
        out->append(text.sliced(plain, i - plain));
        out->append(entity);
        plain = i + 1;
    }
    out->append(text.sliced(plain));
}

void appendText(const FeedXmlNode &node, QString *out)
{
    out->append(node.text);
    for (const FeedXmlNode &c : node.children) {
        if (c.isText)
            out->append(c.text);
        else
            appendText(c, out);
    }
}

void appendXml(const FeedXmlNode &node, QString *out)
{
    if (!node.text.isEmpty())
        appendEscaped(node.text, out);
    for (const FeedXmlNode &c : node.children) {
        if (c.isText) {
            appendEscaped(c.text, out);
            continue;
        }
        // XHTML is written without prefixes, as HTML.
        const QString name = c.key.startsWith(QLatin1String("xhtml:")) ? c.localName()
                                                                       : c.qualifiedName;
        out->append(QLatin1Char('<') + name);
        for (const FeedXmlAttribute &a : c.attributes) {
            if (a.qualifiedName.startsWith(QLatin1String("xmlns")))
                continue;
            out->append(QLatin1Char(' ') + a.qualifiedName + QLatin1String("=\""));
            appendEscaped(a.value, out, true);
            out->append(QLatin1Char('"'));
        }
        if (c.children.isEmpty() && c.text.isEmpty()) {
            out->append(QLatin1String(" />"));
            continue;
        }
        out->append(QLatin1Char('>'));
        appendXml(c, out);
        out->append(QLatin1String("</") + name + QLatin1Char('>'));
    }
}

// Whether url starts with a scheme and its colon, as QUrl reads one.
bool hasScheme(const QString &url)
{
    if (url.isEmpty() || !isAsciiLetter(url.front()))
        return false;
    for (qsizetype i = 1; i < url.size(); ++i) {
        const QChar c = url.at(i);
        if (c == u':')
            return true;
        if (!isAsciiLetter(c) && !(c >= u'0' && c <= u'9') && c != u'+' && c != u'-' && c != u'.')
            return false;
    }
    return false;
}

} // namespace

QString FeedXmlNode::localName() const
{
    const qsizetype colon = qualifiedName.lastIndexOf(QLatin1Char(':'));
    return colon < 0 ? qualifiedName : qualifiedName.mid(colon + 1);
}

QString FeedXmlNode::attribute(QStringView name) const
{
    if (const QString *value = attributeNamed(name))
        return *value;
    for (const FeedXmlAttribute &a : attributes) {
        const QStringView qualified = a.qualifiedName;
        const qsizetype colon = qualified.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0 && qualified.mid(colon + 1) == name && !qualified.startsWith(u"xmlns:"))
            return a.value;
    }
    return {};
}

const QString *FeedXmlNode::attributeNamed(QStringView name) const
{
    for (const FeedXmlAttribute &a : attributes) {
        if (a.qualifiedName == name)
            return &a.value;
    }
    return nullptr;
}

bool FeedXmlNode::hasAttribute(QStringView name) const
{
    for (const FeedXmlAttribute &a : attributes) {
        const QStringView qualified = a.qualifiedName;
        const qsizetype colon = qualified.lastIndexOf(QLatin1Char(':'));
        if (qualified.mid(colon + 1) == name)
            return true;
    }
    return false;
}

const FeedXmlNode *FeedXmlNode::child(QStringView wanted) const
{
    for (const FeedXmlNode &c : children) {
        if (!c.isText && c.key == wanted)
            return &c;
    }
    return nullptr;
}

QList<const FeedXmlNode *> FeedXmlNode::childrenNamed(QStringView wanted) const
{
    QList<const FeedXmlNode *> result;
    for (const FeedXmlNode &c : children) {
        if (!c.isText && c.key == wanted)
            result.append(&c);
    }
    return result;
}

QString FeedXmlNode::textContent() const
{
    // Nearly always one piece of text, shared rather than copied.
    if (children.isEmpty())
        return text.trimmed();
    if (text.isEmpty() && children.size() == 1 && children.front().isText)
        return children.front().text.trimmed();
    QString result;
    appendText(*this, &result);
    return result.trimmed();
}

QString FeedXmlNode::innerXml() const
{
    QString result;
    appendXml(*this, &result);
    return result.trimmed();
}

QString FeedXmlNode::resolveUrl(const QString &url) const
{
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return {};
    // A URL with a scheme is kept as written: QUrl would lower-case hosts and re-encode paths.
    if (hasScheme(trimmed))
        return trimmed;
    const QUrl relative(trimmed);
    if (!relative.isValid())
        return trimmed;
    // Absolute URLs are kept as written: QUrl would lower-case hosts and re-encode paths.
    if (!relative.isRelative())
        return trimmed;
    if (!base.isValid() || base.isEmpty())
        return trimmed;
    return base.resolved(relative).toString();
}
