// Merges and deletions of members that can be undone, also after a restart: each one writes a
// journal entry in the database with exactly what it moved or removed, and undo() plays it back.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

class MemberJournal final
{
    Q_DECLARE_TR_FUNCTIONS(MemberJournal)

public:
    struct Entry
    {
        qint64 id = 0;
        QString action; // "merge" or "delete"
        qint64 keptMemberId = 0;
        QDateTime created;
        QList<qint64> memberIds; // the members that were folded in or deleted
        QStringList names;
    };

    struct MergeResult
    {
        qint64 journalId = 0;
        int identities = 0;
        int posts = 0;
        int mentions = 0;
        int tags = 0;
    };

    explicit MemberJournal(QString connectionName);

    // Moves the identities, posts, mentions, tags (and assessor links) of others to keep and
    // removes the others, in one transaction; keep's figures and engagement are recomputed.
    // Throws StorageError for unknown members or keep among others.
    MergeResult merge(qint64 keep, const QList<qint64> &others);
    // Deletes members in one transaction; their posts stay without an author.
    qint64 remove(const QList<qint64> &memberIds);
    // Puts back what the entry moved or removed and forgets the entry. Throws StorageError when
    // the entry is gone or a later change (a merge of the kept member) must be undone first.
    void undo(qint64 journalId);

    // The most recent entries first.
    [[nodiscard]] QList<Entry> entries(int limit = 50) const;
    // Forgets the entries that hold anything of this member (before its personal data is erased).
    void forgetMember(qint64 memberId);

private:
    qint64 begin(const QString &action, qint64 keep, const QList<qint64> &memberIds);
    // Records the rows of table whose column points at one of memberIds as moves of item.
    int recordMoves(qint64 journalId,
                    const QString &item,
                    const QString &table,
                    const QString &column,
                    const QList<qint64> &memberIds);
    void forget(qint64 journalId);
    // The discussions these members wrote in.
    [[nodiscard]] QSet<qint64> discussionsOf(const QList<qint64> &memberIds) const;

    QString m_connectionName;
};
