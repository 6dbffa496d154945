// OPML reading with QXmlStreamReader and writing with QXmlStreamWriter.
#include "opmldocument.h"

#include <QLocale>
#include <QSet>
#include <QTimeZone>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace {

// English messages: a string marked for translation must come with its entries in translations/.
// RFC 822 dates as OPML uses them, e.g. "Mon, 31 Oct 2005 19:23:00 GMT".
QDateTime parseRfc822(const QString &value)
{
    QString text = value.simplified();
    const qsizetype comma = text.indexOf(u',');
    if (comma >= 0)
        text = text.mid(comma + 1).trimmed();
    text.replace(QStringLiteral(" GMT"), QStringLiteral(" +0000"));
    text.replace(QStringLiteral(" UT"), QStringLiteral(" +0000"));
    QDateTime date = QDateTime::fromString(text, QStringLiteral("d MMM yyyy HH:mm:ss t"));
    if (!date.isValid()) {
        date = QDateTime::fromString(text.section(u' ', 0, 3),
                                     QStringLiteral("d MMM yyyy HH:mm:ss"));
        if (date.isValid())
            date.setTimeZone(QTimeZone::utc());
    }
    if (!date.isValid())
        date = QDateTime::fromString(value.trimmed(), Qt::ISODate);
    return date;
}

QString toRfc822(const QDateTime &date)
{
    return QLocale::c().toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
           + QStringLiteral(" GMT");
}

// Deeper folders are not read: they only come from broken or hostile files, and recursing into
// them could exhaust the stack.
constexpr int maxOutlineDepth = 64;

OpmlOutline readOutline(QXmlStreamReader &xml, int depth)
{
    const QXmlStreamAttributes attributes = xml.attributes();
    OpmlOutline outline;
    outline.text = attributes.value(QStringLiteral("text")).toString();
    outline.title = attributes.value(QStringLiteral("title")).toString();
    outline.xmlUrl = attributes.value(QStringLiteral("xmlUrl")).toString().trimmed();
    if (outline.xmlUrl.isEmpty()) // seen in exports of a few readers
        outline.xmlUrl = attributes.value(QStringLiteral("xmlurl")).toString().trimmed();
    outline.htmlUrl = attributes.value(QStringLiteral("htmlUrl")).toString().trimmed();
    outline.type = attributes.value(QStringLiteral("type")).toString();
    outline.description = attributes.value(QStringLiteral("description")).toString();
    const QStringList categories
        = attributes.value(QStringLiteral("category")).toString().split(u',', Qt::SkipEmptyParts);
    for (const QString &category : categories) {
        if (!category.trimmed().isEmpty())
            outline.category.append(category.trimmed());
    }
    while (xml.readNextStartElement()) {
        if (xml.name() == u"outline" && depth < maxOutlineDepth)
            outline.children.append(readOutline(xml, depth + 1));
        else
            xml.skipCurrentElement();
    }
    return outline;
}

void collectFeeds(const QList<OpmlOutline> &outlines,
                  const QString &folderPath,
                  QSet<QString> &seen,
                  QList<FeedEntry> &feeds,
                  QStringList *skippedUrls)
{
    for (const OpmlOutline &outline : outlines) {
        if (!outline.xmlUrl.isEmpty()) {
            if (seen.contains(outline.xmlUrl)) {
                if (skippedUrls)
                    skippedUrls->append(outline.xmlUrl);
            } else {
                seen.insert(outline.xmlUrl);
                feeds.append({outline.xmlUrl, outline.displayName(), outline.htmlUrl, folderPath});
            }
        }
        if (!outline.children.isEmpty()) {
            // A feed with children is unusual; its children stay in the feed's own folder.
            const QString childPath = !outline.isFolder() ? folderPath
                                      : folderPath.isEmpty()
                                          ? outline.displayName()
                                          : folderPath + u'/' + outline.displayName();
            collectFeeds(outline.children, childPath, seen, feeds, skippedUrls);
        }
    }
}

