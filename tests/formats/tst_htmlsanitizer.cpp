// Tests HtmlSanitizer against hand-written cases and feedparser's sanitizer conformance corpus.
#include "htmlsanitizer.h"
#include "htmltokenizer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

namespace {

// Serialises tokens the same way for both sides of a comparison, so that quoting, entity
// spelling, "<br />" versus "<br>", comments and runs of whitespace do not count as differences.
QString canonical(const QString &html)
{
    QString out;
    for (const HtmlToken &token : HtmlTokenizer::tokenize(html)) {
        switch (token.kind) {
        case HtmlToken::Kind::Comment:
            break;
        case HtmlToken::Kind::Text:
            out += HtmlTokenizer::escapeText(token.text);
            break;
        case HtmlToken::Kind::StartTag:
            out += u'<' + token.name;
            for (const auto &[name, value] : token.attributes)
                out += u' ' + name + u"=\"" + HtmlTokenizer::escapeAttribute(value) + u'"';
            out += u'>';
            if (token.selfClosing && !HtmlTokenizer::isVoidElement(token.name))
                out += u"</" + token.name + u'>';
            break;
        case HtmlToken::Kind::EndTag:
            if (!HtmlTokenizer::isVoidElement(token.name))
                out += u"</" + token.name + u'>';
            break;
        }
    }
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    out.replace(whitespace, QStringLiteral(" "));
    return out.trimmed();
}

// Parses a Python expression of string literals joined by '+', as used in Expect lines.
bool parsePythonStrings(QStringView expression, QString *result)
{
    result->clear();
    qsizetype i = 0;
    const qsizetype size = expression.size();
    auto skipSpaces = [&] {
        while (i < size && expression.at(i).isSpace())
            ++i;
    };
    while (true) {
        skipSpaces();
        if (i < size && (expression.at(i) == u'u' || expression.at(i) == u'U'))
            ++i;
        if (i >= size || (expression.at(i) != u'\'' && expression.at(i) != u'"'))
            return false;
        const QChar quote = expression.at(i);
        const bool triple = expression.mid(i).startsWith(QString(3, quote));
        i += triple ? 3 : 1;
        while (true) {
            if (i >= size)
                return false;
            if (triple ? expression.mid(i).startsWith(QString(3, quote))
                       : expression.at(i) == quote) {
                i += triple ? 3 : 1;
                break;
            }
            const QChar c = expression.at(i);
            if (c != u'\\' || i + 1 >= size) {
                result->append(c);
                ++i;
                continue;
            }
            const QChar e = expression.at(i + 1);
            i += 2;
            if (e == u'n')
                result->append(u'\n');
            else if (e == u't')
                result->append(u'\t');
            else if (e == u'r')
                result->append(u'\r');
            else if (e == u'u' || e == u'x') {
                const qsizetype digits = e == u'u' ? 4 : 2;
                result->append(QChar(expression.mid(i, digits).toUShort(nullptr, 16)));
                i += digits;
            } else if (e == u'\\' || e == u'\'' || e == u'"')
                result->append(e);
            else {
                result->append(u'\\');
                result->append(e);
            }
        }
        skipSpaces();
        if (i >= size)
            return true;
        if (expression.at(i) != u'+')
            return false;
        ++i;
    }
}

// Writes the child elements of the current element as HTML, without namespace prefixes.
QString serializeChildren(QXmlStreamReader &xml)
{
    QString out;
    int depth = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            ++depth;
            out += u'<' + xml.name().toString();
            for (const QXmlStreamAttribute &attribute : xml.attributes()) {
                out += u' ' + attribute.name().toString() + u"=\""
                       + HtmlTokenizer::escapeAttribute(attribute.value().toString()) + u'"';
            }
            out += u'>';
        } else if (xml.isEndElement()) {
            if (depth-- == 0)
                break;
            out += u"</" + xml.name().toString() + u'>';
        } else if (xml.isCharacters()) {
            out += HtmlTokenizer::escapeText(xml.text().toString());
        }
    }
    return out;
}

