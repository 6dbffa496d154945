// Reads a feed's XML into a small tree of FeedXmlNode, with namespaces mapped to short prefixes.
#include "feedxmltree.h"

#include "htmlentityresolver.h"

#include <QHash>
#include <QRandomGenerator>
#include <QSet>

// Debian's Expat is built with DTD support; declaring it makes the entity-amplification limits
// visible.
#ifndef XML_DTD
#define XML_DTD
#endif
#include <expat.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
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
        m_current = -1;
        if (m_names.size() + m_keys.size() + m_shortPrefixes.size() + m_attributeNames.size()
            > 20000) {
            m_names.clear();
            m_keys.clear();
            m_shortPrefixes.clear();
            m_attributeNames.clear();
            m_contexts.clear();
        }
    }

    struct Name
    {
        QString qualified;
        QString prefix;
        QString local;
    };

    const Name &name(const char *utf8Name)
    {
        // A raw view of Expat's buffer is enough to look a name up; it is copied once.
        const QByteArray raw = QByteArray::fromRawData(utf8Name, qstrlen(utf8Name));
        auto it = m_names.find(raw);
        if (it == m_names.end()) {
            Name name;
            name.qualified = QString::fromUtf8(raw);
            const qsizetype colon = name.qualified.indexOf(QLatin1Char(':'));
            name.prefix = colon < 0 ? QString() : name.qualified.left(colon);
            name.local = colon < 0 ? name.qualified : name.qualified.mid(colon + 1);
            it = m_names.insert(QByteArray(utf8Name), name);
        }
        return *it;
    }

    const QString &attributeName(const char *utf8Name)
    {
        const std::string_view raw(utf8Name);
        auto it = m_attributeNames.find(raw);
        if (it == m_attributeNames.end()) {
            const QString name = QString::fromUtf8(raw.data(), static_cast<qsizetype>(raw.size()));
            it = m_attributeNames.emplace(std::string(raw), name).first;
        }
        return it->second;
    }

    // Namespace declarations in effect, innermost last; each element records how many it added.
    void declare(const QString &prefix, const QString &uri)
    {
        m_bindings.append({prefix, uri});
        m_current = -1;
    }
    [[nodiscard]] qsizetype bindingCount() const { return m_bindings.size(); }
    void dropBindingsFrom(qsizetype count)
    {
        if (count == m_bindings.size())
            return;
        m_bindings.resize(count);
        m_current = -1;
    }

    // An element name as the bindings in effect resolve it.
    struct Element
    {
        QString qualified;
        QString key;
        QString namespaceUri;
    };

    // Looked up once per name and set of bindings: below the root of nearly every feed the
    // bindings stay the same, and feeds of one kind declare the same ones.
    const Element &element(const char *utf8Name)
    {
        if (m_current < 0)
            selectContext();
        NameMap<Element> &elements = m_contexts[static_cast<std::size_t>(m_current)].elements;
        const std::string_view raw(utf8Name);
        auto it = elements.find(raw);
        if (it == elements.end())
            it = elements.emplace(std::string(raw), resolve(name(utf8Name))).first;
        return it->second;
    }
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
    void selectContext()
    {
        for (std::size_t i = 0; i < m_contexts.size(); ++i) {
            if (m_contexts[i].bindings == m_bindings) {
                m_current = static_cast<qsizetype>(i);
                return;
            }
        }
        if (m_contexts.size() >= 16)
            m_contexts.erase(m_contexts.begin());
        m_contexts.push_back({m_bindings, {}});
        m_current = static_cast<qsizetype>(m_contexts.size()) - 1;
    }

    Element resolve(const Name &name)
    {
        Element element;
        element.qualified = name.qualified;
        QString shortPrefix;
        if (const QString *uri = namespaceOf(name.prefix)) {
            element.namespaceUri = *uri;
            shortPrefix = uri->isEmpty() ? QString() : this->shortPrefix(*uri);
        } else {
            shortPrefix = knownPrefixes().value(name.prefix.toLower(), name.prefix);
        }
        element.key = key(shortPrefix, name.local);
        return element;
    }

    // Names are short: FNV-1a hashes them faster than the general-purpose hashes.
    struct NameHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view name) const noexcept
        {
            std::size_t h = 14695981039346656037ULL;
            for (const char c : name)
                h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
            return h;
        }
    };
    template<typename T>
    using NameMap = std::unordered_map<std::string, T, NameHash, std::equal_to<>>;

    // The elements resolved under each set of bindings met lately.
    struct Context
    {
        QList<std::pair<QString, QString>> bindings;
        NameMap<Element> elements;
    };
    std::vector<Context> m_contexts;
    qsizetype m_current = -1;
    QHash<QByteArray, Name> m_names;
    NameMap<QString> m_attributeNames;
    QList<std::pair<QString, QString>> m_bindings;
    QHash<QString, QString> m_shortPrefixes;
    QHash<std::pair<QString, QString>, QString> m_keys;
};