void writeOutline(QXmlStreamWriter &xml, const OpmlOutline &outline)
{
    xml.writeStartElement(QStringLiteral("outline"));
    const QString text = outline.text.isEmpty() ? outline.title : outline.text;
    xml.writeAttribute(QStringLiteral("text"), text);
    if (!outline.title.isEmpty())
        xml.writeAttribute(QStringLiteral("title"), outline.title);
    const QString type = outline.type.isEmpty() && !outline.xmlUrl.isEmpty() ? QStringLiteral("rss")
                                                                             : outline.type;
    if (!type.isEmpty())
        xml.writeAttribute(QStringLiteral("type"), type);
    if (!outline.xmlUrl.isEmpty())
        xml.writeAttribute(QStringLiteral("xmlUrl"), outline.xmlUrl);
    if (!outline.htmlUrl.isEmpty())
        xml.writeAttribute(QStringLiteral("htmlUrl"), outline.htmlUrl);
    if (!outline.description.isEmpty())
        xml.writeAttribute(QStringLiteral("description"), outline.description);
    if (!outline.category.isEmpty())
        xml.writeAttribute(QStringLiteral("category"), outline.category.join(u','));
    for (const OpmlOutline &child : outline.children)
        writeOutline(xml, child);
    xml.writeEndElement();
}

} // namespace

OpmlDocument OpmlDocument::read(const QByteArray &data, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return OpmlDocument();
    };
    if (data.trimmed().isEmpty())
        return fail(OpmlDocument::tr("The file is empty."));
    OpmlDocument document;
    QXmlStreamReader xml(data);
    if (!xml.readNextStartElement()) {
        return fail(xml.hasError() ? OpmlDocument::tr("Invalid XML at line %1: %2")
                                         .arg(xml.lineNumber())
                                         .arg(xml.errorString())
                                   : OpmlDocument::tr("The file is empty."));
    }
    if (xml.name() != u"opml")
        return fail(
            OpmlDocument::tr("Not an OPML document: the root element is <%1>.").arg(xml.name()));
    document.m_version = xml.attributes().value(QStringLiteral("version")).toString().trimmed();
    static const QStringList versions = {QStringLiteral("1.0"),
                                         QStringLiteral("1.1"),
                                         QStringLiteral("2.0")};
    if (!document.m_version.isEmpty() && !versions.contains(document.m_version))
        return fail(OpmlDocument::tr("Unsupported OPML version \"%1\".").arg(document.m_version));
    bool hasBody = false;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"head") {
            while (xml.readNextStartElement()) {
                if (xml.name() == u"title")
                    document.m_title = xml.readElementText().trimmed();
                else if (xml.name() == u"dateCreated")
                    document.m_dateCreated = parseRfc822(xml.readElementText());
                else
                    xml.skipCurrentElement();
            }
        } else if (xml.name() == u"body") {
            hasBody = true;
            while (xml.readNextStartElement()) {
                if (xml.name() == u"outline")
                    document.m_outlines.append(readOutline(xml, 1));
                else
                    xml.skipCurrentElement();
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    if (!xml.hasError()) {
        while (!xml.atEnd())
            xml.readNext();
    }
    if (xml.hasError()) {
        return fail(OpmlDocument::tr("Invalid XML at line %1: %2")
                        .arg(xml.lineNumber())
                        .arg(xml.errorString()));
    }
    if (!hasBody)
        return fail(OpmlDocument::tr("The OPML document has no body."));
    if (document.m_outlines.isEmpty())
        return fail(OpmlDocument::tr("The OPML body has no outlines."));
    if (error)
        error->clear();
    return document;
}

QByteArray OpmlDocument::write() const
{
    QByteArray data;
    QXmlStreamWriter xml(&data);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("opml"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("2.0"));
    xml.writeStartElement(QStringLiteral("head"));
    xml.writeTextElement(QStringLiteral("title"), m_title);
    const QDateTime created = m_dateCreated.isValid() ? m_dateCreated
                                                      : QDateTime::currentDateTimeUtc();
    xml.writeTextElement(QStringLiteral("dateCreated"), toRfc822(created));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("body"));
    for (const OpmlOutline &outline : m_outlines)
        writeOutline(xml, outline);
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return data;
}

QList<FeedEntry> OpmlDocument::feeds(QStringList *skippedUrls) const
{
    QList<FeedEntry> feeds;
    QSet<QString> seen;
    collectFeeds(m_outlines, {}, seen, feeds, skippedUrls);
    return feeds;
}
