// Allow-list HTML sanitizer for feed content, built on HtmlTokenizer.
#include "htmlsanitizer.h"

#include "htmltokenizer.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace {

// Deeper nesting is flattened: tags beyond it are dropped, their text kept.
constexpr qsizetype maxDepth = 256;

QSet<QString> toSet(std::initializer_list<const char16_t *> names)
{
    QSet<QString> set;
    for (const char16_t *name : names)
        set.insert(QString::fromUtf16(name));
    return set;
}

const QSet<QString> &allowedElements()
{
    static const QSet<QString> elements = toSet({
        u"a",          u"abbr",     u"acronym", u"address", u"article",    u"aside",    u"audio",
        u"b",          u"bdi",      u"bdo",     u"big",     u"blockquote", u"br",       u"caption",
        u"center",     u"cite",     u"code",    u"col",     u"colgroup",   u"dd",       u"del",
        u"details",    u"dfn",      u"dir",     u"div",     u"dl",         u"dt",       u"em",
        u"figcaption", u"figure",   u"font",    u"footer",  u"h1",         u"h2",       u"h3",
        u"h4",         u"h5",       u"h6",      u"header",  u"hr",         u"i",        u"img",
        u"ins",        u"kbd",      u"li",      u"map",     u"area",       u"mark",     u"menu",
        u"nav",        u"ol",       u"p",       u"pre",     u"q",          u"s",        u"samp",
        u"section",    u"small",    u"source",  u"span",    u"strike",     u"strong",   u"sub",
        u"summary",    u"sup",      u"table",   u"tbody",   u"td",         u"tfoot",    u"th",
        u"thead",      u"time",     u"tr",      u"tt",      u"u",          u"ul",       u"var",
        u"video",      u"wbr",      u"canvas",  u"m",       u"meter",      u"progress", u"multicol",
        u"spacer",     u"noscript",
    });
    return elements;
}

// Removed together with everything inside them.
const QSet<QString> &elementsDroppedWithContent()
{
    static const QSet<QString> elements = toSet(
        {u"script", u"style", u"applet", u"template", u"noembed", u"noframes"});
    return elements;
}

const QSet<QString> &allowedAttributes()
{
    static const QSet<QString> attributes = toSet({
        u"abbr",
        u"align",
        u"alt",
        u"axis",
        u"bgcolor",
        u"border",
        u"cellpadding",
        u"cellspacing",
        u"char",
        u"charoff",
        u"cite",
        u"class",
        u"clear",
        u"color",
        u"cols",
        u"colspan",
        u"compact",
        u"controls",
        u"coords",
        u"datetime",
        u"dir",
        u"face",
        u"headers",
        u"height",
        u"href",
        u"hreflang",
        u"hspace",
        u"id",
        u"label",
        u"lang",
        u"longdesc",
        u"loop",
        u"name",
        u"nohref",
        u"noshade",
        u"nowrap",
        u"open",
        u"poster",
        u"rel",
        u"rev",
        u"rows",
        u"rowspan",
        u"rules",
        u"scope",
        u"shape",
        u"size",
        u"span",
        u"src",
        u"start",
        u"style",
        u"summary",
        u"title",
        u"type",
        u"usemap",
        u"valign",
        u"value",
        u"vspace",
        u"width",
        u"background",
        u"balance",
        u"bordercolor",
        u"bordercolordark",
        u"bordercolorlight",
        u"bottompadding",
        u"ch",
        u"choff",
        u"charset",
        u"end",
        u"frame",
        u"gutter",
        u"hidden",
        u"high",
        u"low",
        u"max",
        u"min",
        u"optimum",
        u"ismap",
        u"leftspacing",
        u"rightspacing",
        u"toppadding",
        u"point-size",
        u"loopcount",
        u"loopend",
        u"loopstart",
        u"unselectable",
        u"galleryimg",
        u"hidefocus",
        u"bgproperties",
        u"wrap",
    });
    return attributes;
}

const QSet<QString> &urlAttributes()
{
    static const QSet<QString> attributes = toSet(
        {u"href", u"src", u"cite", u"longdesc", u"poster", u"background", u"usemap"});
    return attributes;
}

const QSet<QString> &blockElements()
{
    static const QSet<QString> elements = toSet({
        u"address", u"article", u"aside", u"blockquote", u"br",   u"caption",    u"center",
        u"dd",      u"details", u"div",   u"dl",         u"dt",   u"figcaption", u"figure",
        u"footer",  u"h1",      u"h2",    u"h3",         u"h4",   u"h5",         u"h6",
        u"header",  u"hr",      u"li",    u"nav",        u"ol",   u"p",          u"pre",
        u"section", u"summary", u"table", u"tbody",      u"td",   u"tfoot",      u"th",
        u"thead",   u"tr",      u"ul",    u"body",       u"html", u"title",      u"menu",
    });
    return elements;
}

