// Reads a feed's XML into a small tree of FeedXmlNode, with namespaces mapped to short prefixes.
#include "feedxmltree.h"

#include "htmlentityresolver.h"

#include <QHash>
#include <QXmlStreamReader>

#include <vector>

namespace {

QString normalisedNamespace(const QString &uri)
{
    QString n = uri.trimmed().toLower();
    while (n.endsWith(QLatin1Char('/')) || n.endsWith(QLatin1Char('#')))
        n.chop(1);
    return n;
}

const QHash<QString, QString> &knownPrefixes()
{
    // Prefixes conventionally used without a declaration, mapped to themselves.
    static const QHash<QString, QString> prefixes = {
        {QStringLiteral("atom"), QStringLiteral("atom")},
        {QStringLiteral("dc"), QStringLiteral("dc")},
        {QStringLiteral("dcterms"), QStringLiteral("dcterms")},
        {QStringLiteral("content"), QStringLiteral("content")},
        {QStringLiteral("wfw"), QStringLiteral("wfw")},
        {QStringLiteral("slash"), QStringLiteral("slash")},
        {QStringLiteral("thr"), QStringLiteral("thr")},
        {QStringLiteral("itunes"), QStringLiteral("itunes")},
        {QStringLiteral("podcast"), QStringLiteral("podcast")},
        {QStringLiteral("media"), QStringLiteral("media")},
        {QStringLiteral("rdf"), QStringLiteral("rdf")},
        {QStringLiteral("xml"), QStringLiteral("xml")},
    };
    return prefixes;
}

// RSS element names are matched without regard to case ("TITLE", "pubdate"), as feeds in the
// wild write them; the keys keep the spelling of the specifications.
QString plainElementKey(const QString &local)
{
    static const QHash<QString, QString> camelCase = {
        {QStringLiteral("pubdate"), QStringLiteral("pubDate")},
        {QStringLiteral("lastbuilddate"), QStringLiteral("lastBuildDate")},
        {QStringLiteral("managingeditor"), QStringLiteral("managingEditor")},
        {QStringLiteral("webmaster"), QStringLiteral("webMaster")},
        {QStringLiteral("textinput"), QStringLiteral("textInput")},
        {QStringLiteral("skiphours"), QStringLiteral("skipHours")},
        {QStringLiteral("skipdays"), QStringLiteral("skipDays")},
    };
    const QString lower = local.toLower();
    return camelCase.value(lower, lower);
}

} // namespace

QString FeedXmlTree::shortPrefixForNamespace(const QString &uri)
{
    static const QHash<QString, QString> prefixes = {
        {QStringLiteral("http://www.w3.org/2005/atom"), QStringLiteral("atom")},
        {QStringLiteral("http://purl.org/atom/ns"), QStringLiteral("atom")},
        {QStringLiteral("http://purl.org/rss/1.0"), QString()},
        {QStringLiteral("http://my.netscape.com/rdf/simple/0.9"), QString()},
        {QStringLiteral("http://backend.userland.com/rss2"), QString()},
        {QStringLiteral("http://blogs.law.harvard.edu/tech/rss"), QString()},
        {QStringLiteral("http://backend.userland.com/rss"), QString()},
        {QStringLiteral("http://www.w3.org/1999/02/22-rdf-syntax-ns"), QStringLiteral("rdf")},
        {QStringLiteral("http://purl.org/dc/elements/1.1"), QStringLiteral("dc")},
        {QStringLiteral("http://purl.org/dc/elements/1.0"), QStringLiteral("dc")},
        {QStringLiteral("http://purl.org/dc/terms"), QStringLiteral("dcterms")},
        {QStringLiteral("http://purl.org/rss/1.0/modules/content"), QStringLiteral("content")},
        {QStringLiteral("http://wellformedweb.org/commentapi"), QStringLiteral("wfw")},
        {QStringLiteral("http://purl.org/rss/1.0/modules/slash"), QStringLiteral("slash")},
        {QStringLiteral("http://purl.org/rss/1.0/modules/syndication"), QStringLiteral("sy")},
        {QStringLiteral("http://purl.org/syndication/thread/1.0"), QStringLiteral("thr")},
        {QStringLiteral("http://www.itunes.com/dtds/podcast-1.0.dtd"), QStringLiteral("itunes")},
        {QStringLiteral("https://www.itunes.com/dtds/podcast-1.0.dtd"), QStringLiteral("itunes")},
        {QStringLiteral("http://example.com/dtds/podcast-1.0.dtd"), QStringLiteral("itunes")},
        {QStringLiteral("https://podcastindex.org/namespace/1.0"), QStringLiteral("podcast")},
        {QStringLiteral("http://podcastindex.org/namespace/1.0"), QStringLiteral("podcast")},
        {QStringLiteral(
             "https://github.com/podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"),
         QStringLiteral("podcast")},
        {QStringLiteral("http://search.yahoo.com/mrss"), QStringLiteral("media")},
        {QStringLiteral("http://www.w3.org/1999/xhtml"), QStringLiteral("xhtml")},
        {QStringLiteral("http://www.w3.org/xml/1998/namespace"), QStringLiteral("xml")},
    };
    const QString normalised = normalisedNamespace(uri);
    const auto it = prefixes.constFind(normalised);
    if (it != prefixes.constEnd())
        return *it;
    return QLatin1Char('{') + uri + QLatin1Char('}');
}

