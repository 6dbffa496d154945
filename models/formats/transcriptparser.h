// Reads pasted or saved chat transcripts: a numbered list of tweets copied from a web page, a
// Zoom meeting chat, or plain "Name: text" lines. Detects which one it is unless told.
#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

struct TranscriptMessage
{
    int line = 0;       // where the message starts (1-based)
    QString name;       // display name as written
    QString handle;     // without '@', when the format shows handles
    QDateTime time;     // invalid when the transcript gives none
    QString text;       // non-breaking spaces made plain
    QString repostOf;   // the handle whose post this repeats ("RT @handle: ..."), or empty
    QString repostText; // the repeated text
};

struct TranscriptIssue
{
    int line = 0;
    QString message;
};

class TranscriptParser final
{
    Q_DECLARE_TR_FUNCTIONS(TranscriptParser)

public:
    enum class Format { Unknown, Tweets, Zoom, Lines };

    struct Result
    {
        Format format = Format::Unknown;
        QList<TranscriptMessage> messages;
        QList<TranscriptIssue> issues; // lines that were skipped or guessed at
    };

    // Parses text in the given format, or in the detected one for Format::Unknown. Times of day
    // fall on date (today when invalid), in UTC.
    [[nodiscard]] static Result parse(const QString &text,
                                      Format format = Format::Unknown,
                                      QDate date = {});
    [[nodiscard]] static Format detect(const QString &text);

    // "tweets", "zoom", "lines"; and back (Unknown for anything else).
    [[nodiscard]] static QString formatKey(Format format);
    [[nodiscard]] static Format formatFromKey(const QString &key);
    // The format's name for people.
    [[nodiscard]] static QString formatName(Format format);

private:
    static void parseTweets(const QStringList &lines, Result *result);
    static void parseZoom(const QStringList &lines, QDate date, Result *result);
    static void parseLines(const QStringList &lines, QDate date, Result *result);
};