// Builds the tree from Expat's callbacks. Text arrives in pieces (Expat splits it at line ends
// and references) and is gathered as UTF-8 until the next tag.
class TreeBuilder
{
public:
    TreeBuilder(const QUrl &baseUrl, NameTable *names, const FeedXmlTree::ElementSink &sink)
        : m_names(names)
        , m_sink(sink)
    {
        m_document.base = baseUrl;
        m_names->beginDocument();
    }

    static void XMLCALL startElement(void *data, const XML_Char *name, const XML_Char **atts)
    {
        static_cast<TreeBuilder *>(data)->start(name, atts);
    }
    static void XMLCALL endElement(void *data, const XML_Char *)
    {
        static_cast<TreeBuilder *>(data)->end();
    }
    static void XMLCALL characters(void *data, const XML_Char *text, int length)
    {
        static_cast<TreeBuilder *>(data)->m_text.append(text, length);
    }
    // An entity the document does not declare: HTML's named ones are meant.
    static void XMLCALL skippedEntity(void *data, const XML_Char *name, int isParameterEntity)
    {
        if (isParameterEntity)
            return;
        auto *builder = static_cast<TreeBuilder *>(data);
        const QString entityName = QString::fromUtf8(name);
        const QString c = HtmlEntityResolver::character(entityName);
        if (c.isEmpty())
            builder->m_text.append(1, '&').append(name).append(1, ';');
        else
            builder->m_text.append(c.toUtf8().toStdString());
    }

    // Closes what an error left open, so that the elements read so far are kept.
    FeedXmlNode finish()
    {
        flushText();
        while (!m_stack.empty())
            end();
        return std::move(m_document);
    }

private:
    FeedXmlNode &top() { return m_stack.empty() ? m_document : m_stack.back(); }

    // Elements that hold only other elements: the white space that indents their children is
    // not kept (half of all the text of a typical feed).
    static bool isContainer(const QString &key)
    {
        static const QSet<QString> containers = {QStringLiteral("rss"),
                                                 QStringLiteral("channel"),
                                                 QStringLiteral("item"),
                                                 QStringLiteral("image"),
                                                 QStringLiteral("textInput"),
                                                 QStringLiteral("rdf:RDF"),
                                                 QStringLiteral("atom:feed"),
                                                 QStringLiteral("atom:entry"),
                                                 QStringLiteral("atom:author"),
                                                 QStringLiteral("atom:contributor"),
                                                 QStringLiteral("atom:source"),
                                                 QStringLiteral("media:group")};
        return containers.contains(key);
    }

    static bool isWhiteSpace(const std::string &text)
    {
        return std::all_of(text.cbegin(), text.cend(), [](char c) {
            return c == ' ' || c == '\n' || c == '\t' || c == '\r';
        });
    }

    void flushText()
    {
        if (m_text.empty())
            return;
        if (!m_stack.empty() && isWhiteSpace(m_text) && isContainer(m_stack.back().key)) {
            m_text.clear();
            return;
        }
        if (!m_stack.empty() && m_stack.back().children.isEmpty()) {
            m_stack.back().text += QString::fromUtf8(m_text.data(),
                                                     static_cast<qsizetype>(m_text.size()));
        } else if (!m_stack.empty()) {
            QList<FeedXmlNode> &children = m_stack.back().children;
            if (!children.isEmpty() && children.last().isText) {
                children.last().text += QString::fromUtf8(m_text.data(),
                                                          static_cast<qsizetype>(m_text.size()));
            } else {
                FeedXmlNode t;
                t.isText = true;
                t.text = QString::fromUtf8(m_text.data(), static_cast<qsizetype>(m_text.size()));
                children.append(std::move(t));
            }
        }
        // Emptied, not released: the next text reuses the buffer.
        m_text.clear();
    }