bool isSafeUrl(const QString &value)
{
    QString compact;
    for (const QChar c : value) {
        if (c.unicode() > 0x20)
            compact.append(c);
    }
    const QString lower = compact.toLower();
    const qsizetype colon = lower.indexOf(u':');
    if (colon < 0)
        return true;
    const qsizetype slash = lower.indexOf(u'/');
    const qsizetype question = lower.indexOf(u'?');
    const qsizetype hash = lower.indexOf(u'#');
    // A ':' after a path, query or fragment start is not a scheme separator.
    for (const qsizetype stop : {slash, question, hash}) {
        if (stop >= 0 && stop < colon)
            return true;
    }
    const QString scheme = lower.left(colon);
    if (scheme == u"data")
        return lower.startsWith(u"data:image/");
    // An allow-list, like feedparser's: an unknown scheme may be one some viewer runs as script.
    static const QSet<QString> safeSchemes = toSet({
        u"http",   u"https",  u"ftp",  u"ftps", u"mailto", u"news",  u"nntp",   u"snews",
        u"irc",    u"ircs",   u"xmpp", u"tel",  u"sms",    u"sip",   u"sips",   u"magnet",
        u"feed",   u"gopher", u"git",  u"svn",  u"ssh",    u"sftp",  u"rtsp",   u"mms",
        u"webcal", u"geo",    u"urn",  u"aim",  u"callto", u"skype", u"matrix", u"gemini",
    });
    return safeSchemes.contains(scheme);
}

QString resolveUrl(const QString &value, const QUrl &baseUrl)
{
    const QString trimmed = value.trimmed();
    if (!baseUrl.isValid() || baseUrl.isEmpty())
        return trimmed;
    const QUrl url(trimmed);
    if (!url.isValid() || !url.isRelative())
        return trimmed;
    return baseUrl.resolved(url).toString(QUrl::FullyEncoded);
}

// The same rules as feedparser's CSS filter: only simple declarations of harmless properties
// with plain values, so nothing can load a resource, run script or move content around.
QString sanitizeStyle(const QString &declarations)
{
    static const QRegularExpression allowedCharacters(
        QStringLiteral(R"(^([:,;#%.\sa-zA-Z0-9!]|\w-\w|'[\s\w]+'|"[\s\w]+"|\([\d,\s]+\))*$)"));
    static const QRegularExpression declarationsShape(
        QStringLiteral(R"(^\s*([-\w]+\s*:[^:;]*(;\s*|$))*$)"));
    static const QRegularExpression declaration(QStringLiteral(R"(([-\w]+)\s*:\s*([^:;]*))"));
    static const QRegularExpression keywordValue(QStringLiteral(
        R"(^(#[0-9a-f]+|rgb\(\d+%?,\d*%?,?\d*%?\)?|\d{0,2}\.?\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\))?)$)"));
    static const QSet<QString> properties = toSet({
        u"azimuth",
        u"background-color",
        u"border-bottom-color",
        u"border-collapse",
        u"border-color",
        u"border-left-color",
        u"border-right-color",
        u"border-top-color",
        u"clear",
        u"color",
        u"cursor",
        u"direction",
        u"display",
        u"elevation",
        u"float",
        u"font",
        u"font-family",
        u"font-size",
        u"font-style",
        u"font-variant",
        u"font-weight",
        u"height",
        u"letter-spacing",
        u"line-height",
        u"overflow",
        u"pause",
        u"pause-after",
        u"pause-before",
        u"pitch",
        u"pitch-range",
        u"richness",
        u"speak",
        u"speak-header",
        u"speak-numeral",
        u"speak-punctuation",
        u"speech-rate",
        u"stress",
        u"text-align",
        u"text-decoration",
        u"text-indent",
        u"unicode-bidi",
        u"vertical-align",
        u"voice-family",
        u"volume",
        u"white-space",
        u"width",
    });
    static const QSet<QString> shorthandPrefixes = toSet(
        {u"background", u"border", u"margin", u"padding"});
    static const QSet<QString> keywords = toSet({
        u"auto",        u"aqua",      u"black",      u"block",    u"blue",   u"bold",   u"both",
        u"bottom",      u"brown",     u"center",     u"collapse", u"dashed", u"dotted", u"fuchsia",
        u"gray",        u"green",     u"!important", u"italic",   u"left",   u"lime",   u"maroon",
        u"medium",      u"none",      u"navy",       u"normal",   u"nowrap", u"olive",  u"pointer",
        u"purple",      u"red",       u"right",      u"solid",    u"silver", u"teal",   u"top",
        u"transparent", u"underline", u"white",      u"yellow",
    });

    static const QRegularExpression urlFunction(QStringLiteral(R"(url\s*\(\s*[^\s)]+?\s*\)\s*)"),
                                                QRegularExpression::CaseInsensitiveOption);
    QString style = declarations;
    style.replace(urlFunction, QStringLiteral(" "));
    if (!allowedCharacters.match(style).hasMatch() || !declarationsShape.match(style).hasMatch())
        return {};
    QStringList clean;
    auto it = declaration.globalMatch(style);
    while (it.hasNext()) {
        const auto match = it.next();
        const QString name = match.captured(1);
        const QString property = name.toLower();
        const QString value = match.captured(2);
        if (value.trimmed().isEmpty())
            continue;
        if (properties.contains(property)) {
            clean.append(name + u": " + value + u';');
            continue;
        }
        if (!shorthandPrefixes.contains(property.section(u'-', 0, 0)))
            continue;
        const QStringList parts = value.split(QRegularExpression(QStringLiteral("\\s+")),
                                              Qt::SkipEmptyParts);
        const bool plain = std::all_of(parts.cbegin(), parts.cend(), [](const QString &part) {
            return keywords.contains(part.toLower())
                   || keywordValue.match(part.toLower()).hasMatch();
        });
        if (plain)
            clean.append(name + u": " + value + u';');
    }
    return clean.join(u' ');
}