// The element names feedparser reads for a result key, in order of preference.
QStringList elementsFor(const QString &key, bool inEntry)
{
    const QStringList content = {QStringLiteral("encoded"),
                                 QStringLiteral("content"),
                                 QStringLiteral("body"),
                                 QStringLiteral("fullitem")};
    if (key == u"title")
        return {QStringLiteral("title")};
    if (key == u"copyright")
        return {QStringLiteral("copyright"), QStringLiteral("rights")};
    if (key == u"info")
        return {QStringLiteral("info")};
    if (key == u"content")
        return content;
    if (inEntry)
        return QStringList{QStringLiteral("summary"), QStringLiteral("description")} + content;
    return {QStringLiteral("subtitle"), QStringLiteral("tagline"), QStringLiteral("description")};
}

// Extracts the HTML of the element an Expect expression refers to.
bool extractHtml(
    const QByteArray &data, const QString &key, bool inEntry, QString *html, QUrl *baseUrl)
{
    const QStringList names = elementsFor(key, inEntry);
    QXmlStreamReader xml(data);
    QMap<int, QString> found; // preference -> html
    int depth = 0;
    int entryDepth = -1;
    int containerDepth = -1;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement()) {
            if (depth == entryDepth)
                entryDepth = -1;
            --depth;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        ++depth;
        const QString name = xml.name().toString();
        if (depth == 1) {
            *baseUrl = QUrl(xml.attributes()
                                .value(QStringLiteral("http://www.w3.org/XML/1998/namespace"),
                                       QStringLiteral("base"))
                                .toString());
        }
        if ((name == u"entry" || name == u"item") && entryDepth < 0) {
            entryDepth = depth;
            continue;
        }
        if (name == u"feed" || name == u"channel" || name == u"rss" || name == u"RDF") {
            containerDepth = depth;
            continue;
        }
        const bool atLevel = inEntry ? entryDepth >= 0 && depth == entryDepth + 1
                                     : entryDepth < 0 && depth == containerDepth + 1;
        const qsizetype preference = names.indexOf(name);
        if (!atLevel || preference < 0 || found.contains(int(preference))) {
            continue;
        }
        const QXmlStreamAttributes attributes = xml.attributes();
        const QString mode = attributes.value(QStringLiteral("mode")).toString();
        const QString type = attributes.value(QStringLiteral("type")).toString();
        QString value;
        if (name == u"body" || mode == u"xml" || type == u"xhtml"
            || type == u"application/xhtml+xml") {
            value = serializeChildren(xml);
        } else {
            value = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (mode == u"base64")
                value = QString::fromUtf8(QByteArray::fromBase64(value.toLatin1()));
        }
        --depth;
        found.insert(int(preference), value);
    }
    if (xml.hasError() || found.isEmpty())
        return false;
    *html = found.first();
    return true;
}

struct ConformanceCase
{
    QString name;
    QString input;
    QString expected;
    QUrl baseUrl;
};

QList<ConformanceCase> loadConformanceCases(int *unreadable)
{
    static const QRegularExpression expectLine(
        QStringLiteral(
            R"(Expect:\s*not bozo and\s+(feed|entries\[0\])((?:\['\w+'\]|\[0\])+)\s*==\s*(.*?)\s*-->)"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression keyPattern(QStringLiteral(R"(\['(\w+)'\])"));
    QList<ConformanceCase> cases;
    const QDir dir(
        QStringLiteral(WATERCOOLER_CONFORMANCE_DIR "/feedparser/tests/wellformed/sanitize"));
    const QStringList files = dir.entryList({QStringLiteral("*.xml")}, QDir::Files, QDir::Name);
    for (const QString &fileName : files) {
        QFile file(dir.filePath(fileName));
        if (!file.open(QIODevice::ReadOnly)) {
            ++*unreadable;
            continue;
        }
        const QByteArray data = file.readAll();
        const auto match = expectLine.match(QString::fromUtf8(data));
        if (!match.hasMatch()) {
            ++*unreadable;
            continue;
        }
        const bool inEntry = match.captured(1) != u"feed";
        const QString key = keyPattern.match(match.captured(2)).captured(1);
        ConformanceCase testCase;
        testCase.name = fileName;
        if (!parsePythonStrings(match.capturedView(3), &testCase.expected)
            || !extractHtml(data, key, inEntry, &testCase.input, &testCase.baseUrl)) {
            ++*unreadable;
            continue;
        }
        cases.append(testCase);
    }
    return cases;
}

} // namespace

class TestHtmlSanitizer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sanitize_data();
    void sanitize();
    void resolvesRelativeUrls();
    void survivesDeepAndUnclosedNesting();
    void handlesOneMegabyte();
    void toPlainText_data();
    void toPlainText();
    void conformance();
};

