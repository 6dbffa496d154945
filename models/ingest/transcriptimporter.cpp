// Message ids from the content (a re-import matches), and retweets placed after their original.
#include "transcriptimporter.h"

#include "communitywriter.h"
#include "textextractor.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSet>

#include <functional>

namespace {

QString contentId(const QStringList &parts)
{
    const QByteArray hash = QCryptographicHash::hash(parts.join(QChar(0x1F)).toUtf8(),
                                                     QCryptographicHash::Sha1);
    return QString::fromLatin1(hash.toHex().left(20));
}

} // namespace

QString TranscriptImporter::defaultSourceName(TranscriptParser::Format format)
{
    switch (format) {
    case TranscriptParser::Format::Tweets:
        return QStringLiteral("twitter");
    case TranscriptParser::Format::Zoom:
        return QStringLiteral("zoom");
    case TranscriptParser::Format::Lines:
    case TranscriptParser::Format::Unknown:
        break;
    }
    return QStringLiteral("chat");
}

ImportBatch TranscriptImporter::batch(const TranscriptParser::Result &transcript,
                                      const Options &options)
{
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("transcript");
    batch.sourceName = options.sourceName.isEmpty() ? defaultSourceName(transcript.format)
                                                    : options.sourceName;
    ImportDiscussion discussion;
    discussion.title = options.title.trimmed().isEmpty() ? tr("Transcript")
                                                         : options.title.trimmed();
    discussion.externalId = discussion.title;
    const QDateTime start = options.start.isValid() ? options.start.toUTC()
                                                    : QDateTime::currentDateTimeUtc();

    QList<ImportPost> posts;
    QSet<QString> ids;
    for (qsizetype i = 0; i < transcript.messages.size(); ++i) {
        const TranscriptMessage &message = transcript.messages.at(i);
        ImportPost post;
        post.author.displayName = message.name;
        post.author.handle = message.handle;
        post.created = message.time.isValid() ? message.time : start.addSecs(i);
        post.text = message.text;
        const QString base = contentId({message.name,
                                        message.handle,
                                        message.text,
                                        QString::number(post.created.toSecsSinceEpoch())});
        // The same words from the same person at the same second are still two messages.
        post.externalId = base;
        for (int n = 2; ids.contains(post.externalId); ++n)
            post.externalId = base + QLatin1Char('-') + QString::number(n);
        ids.insert(post.externalId);
        posts.append(post);
    }

    // A retweet replies to the post it repeats: the one in the transcript when it is there,
    // else one made for its author from the repeated text.
    QHash<qsizetype, qsizetype> parentOf; // post index -> original's index
    for (qsizetype i = 0; i < transcript.messages.size(); ++i) {
        const TranscriptMessage &message = transcript.messages.at(i);
        if (message.repostOf.isEmpty())
            continue;
        const QString handle = TextExtractor::normalizeHandle(message.repostOf);
        qsizetype original = -1;
        for (qsizetype j = 0; j < transcript.messages.size(); ++j) {
            const TranscriptMessage &other = transcript.messages.at(j);
            if (j != i && TextExtractor::normalizeHandle(other.handle) == handle
                && other.text.trimmed() == message.repostText) {
                original = j;
                break;
            }
        }
        if (original < 0) {
            const QString id = QStringLiteral("rt-") + contentId({handle, message.repostText});
            bool known = false;
            for (qsizetype j = transcript.messages.size(); j < posts.size(); ++j) {
                if (posts.at(j).externalId == id) {
                    original = j;
                    known = true;
                    break;
                }
            }
            if (!known) {
                ImportPost repeated;
                repeated.externalId = id;
                repeated.author.handle = message.repostOf;
                repeated.created = posts.at(i).created.addSecs(-1);
                repeated.text = message.repostText;
                original = posts.size();
                posts.append(repeated);
            }
        }
        posts[i].parentExternalId = posts.at(original).externalId;
        parentOf.insert(i, original);
    }

    // Originals go before their retweets (a list of tweets is often newest first).
    QList<bool> written(posts.size(), false);
    // Each post is marked before its original is placed, so a cycle of retweets cannot loop.
    std::function<void(qsizetype)> place = [&](qsizetype index) {
        if (written.at(index))
            return;
        written[index] = true;
        const auto parent = parentOf.constFind(index);
        if (parent != parentOf.constEnd())
            place(parent.value());
        discussion.posts.append(posts.at(index));
    };
    for (qsizetype i = 0; i < posts.size(); ++i)
        place(i);
    discussion.created = discussion.posts.isEmpty() ? start : discussion.posts.constFirst().created;
    batch.discussions.append(discussion);
    return batch;
}

WriteSummary TranscriptImporter::import(const QString &connectionName,
                                        ImportBatch batch,
                                        const std::function<bool(qint64, qint64)> &progress)
{
    batch.sourceKind = CommunityWriter::sourceKindFor(connectionName,
                                                      batch.sourceName,
                                                      batch.sourceKind);
    return CommunityWriter(connectionName).write(batch, progress);
}
