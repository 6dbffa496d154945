// Reads and writes OPML subscription lists (OPML 1.0, 1.1 and 2.0).
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

struct OpmlOutline
{
    QString text;
    QString title;
    QString xmlUrl;
    QString htmlUrl;
    QString type;
    QString description;
    QStringList category;
    QList<OpmlOutline> children;

    // A folder groups outlines: it has children and is not itself a feed.
    [[nodiscard]] bool isFolder() const { return xmlUrl.isEmpty() && !children.isEmpty(); }
    [[nodiscard]] QString displayName() const { return title.isEmpty() ? text : title; }
};

// One feed subscription with the folders above it joined as "A/B".
struct FeedEntry
{
    QString xmlUrl;
    QString title;
    QString htmlUrl;
    QString folderPath;
};

class OpmlDocument final
{
    Q_DECLARE_TR_FUNCTIONS(OpmlDocument)

public:
    // Returns an empty document and sets *error (when given) if data is not usable OPML.
    [[nodiscard]] static OpmlDocument read(const QByteArray &data, QString *error);
    // OPML 2.0 in UTF-8; dateCreated is the current time when not set.
    [[nodiscard]] QByteArray write() const;
    // Every feed once, depth first; later outlines with an already seen xmlUrl are skipped and
    // their urls appended to skippedUrls.
    [[nodiscard]] QList<FeedEntry> feeds(QStringList *skippedUrls = nullptr) const;

    [[nodiscard]] QString version() const { return m_version; }
    [[nodiscard]] QString title() const { return m_title; }
    void setTitle(const QString &title) { m_title = title; }
    [[nodiscard]] QDateTime dateCreated() const { return m_dateCreated; }
    void setDateCreated(const QDateTime &dateCreated) { m_dateCreated = dateCreated; }
    [[nodiscard]] QList<OpmlOutline> outlines() const { return m_outlines; }
    void setOutlines(const QList<OpmlOutline> &outlines) { m_outlines = outlines; }

private:
    QString m_version = QStringLiteral("2.0");
    QString m_title;
    QDateTime m_dateCreated;
    QList<OpmlOutline> m_outlines;
};