void TestHtmlSanitizer::sanitize_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");

    QTest::newRow("text kept") << QStringLiteral("plain & simple")
                               << QStringLiteral("plain &amp; simple");
    QTest::newRow("script removed with content")
        << QStringLiteral("a<script>alert('x')</script>b") << QStringLiteral("ab");
    QTest::newRow("style element removed")
        << QStringLiteral("<style>p{color:red}</style><p>x</p>") << QStringLiteral("<p>x</p>");
    QTest::newRow("onload removed")
        << QStringLiteral("<img src=\"http://e.com/a.png\" onload=\"steal()\">")
        << QStringLiteral("<img src=\"http://e.com/a.png\" />");
    QTest::newRow("onclick removed without quotes")
        << QStringLiteral("<b onclick=go()>x</b>") << QStringLiteral("<b>x</b>");
    QTest::newRow("javascript href removed")
        << QStringLiteral("<a href=\"javascript:alert(1)\">x</a>")
        << QStringLiteral("<a href=\"\">x</a>");
    QTest::newRow("obfuscated javascript href removed")
        << QStringLiteral("<a href=\" jav&#x09;ascript:alert(1)\">x</a>")
        << QStringLiteral("<a href=\"\">x</a>");
    QTest::newRow("vbscript src removed")
        << QStringLiteral("<img src=\"VBScript:msgbox(1)\">") << QStringLiteral("<img src=\"\" />");
    QTest::newRow("data html removed")
        << QStringLiteral("<a href=\"data:text/html,<script>\">x</a>")
        << QStringLiteral("<a href=\"\">x</a>");
    QTest::newRow("unknown scheme removed")
        << QStringLiteral("<a href=\"\u00adjavascript:x\">x</a>")
        << QStringLiteral("<a href=\"\">x</a>");
    QTest::newRow("mailto kept") << QStringLiteral("<a href=\"mailto:a@b.org\">x</a>")
                                 << QStringLiteral("<a href=\"mailto:a@b.org\">x</a>");
    QTest::newRow("data image kept")
        << QStringLiteral("<img src=\"data:image/png;base64,AAAA\">")
        << QStringLiteral("<img src=\"data:image/png;base64,AAAA\" />");
    QTest::newRow("iframe removed")
        << QStringLiteral("a<iframe src=\"http://e.com/\"></iframe>b") << QStringLiteral("ab");
    QTest::newRow("object and embed removed") << QStringLiteral(
        "<object data=\"x.swf\"><param name=a value=b><embed src=x.swf></object>ok")
                                              << QStringLiteral("ok");
    QTest::newRow("form controls removed")
        << QStringLiteral("<form action=\"http://e.com/\"><input name=q><button>Go</button></form>")
        << QStringLiteral("Go");
    QTest::newRow("meta link base removed")
        << QStringLiteral("<meta http-equiv=refresh content=0><link rel=stylesheet href=x.css>"
                          "<base href=\"http://evil/\">x")
        << QStringLiteral("x");
    QTest::newRow("blink tag dropped text kept")
        << QStringLiteral("<blink>safe</blink> text") << QStringLiteral("safe text");
    QTest::newRow("style url removed")
        << QStringLiteral("<span style=\"background: url(http://e.com/t.gif)\">x</span>")
        << QStringLiteral("<span>x</span>");
    QTest::newRow("style expression removed")
        << QStringLiteral("<span style=\"width: expression(alert(1))\">x</span>")
        << QStringLiteral("<span>x</span>");
    QTest::newRow("style position removed")
        << QStringLiteral("<div style=\"position: absolute; top: 0\">x</div>")
        << QStringLiteral("<div>x</div>");
    QTest::newRow("harmless style kept") << QStringLiteral("<span style=\"color: red\">x</span>")
                                         << QStringLiteral("<span style=\"color: red;\">x</span>");
    QTest::newRow("formatting kept")
        << QStringLiteral("<h2>T</h2><ul><li><em>a</em></li></ul><pre><code>b</code></pre>"
                          "<blockquote>c</blockquote><table><tr><td>d</td></tr></table>")
        << QStringLiteral("<h2>T</h2><ul><li><em>a</em></li></ul><pre><code>b</code></pre>"
                          "<blockquote>c</blockquote><table><tr><td>d</td></tr></table>");
    QTest::newRow("unclosed tags closed")
        << QStringLiteral("<p><b>bold <i>both") << QStringLiteral("<p><b>bold <i>both</i></b></p>");
    QTest::newRow("stray less-than kept as text")
        << QStringLiteral("1 < 2 <3") << QStringLiteral("1 &lt; 2 &lt;3");
    QTest::newRow("comment removed")
        << QStringLiteral("a<!-- <script>x</script> -->b") << QStringLiteral("ab");
    QTest::newRow("unclosed comment removed")
        << QStringLiteral("safe<!-- rest") << QStringLiteral("safe");
    QTest::newRow("cdata becomes text")
        << QStringLiteral("<![CDATA[<b>]]>") << QStringLiteral("&lt;b&gt;");
    QTest::newRow("entities decoded and re-escaped")
        << QStringLiteral("caf&eacute; &amp; &#233; &#xE9; &bogus;")
        << QStringLiteral("café &amp; é é &amp;bogus;");
}