    void start(const XML_Char *qualifiedName, const XML_Char **atts)
    {
        flushText();
        FeedXmlNode node;
        m_scopes.push_back(m_names->bindingCount());
        for (const XML_Char **a = atts; *a; a += 2) {
            FeedXmlAttribute attribute{m_names->attributeName(a[0]), QString::fromUtf8(a[1])};
            const QString &attributeName = attribute.qualifiedName;
            if (attributeName == QLatin1String("xmlns"))
                m_names->declare(QString(), attribute.value);
            else if (attributeName.startsWith(QLatin1String("xmlns:")))
                m_names->declare(attributeName.mid(6), attribute.value);
            node.attributes.append(std::move(attribute));
        }
        // After the attributes: the element's own declarations apply to its name.
        const NameTable::Element &element = m_names->element(qualifiedName);
        node.qualifiedName = element.qualified;
        node.key = element.key;
        node.namespaceUri = element.namespaceUri;

        FeedXmlNode &parent = top();
        // Mixed content: the text read so far becomes the parent's first child.
        if (!parent.text.isEmpty() && !m_stack.empty()) {
            FeedXmlNode t;
            t.isText = true;
            t.text = std::move(parent.text);
            parent.text = QString();
            parent.children.append(std::move(t));
        }
        node.base = parent.base;
        node.language = parent.language;
        if (!node.attributes.isEmpty()) {
            if (const QString *xmlBase = node.attributeNamed(u"xml:base");
                xmlBase && !xmlBase->isEmpty()) {
                const QUrl relative(xmlBase->trimmed());
                node.base = node.base.isValid() && !node.base.isEmpty()
                                ? node.base.resolved(relative)
                                : relative;
            }
            if (const QString *lang = node.attributeNamed(u"xml:lang"))
                node.language = lang->trimmed();
        }
        m_stack.push_back(std::move(node));
    }

    void end()
    {
        flushText();
        if (m_stack.empty())
            return;
        FeedXmlNode node = std::move(m_stack.back());
        m_stack.pop_back();
        m_names->dropBindingsFrom(m_scopes.back());
        m_scopes.pop_back();
        if (m_sink && m_sink(node, m_stack))
            return;
        top().children.append(std::move(node));
    }

    NameTable *m_names;
    const FeedXmlTree::ElementSink &m_sink;
    FeedXmlNode m_document;
    std::vector<FeedXmlNode> m_stack;
    // How many namespace bindings were in effect before each open element.
    std::vector<qsizetype> m_scopes;
    std::string m_text;
};

QString errorMessage(XML_Error code)
{
    switch (code) {
    case XML_ERROR_NO_MEMORY:
        return FeedXmlTree::tr("Out of memory.");
    case XML_ERROR_SYNTAX:
        return FeedXmlTree::tr("Syntax error.");
    case XML_ERROR_NO_ELEMENTS:
        return FeedXmlTree::tr("The document has no elements.");
    case XML_ERROR_INVALID_TOKEN:
        return FeedXmlTree::tr("The document is not well-formed XML.");
    case XML_ERROR_UNCLOSED_TOKEN:
    case XML_ERROR_UNCLOSED_CDATA_SECTION:
        return FeedXmlTree::tr("The document ends in the middle of a tag or section.");
    case XML_ERROR_PARTIAL_CHAR:
    case XML_ERROR_BAD_CHAR_REF:
        return FeedXmlTree::tr("The document holds a character XML does not allow.");
    case XML_ERROR_TAG_MISMATCH:
        return FeedXmlTree::tr("An end tag does not match the open element.");
    case XML_ERROR_DUPLICATE_ATTRIBUTE:
        return FeedXmlTree::tr("An element has the same attribute twice.");
    case XML_ERROR_JUNK_AFTER_DOC_ELEMENT:
        return FeedXmlTree::tr("There is more content after the end of the document.");
    case XML_ERROR_UNDEFINED_ENTITY:
    case XML_ERROR_RECURSIVE_ENTITY_REF:
        return FeedXmlTree::tr("The document refers to an entity it does not define.");
    case XML_ERROR_AMPLIFICATION_LIMIT_BREACH:
        return FeedXmlTree::tr("The document's entities expand to too much text.");
    default:
        return FeedXmlTree::tr("XML error: %1").arg(QString::fromUtf8(XML_ErrorString(code)));
    }
}

} // namespace

