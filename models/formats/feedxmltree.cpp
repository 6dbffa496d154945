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

namespace {

// The names, namespace bindings and keys of elements, looked up rather than built again for
// every element: feeds repeat the same few names thousands of times. Names and keys depend on
// their strings only, so one table per thread serves every document it reads.
class NameTable
{
public:
    // Starts a document: no bindings; the caches stay unless they grew past any real use.
    void beginDocument()
    {
        m_bindings.clear();
        if (m_names.size() + m_keys.size() + m_shortPrefixes.size() > 20000) {
            m_names.clear();
            m_keys.clear();
            m_shortPrefixes.clear();
        }
    }

    struct Name
    {
        QString qualified;
        QString prefix;
        QString local;
    };

    const Name &name(QStringView qualifiedName)
    {
        // A raw view of the reader's buffer is enough to look a name up; it is copied once.
        const QString raw = QString::fromRawData(qualifiedName.data(), qualifiedName.size());
        auto it = m_names.find(raw);
        if (it == m_names.end()) {
            Name name;
            name.qualified = qualifiedName.toString();
            const qsizetype colon = name.qualified.indexOf(QLatin1Char(':'));
            name.prefix = colon < 0 ? QString() : name.qualified.left(colon);
            name.local = colon < 0 ? name.qualified : name.qualified.mid(colon + 1);
            it = m_names.insert(name.qualified, name);
        }
        return *it;
    }

    // Namespace declarations in effect, innermost last; each element records how many it added.
    void declare(const QString &prefix, const QString &uri) { m_bindings.append({prefix, uri}); }
    [[nodiscard]] qsizetype bindingCount() const { return m_bindings.size(); }
    void dropBindingsFrom(qsizetype count) { m_bindings.resize(count); }
    [[nodiscard]] const QString *namespaceOf(const QString &prefix) const
    {
        for (qsizetype i = m_bindings.size() - 1; i >= 0; --i) {
            if (m_bindings.at(i).first == prefix)
                return &m_bindings.at(i).second;
        }
        return nullptr;
    }

    const QString &shortPrefix(const QString &uri)
    {
        auto it = m_shortPrefixes.find(uri);
        if (it == m_shortPrefixes.end())
            it = m_shortPrefixes.insert(uri, FeedXmlTree::shortPrefixForNamespace(uri));
        return *it;
    }

    const QString &key(const QString &shortPrefix, const QString &local)
    {
        const std::pair<QString, QString> lookup(shortPrefix, local);
        auto it = m_keys.find(lookup);
        if (it == m_keys.end()) {
            it = m_keys.insert(lookup,
                               shortPrefix.isEmpty() ? plainElementKey(local)
                                                     : shortPrefix + QLatin1Char(':') + local);
        }
        return *it;
    }

private:
    QHash<QString, Name> m_names;
    QList<std::pair<QString, QString>> m_bindings;
    QHash<QString, QString> m_shortPrefixes;
    QHash<std::pair<QString, QString>, QString> m_keys;
};

} // namespace

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
    // How many namespace bindings were in effect before each open element.
    std::vector<qsizetype> scopes;
    thread_local NameTable names;
    names.beginDocument();

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
            const NameTable::Name &name = names.name(reader.qualifiedName());
            node.qualifiedName = name.qualified;
            node.attributes = reader.attributes();
            scopes.push_back(names.bindingCount());
            for (const QXmlStreamNamespaceDeclaration &d : reader.namespaceDeclarations())
                names.declare(d.prefix().toString(), d.namespaceUri().toString());
            for (const QXmlStreamAttribute &a : std::as_const(node.attributes)) {
                const QStringView attributeName = a.qualifiedName();
                if (attributeName == u"xmlns")
                    names.declare(QString(), a.value().toString());
                else if (attributeName.startsWith(u"xmlns:"))
                    names.declare(attributeName.mid(6).toString(), a.value().toString());
            }
            QString shortPrefix;
            if (const QString *uri = names.namespaceOf(name.prefix)) {
                node.namespaceUri = *uri;
                shortPrefix = uri->isEmpty() ? QString() : names.shortPrefix(*uri);
            } else {
                shortPrefix = knownPrefixes().value(name.prefix.toLower(), name.prefix);
            }
            node.key = names.key(shortPrefix, name.local);

            const FeedXmlNode &parent = stack.empty() ? document : stack.back();
            node.base = parent.base;
            node.language = parent.language;
            if (!node.attributes.isEmpty()) {
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
            }
            stack.push_back(std::move(node));
            break;
        }
        case QXmlStreamReader::EndElement: {
            if (stack.empty())
                break;
            FeedXmlNode node = std::move(stack.back());
            stack.pop_back();
            names.dropBindingsFrom(scopes.back());
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