void TestHtmlSanitizer::sanitize()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(HtmlSanitizer::sanitize(html), expected);
}

void TestHtmlSanitizer::resolvesRelativeUrls()
{
    const QUrl base(QStringLiteral("http://example.com/blog/post.html"));
    QCOMPARE(HtmlSanitizer::sanitize(QStringLiteral("<a href=\"../about\">a</a>"), base),
             QStringLiteral("<a href=\"http://example.com/about\">a</a>"));
    QCOMPARE(HtmlSanitizer::sanitize(QStringLiteral("<img src=\"/i/x.png\" alt=\"x\">"), base),
             QStringLiteral("<img src=\"http://example.com/i/x.png\" alt=\"x\" />"));
    QCOMPARE(HtmlSanitizer::sanitize(QStringLiteral("<a href=\"https://other.org/\">o</a>"), base),
             QStringLiteral("<a href=\"https://other.org/\">o</a>"));
}

void TestHtmlSanitizer::survivesDeepAndUnclosedNesting()
{
    QString html;
    for (int i = 0; i < 20000; ++i)
        html += QStringLiteral("<div><b>");
    html += QStringLiteral("deep");
    const QString result = HtmlSanitizer::sanitize(html);
    QVERIFY(result.contains(QStringLiteral("deep")));
    QCOMPARE(result.count(QStringLiteral("<div>")), result.count(QStringLiteral("</div>")));
    QCOMPARE(HtmlSanitizer::toPlainText(html), QStringLiteral("deep"));
    QCOMPARE(HtmlSanitizer::sanitize(QStringLiteral("<<<a href=<b>>>></</a")),
             QStringLiteral("&lt;&lt;<a href=\"&lt;b\">&gt;&gt;&gt;&lt;/</a>"));
}