FeedXmlNode FeedXmlTree::read(QByteArrayView utf8,
                              const QUrl &baseUrl,
                              QList<ParsedError> *errors,
                              const ElementSink &sink)
{
    thread_local NameTable names;
    TreeBuilder builder(baseUrl, &names, sink);

    // One parser per thread, reset for each document: creating one costs more than reading a
    // small feed. Prefixes are resolved by the builder, so that an undeclared one does not stop
    // the feed.
    struct ParserHolder
    {
        XML_Parser parser = XML_ParserCreate("UTF-8");
        ~ParserHolder() { XML_ParserFree(parser); }
    };
    thread_local ParserHolder holder;
    XML_Parser parser = holder.parser;
    if (!parser)
        return builder.finish();
    XML_ParserReset(parser, "UTF-8");
    // Expat salts its hash tables (against crafted names that collide) from the system's entropy
    // for each document unless given a salt: one random salt per thread saves a system call per
    // document.
    thread_local const unsigned long salt = static_cast<unsigned long>(
        QRandomGenerator::system()->generate64() | 1);
    XML_SetHashSalt(parser, salt);
    XML_SetUserData(parser, &builder);
    XML_SetElementHandler(parser, &TreeBuilder::startElement, &TreeBuilder::endElement);
    XML_SetCharacterDataHandler(parser, &TreeBuilder::characters);
    XML_SetSkippedEntityHandler(parser, &TreeBuilder::skippedEntity);
    // As if the document had an external DTD that is never read: references to entities it does
    // not declare are passed on rather than fatal, and no external entity is ever loaded.
    XML_UseForeignDTD(parser, XML_TRUE);
    XML_SetParamEntityParsing(parser, XML_PARAM_ENTITY_PARSING_NEVER);
    // Entities that expand to much more than the document itself stop it early.
    XML_SetBillionLaughsAttackProtectionActivationThreshold(parser, 1024 * 1024);
    XML_SetBillionLaughsAttackProtectionMaximumAmplification(parser, 50.0f);

    // Junk before the first tag (whitespace, stray bytes) stops XML readers.
    const qsizetype start = utf8.indexOf('<');
    QByteArrayView document = start < 0 ? QByteArrayView() : utf8.sliced(start);
    // The declaration is given as plain XML 1.0: the text is UTF-8 whatever it names, and a
    // standalone="yes" would make entities from HTML fatal.
    bool ok = true;
    if (document.startsWith("<?xml") && document.size() > 5
        && (document.at(5) == ' ' || document.at(5) == '?'
            || (document.at(5) >= '\t' && document.at(5) <= '\r'))) {
        const qsizetype end = document.indexOf("?>");
        if (end >= 0) {
            static const char declaration[] = "<?xml version=\"1.0\"?>";
            ok = XML_Parse(parser, declaration, sizeof(declaration) - 1, XML_FALSE)
                 == XML_STATUS_OK;
            document = document.sliced(end + 2);
        }
    }
    // Expat reads at most INT_MAX bytes per call; documents are capped far below that.
    ok = ok
         && XML_Parse(parser, document.data(), static_cast<int>(document.size()), XML_TRUE)
                == XML_STATUS_OK;
    if (!ok) {
        errors->append(ParsedError{static_cast<qint64>(XML_GetCurrentLineNumber(parser)),
                                   static_cast<qint64>(XML_GetCurrentColumnNumber(parser)) + 1,
                                   errorMessage(XML_GetErrorCode(parser))});
    }
    return builder.finish();
}