FeedXmlNode FeedXmlTree::read(const QString &text, const QUrl &baseUrl, QList<ParsedError> *errors)
{
    HtmlEntityResolver resolver;
    QXmlStreamReader reader(text);
    // Prefixes are resolved here so that an undeclared one does not stop the whole feed.
    reader.setNamespaceProcessing(false);
    reader.setEntityResolver(&resolver);
    reader.setEntityExpansionLimit(4096);

    FeedXmlNode document;
    document.base = baseUrl;
    std::vector<FeedXmlNode> stack;
    std::vector<QHash<QString, QString>> scopes;
    scopes.emplace_back();

    const auto appendToTop = [&stack, &document](FeedXmlNode &&node) {
        if (stack.empty())
            document.children.append(std::move(node));
        else
            stack.back().children.append(std::move(node));
    };
    const auto appendTextToTop = [&stack](const QString &value) {
        if (stack.empty())
            return;
        QList<FeedXmlNode> &children = stack.back().children;
        if (!children.isEmpty() && children.last().isText) {
            children.last().text += value;
            return;
        }
        FeedXmlNode t;
        t.isText = true;
        t.text = value;
        children.append(std::move(t));
    };

    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        switch (token) {
        case QXmlStreamReader::StartElement: {
            FeedXmlNode node;
            node.qualifiedName = reader.qualifiedName().toString();
            node.attributes = reader.attributes();
            QHash<QString, QString> scope = scopes.back();
            for (const QXmlStreamNamespaceDeclaration &d : reader.namespaceDeclarations())
                scope.insert(d.prefix().toString(), d.namespaceUri().toString());
            for (const QXmlStreamAttribute &a : node.attributes) {
                const QStringView name = a.qualifiedName();
                if (name == u"xmlns")
                    scope.insert(QString(), a.value().toString());
                else if (name.startsWith(u"xmlns:"))
                    scope.insert(name.mid(6).toString(), a.value().toString());
            }
            const qsizetype colon = node.qualifiedName.indexOf(QLatin1Char(':'));
            const QString prefix = colon < 0 ? QString() : node.qualifiedName.left(colon);
            const QString local = colon < 0 ? node.qualifiedName
                                            : node.qualifiedName.mid(colon + 1);
            QString shortPrefix;
            if (scope.contains(prefix)) {
                node.namespaceUri = scope.value(prefix);
                shortPrefix = node.namespaceUri.isEmpty()
                                  ? QString()
                                  : shortPrefixForNamespace(node.namespaceUri);
            } else {
                shortPrefix = knownPrefixes().value(prefix.toLower(), prefix);
            }
            node.key = shortPrefix.isEmpty() ? plainElementKey(local)
                                             : shortPrefix + QLatin1Char(':') + local;

            const FeedXmlNode &parent = stack.empty() ? document : stack.back();
            node.base = parent.base;
            node.language = parent.language;
            const QString xmlBase = node.attribute(u"base");
            if (!xmlBase.isEmpty() && node.attributes.hasAttribute(QStringLiteral("xml:base"))) {
                const QUrl relative(xmlBase.trimmed());
                node.base = node.base.isValid() && !node.base.isEmpty()
                                ? node.base.resolved(relative)
                                : relative;
            }
            const QStringView lang = node.attributes.value(QStringLiteral("xml:lang"));
            if (!lang.isNull())
                node.language = lang.trimmed().toString();
            stack.push_back(std::move(node));
            scopes.push_back(std::move(scope));
            break;
        }
        case QXmlStreamReader::EndElement: {
            if (stack.empty())
                break;
            FeedXmlNode node = std::move(stack.back());
            stack.pop_back();
            scopes.pop_back();
            appendToTop(std::move(node));
            break;
        }
        case QXmlStreamReader::Characters:
            appendTextToTop(reader.text().toString());
            break;
        case QXmlStreamReader::EntityReference: {
            const QString c = HtmlEntityResolver::character(reader.name().toString());
            appendTextToTop(
                c.isEmpty() ? QLatin1Char('&') + reader.name().toString() + QLatin1Char(';') : c);
            break;
        }
        default:
            break;
        }
    }
    if (reader.hasError()) {
        errors->append(
            ParsedError{reader.lineNumber(), reader.columnNumber(), reader.errorString()});
        while (!stack.empty()) {
            FeedXmlNode node = std::move(stack.back());
            stack.pop_back();
            appendToTop(std::move(node));
        }
    }
    return document;
}