void TestHtmlSanitizer::handlesOneMegabyte()
{
    QString html;
    while (html.size() < 1024 * 1024)
        html += QStringLiteral(
            "<p onclick=\"x()\">Some <b>text</b> &amp; <a href=\"/a\">a link</a></p>");
    const QString result = HtmlSanitizer::sanitize(html, QUrl(QStringLiteral("http://e.com/")));
    QVERIFY(!result.contains(QStringLiteral("onclick")));
    QVERIFY(result.contains(QStringLiteral("<a href=\"http://e.com/a\">a link</a>")));
    QVERIFY(HtmlSanitizer::toPlainText(html).size() > 100000);
    // Markup openers that never close must not make the scan quadratic.
    for (const QString &opener : {QStringLiteral("<!"),
                                  QStringLiteral("<a "),
                                  QStringLiteral("<!--"),
                                  QStringLiteral("<a href=\"")}) {
        const QString unclosed = opener.repeated(512 * 1024 / opener.size());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!HtmlSanitizer::sanitize(unclosed).contains(QStringLiteral("<!")));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(opener));
    }
}

void TestHtmlSanitizer::toPlainText_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");

    QTest::newRow("blocks become lines")
        << QStringLiteral("<p>Hello <b>@ann</b></p><p>second&nbsp;para</p>")
        << QStringLiteral("Hello @ann\nsecond para");
    QTest::newRow("whitespace collapsed")
        << QStringLiteral("  a \n\t b  ") << QStringLiteral("a b");
    QTest::newRow("script and style hidden")
        << QStringLiteral("<style>x{}</style>a<script>b()</script>c") << QStringLiteral("ac");
    QTest::newRow("entities decoded")
        << QStringLiteral("Tom &amp; Jerry &lt;3 &#8364;") << QStringLiteral("Tom & Jerry <3 €");
    QTest::newRow("list items") << QStringLiteral("<ul><li>one</li><li>two</li></ul>")
                                << QStringLiteral("one\ntwo");
    QTest::newRow("line breaks") << QStringLiteral("a<br>b<br/>c") << QStringLiteral("a\nb\nc");
}

void TestHtmlSanitizer::toPlainText()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(HtmlSanitizer::toPlainText(html), expected);
}

void TestHtmlSanitizer::conformance()
{
    QFile listFile(QStringLiteral(WATERCOOLER_TEST_DATA_DIR "/sanitize_not_followed.json"));
    QVERIFY2(listFile.open(QIODevice::ReadOnly), qPrintable(listFile.fileName()));
    const QJsonObject list = QJsonDocument::fromJson(listFile.readAll()).object();
    const double minimumRate = list.value(QStringLiteral("minimumPassRate")).toDouble();
    QSet<QString> notFollowed;
    for (const QJsonValue &entry : list.value(QStringLiteral("notFollowed")).toArray())
        notFollowed.insert(entry.toObject().value(QStringLiteral("case")).toString());

    int unreadable = 0;
    const QList<ConformanceCase> cases = loadConformanceCases(&unreadable);
    QVERIFY(cases.size() > 700);
    int passed = 0;
    int unlisted = 0;
    for (const ConformanceCase &testCase : cases) {
        const QString actual = canonical(HtmlSanitizer::sanitize(testCase.input, testCase.baseUrl));
        const QString expected = canonical(testCase.expected);
        if (actual == expected) {
            ++passed;
        } else if (!notFollowed.contains(testCase.name)) {
            ++unlisted;
            qWarning().noquote() << "conformance sanitize: unexpected difference in"
                                 << testCase.name << "\n  expected:" << expected
                                 << "\n  actual:  " << actual;
        }
    }
    const double rate = double(passed) / double(cases.size());
    qInfo("conformance sanitize: %d/%d passed (%.1f%%, %d files without a usable expectation)",
          passed,
          int(cases.size()),
          rate * 100.0,
          unreadable);
    QVERIFY2(rate >= minimumRate,
             qPrintable(QStringLiteral("pass rate %1 fell below %2").arg(rate).arg(minimumRate)));
    // A new difference is either fixed or listed with its reason.
    QCOMPARE(unlisted, 0);
}

QTEST_GUILESS_MAIN(TestHtmlSanitizer)
#include "tst_htmlsanitizer.moc"
