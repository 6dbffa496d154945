// A parsed transcript becomes one discussion with the posts of its members; retweets become
// replies to the post they repeat.
#pragma once

#include "importbatch.h"
#include "transcriptparser.h"

#include <QCoreApplication>

#include <functional>

class TranscriptImporter final
{
    Q_DECLARE_TR_FUNCTIONS(TranscriptImporter)

public:
    struct Options
    {
        QString title;      // the discussion's title
        QString sourceName; // empty: the format's own ("twitter", "zoom", "chat")
        QDateTime start;    // messages without a time follow it a second apart; invalid: now
    };

    [[nodiscard]] static QString defaultSourceName(TranscriptParser::Format format);

    // The batch to hand to CommunityWriter. Its source kind is "transcript"; import() keeps the
    // kind of a source that already has the name.
    [[nodiscard]] static ImportBatch batch(const TranscriptParser::Result &transcript,
                                           const Options &options);

    // Writes the batch in one transaction. Throws StorageError; OperationCancelled when progress
    // returns false (nothing is stored then).
    static WriteSummary import(const QString &connectionName,
                               ImportBatch batch,
                               const std::function<bool(qint64, qint64)> &progress = {});
};
