// Edits of members by hand: add, change name and e-mail, tag and untag many at once, and erase a
// member's personal data. Each edit is one transaction; the undo commands call the inverse.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class MemberEditor final
{
    Q_DECLARE_TR_FUNCTIONS(MemberEditor)

public:
    struct Fields
    {
        QString name;
        QString email;
        // When adding: a handle of the member on a source (made when it does not exist yet).
        QString source = {};
        QString handle = {};
    };

    struct Tagging
    {
        QList<qint64> members; // those that did not have the tag yet
        bool createdTag = false;
    };

    enum class ErasePosts { KeepAsDeletedMember, Remove };

    struct EraseResult
    {
        int identities = 0;
        int postsRemoved = 0;
    };

    explicit MemberEditor(QString connectionName);

    // A new member (with this id when reuseId > 0, as redo does), with its handle on a source
    // when given; returns its id. Mentions of that handle on that source made before now point
    // at the new member. Throws StorageError when another member has the handle there.
    qint64 addMember(const Fields &fields, qint64 reuseId = 0);
    // The names of the sources, for choosing one.
    [[nodiscard]] QStringList sourceNames() const;
    // Removes a member added by hand (undo of addMember).
    void removeAddedMember(qint64 memberId);
    // Saves name and e-mail over expectedVersion and returns the new row version; throws
    // ConcurrentChangeError when someone else saved the member in between.
    qint64 updateFields(qint64 memberId, const Fields &fields, qint64 expectedVersion);
    [[nodiscard]] qint64 rowVersion(qint64 memberId) const;

    // Tags the members; returns those that did not have the tag yet and whether the tag is new
    // (what undo takes away).
    Tagging addTag(const QList<qint64> &memberIds, const QString &tag);
    // Untags the members; returns those that had the tag (what undo gives back). dropTag also
    // removes the tag itself when nothing uses it any more (undo of a tagging that created it).
    QList<qint64> removeTag(const QList<qint64> &memberIds,
                            const QString &tag,
                            bool dropTag = false);

    // Removes the member's identities, e-mail, notes and tags and names it "Deleted member"; its
    // posts stay with that name or are removed. Also forgets journal entries that hold its data.
    EraseResult erase(qint64 memberId, ErasePosts posts);

    [[nodiscard]] static QString validate(const Fields &fields);

private:
    void addHandle(qint64 memberId,
                   const QString &source,
                   const QString &written,
                   const QString &displayName,
                   qint64 now);
    // The tag's id (0 when it does not exist and create is false); *created tells whether it was
    // made now.
    qint64 tagId(const QString &tag, bool create, bool *created = nullptr);

    QString m_connectionName;
};