QString startTag(const HtmlToken &token, const QUrl &baseUrl)
{
    QString out = u'<' + token.name;
    for (const auto &[name, rawValue] : token.attributes) {
        if (!allowedAttributes().contains(name))
            continue;
        QString value = rawValue;
        if (name == u"style") {
            value = sanitizeStyle(value);
            if (value.isEmpty())
                continue;
        } else if (urlAttributes().contains(name)) {
            // An unsafe URL is emptied rather than removed, as feedparser does.
            value = isSafeUrl(value) ? resolveUrl(value, baseUrl) : QString();
        }
        out += u' ' + name + u"=\"" + HtmlTokenizer::escapeAttribute(value) + u'"';
    }
    if (HtmlTokenizer::isVoidElement(token.name))
        out += u" /";
    out += u'>';
    return out;
}

} // namespace

QString HtmlSanitizer::sanitize(const QString &html, const QUrl &baseUrl)
{
    const QList<HtmlToken> tokens = HtmlTokenizer::tokenize(html);
    QString out;
    out.reserve(html.size());
    QStringList open;
    QString skipping; // an element dropped with its content
    int skipDepth = 0;
    for (const HtmlToken &token : tokens) {
        if (!skipping.isEmpty()) {
            if (token.name == skipping && token.kind == HtmlToken::Kind::StartTag
                && !token.selfClosing)
                ++skipDepth;
            else if (token.name == skipping && token.kind == HtmlToken::Kind::EndTag
                     && --skipDepth == 0)
                skipping.clear();
            continue;
        }
        switch (token.kind) {
        case HtmlToken::Kind::Comment:
            break;
        case HtmlToken::Kind::Text:
            out += HtmlTokenizer::escapeText(token.text);
            break;
        case HtmlToken::Kind::StartTag:
            if (elementsDroppedWithContent().contains(token.name)) {
                if (!token.selfClosing) {
                    skipping = token.name;
                    skipDepth = 1;
                }
                break;
            }
            if (!allowedElements().contains(token.name) || open.size() >= maxDepth)
                break;
            out += startTag(token, baseUrl);
            if (!HtmlTokenizer::isVoidElement(token.name)) {
                if (token.selfClosing)
                    out += u"</" + token.name + u'>';
                else
                    open.append(token.name);
            }
            break;
        case HtmlToken::Kind::EndTag: {
            const qsizetype index = open.lastIndexOf(token.name);
            if (index < 0)
                break;
            while (open.size() > index)
                out += u"</" + open.takeLast() + u'>';
            break;
        }
        }
    }
    while (!open.isEmpty())
        out += u"</" + open.takeLast() + u'>';
    return out.trimmed();
}

QString HtmlSanitizer::toPlainText(const QString &html)
{
    const QList<HtmlToken> tokens = HtmlTokenizer::tokenize(html);
    QString text;
    QString skipping;
    for (const HtmlToken &token : tokens) {
        if (!skipping.isEmpty()) {
            if (token.kind == HtmlToken::Kind::EndTag && token.name == skipping)
                skipping.clear();
            continue;
        }
        if (token.kind == HtmlToken::Kind::Text) {
            // Line breaks in the source are plain whitespace; only blocks start new lines.
            QString part = token.text;
            part.replace(u'\n', u' ');
            part.replace(u'\r', u' ');
            text += part;
        } else if (token.kind == HtmlToken::Kind::StartTag
                   && (token.name == u"script" || token.name == u"style")) {
            if (!token.selfClosing)
                skipping = token.name;
        } else if (token.kind != HtmlToken::Kind::Comment && blockElements().contains(token.name)) {
            text += u'\n';
        } else if (token.kind == HtmlToken::Kind::StartTag && token.name == u"img") {
            for (const auto &[name, value] : token.attributes) {
                if (name == u"alt" && !value.trimmed().isEmpty())
                    text += u' ' + value + u' ';
            }
        }
    }
    QStringList lines;
    for (const QString &line : text.split(u'\n')) {
        QString collapsed = line;
        collapsed.replace(QChar(0xA0), u' ');
        collapsed = collapsed.simplified();
        if (!collapsed.isEmpty())
            lines.append(collapsed);
    }
    return lines.join(u'\n');
}
