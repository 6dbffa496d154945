// Tests TranscriptParser: the three formats, their detection and override, and the glued forms
// of copied tweet lists (names glued to handles, "RT @a@b", "like#tag", non-breaking spaces).
#include "transcriptparser.h"

#include <QTest>

using Format = TranscriptParser::Format;

Q_DECLARE_METATYPE(TranscriptParser::Format)

namespace {

const QDate meetingDay(2024, 5, 1);

// "name|handle|text|repostOf" per message, for compact comparisons.
QStringList summary(const TranscriptParser::Result &result)
{
    QStringList lines;
    for (const TranscriptMessage &message : result.messages)
        lines << QStringList{message.name, message.handle, message.text, message.repostOf}.join(
            QLatin1Char('|'));
    return lines;
}

} // namespace

class tst_TranscriptParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detect_data();
    void detect();
    void tweets_data();
    void tweets();
    void issueExample();
    void retweets();
    void guessesAreReported();
    void zoom();
    void zoomTabSeparated();
    void lines();
    void formatOverride();
    void formatKeys();
};

void tst_TranscriptParser::detect_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Format>("format");

    QTest::newRow("issue example")
        << QStringLiteral("12. Ada Lovelaceadal\n@charlesb thanks for the #notes RT @mary_s: great")
        << Format::Tweets;
    QTest::newRow("tweets") << QStringLiteral("1. Ada Lovelace adal\nhi\n2. Bob bobs\nhello\n")
                            << Format::Tweets;
    QTest::newRow("zoom") << QStringLiteral(
        "10:00:01 From Ada Lovelace to Everyone: Hello\n10:00:09 From Bob to Everyone: Hi\n")
                          << Format::Zoom;
    QTest::newRow("zoom tabs") << QStringLiteral("00:01:02\tAda Lovelace:\tHello\n")
                               << Format::Zoom;
    QTest::newRow("lines") << QStringLiteral("Ada: hi\nBob: hello @ada\n") << Format::Lines;
    QTest::newRow("lines with times")
        << QStringLiteral("[10:01] Ada: hi\n[10:02] Bob: hello\n") << Format::Lines;
    QTest::newRow("prose") << QStringLiteral("Nothing here looks like a chat.\nReally.")
                           << Format::Unknown;
    QTest::newRow("empty") << QString() << Format::Unknown;
}

void tst_TranscriptParser::detect()
{
    QFETCH(QString, text);
    QFETCH(Format, format);
    QCOMPARE(TranscriptParser::detect(text), format);
}

void tst_TranscriptParser::tweets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("messages");

    const QChar nbsp(0x00A0);
    QTest::newRow("handles known from mentions")
        << QStringLiteral("1. Ada Lovelaceadal\nhello @charlesb\n2. Charles Babbagecharlesb\n"
                          "thanks @adal")
        << QStringList{QStringLiteral("Ada Lovelace|adal|hello @charlesb|"),
                       QStringLiteral("Charles Babbage|charlesb|thanks @adal|")};
    QTest::newRow("handle known from another entry")
        << QStringLiteral("1. Grace Hopper grace_h\nfirst\n2. Grace Hoppergrace_h\nsecond")
        << QStringList{QStringLiteral("Grace Hopper|grace_h|first|"),
                       QStringLiteral("Grace Hopper|grace_h|second|")};
    QTest::newRow("surname glued to a handle with an underscore")
        << QStringLiteral("14. Mary Smithmary_s\nhi @bob\n15. Bob Stone bob\nhey @mary_s")
        << QStringList{QStringLiteral("Mary Smith|mary_s|hi @bob|"),
                       QStringLiteral("Bob Stone|bob|hey @mary_s|")};
    QTest::newRow("explicit at sign and text on the same line")
        << QStringLiteral("3. Ada Lovelace @adal · 2h great talk\n4. Bob @bobs\nok")
        << QStringList{QStringLiteral("Ada Lovelace|adal|2h great talk|"),
                       QStringLiteral("Bob|bobs|ok|")};
    QTest::newRow("non-breaking spaces")
        << (QStringLiteral("1.") + nbsp + QStringLiteral("Ada") + nbsp + QStringLiteral("Lovelace")
            + nbsp + QStringLiteral("adal\nthanks") + nbsp + QStringLiteral("@bob"))
        << QStringList{QStringLiteral("Ada Lovelace|adal|thanks @bob|")};
    QTest::newRow("text over several lines")
        << QStringLiteral("1. Ada Lovelace adal\nline one\n\nline two\n2. Bob bobs\nx")
        << QStringList{QStringLiteral("Ada Lovelace|adal|line one\nline two|"),
                       QStringLiteral("Bob|bobs|x|")};
    QTest::newRow("numbered text inside an entry is text")
        << QStringLiteral("1. Ada Lovelace adal\nmy list:\n7. not an entry\n2. Bob bobs\nx")
        << QStringList{QStringLiteral("Ada Lovelace|adal|my list:\n7. not an entry|"),
                       QStringLiteral("Bob|bobs|x|")};
}

void tst_TranscriptParser::tweets()
{
    QFETCH(QString, text);
    QFETCH(QStringList, messages);
    const TranscriptParser::Result result = TranscriptParser::parse(text, Format::Tweets);
    QCOMPARE(result.format, Format::Tweets);
    QCOMPARE(summary(result), messages);
}

void tst_TranscriptParser::issueExample()
{
    const TranscriptParser::Result result = TranscriptParser::parse(
        QStringLiteral("12. Ada Lovelaceadal\n@charlesb thanks for the #notes RT @mary_s: great"));
    QCOMPARE(result.format, Format::Tweets);
    QCOMPARE(result.messages.size(), 1);
    const TranscriptMessage &message = result.messages.constFirst();
    QCOMPARE(message.line, 1);
    QCOMPARE(message.name, QStringLiteral("Ada Lovelace"));
    QCOMPARE(message.handle, QStringLiteral("adal"));
    QCOMPARE(message.text, QStringLiteral("@charlesb thanks for the #notes RT @mary_s: great"));
    // Quoting a retweet inside one's own words is no repost.
    QVERIFY(message.repostOf.isEmpty());
}

void tst_TranscriptParser::retweets()
{
    const TranscriptParser::Result result = TranscriptParser::parse(
        QStringLiteral("1. Bob Stone bobs\nRT @adal: original words\n2. Ada Lovelace adal\n"
                       "original words\n3. Carol King carolk\nRT @a@b: like#tag\n"));
    QCOMPARE(summary(result),
             (QStringList{QStringLiteral("Bob Stone|bobs|RT @adal: original words|adal"),
                          QStringLiteral("Ada Lovelace|adal|original words|"),
                          QStringLiteral("Carol King|carolk|RT @a@b: like#tag|a")}));
    QCOMPARE(result.messages.at(0).repostText, QStringLiteral("original words"));
    QCOMPARE(result.messages.at(2).repostText, QStringLiteral("@b: like#tag"));
}

void tst_TranscriptParser::guessesAreReported()
{
    const TranscriptParser::Result result = TranscriptParser::parse(
        QStringLiteral("1. Ada Lovelaceadal\nhello\n2. Someone\nhi\n3. Bob bobs\n\n"),
        Format::Tweets);
    QCOMPARE(summary(result),
             (QStringList{QStringLiteral("Ada Lovelace|adal|hello|"),
                          QStringLiteral("Someone||hi|")}));
    QCOMPARE(result.issues.size(), 3);
    QCOMPARE(result.issues.at(0).line, 1);
    QVERIFY(result.issues.at(0).message.contains(QStringLiteral("Guessed")));
    QCOMPARE(result.issues.at(1).line, 3);
    QVERIFY(result.issues.at(1).message.contains(QStringLiteral("No handle")));
    QCOMPARE(result.issues.at(2).line, 5);
    QVERIFY(result.issues.at(2).message.contains(QStringLiteral("without text")));
}

void tst_TranscriptParser::zoom()
{
    const TranscriptParser::Result result = TranscriptParser::parse(
        QStringLiteral("10:00:01 From Ada Lovelace to Everyone: Hello all\n"
                       "10:00:05 From Bob Stone to Ada Lovelace(Direct Message): secret\n"
                       "\tmore secret\n"
                       "10:01:00 From  Charles Babbage  to  Everyone: multi\n"
                       "\tline two @Ada\n"
                       "10:02:00 From Grace : older layout\n"),
        Format::Unknown,
        meetingDay);
    QCOMPARE(result.format, Format::Zoom);
    QCOMPARE(summary(result),
             (QStringList{QStringLiteral("Ada Lovelace||Hello all|"),
                          QStringLiteral("Charles Babbage||multi\nline two @Ada|"),
                          QStringLiteral("Grace||older layout|")}));
    QCOMPARE(result.messages.at(0).time, QDateTime(meetingDay, QTime(10, 0, 1), Qt::UTC));
    QCOMPARE(result.messages.at(1).line, 4);
    QCOMPARE(result.issues.size(), 1);
    QCOMPARE(result.issues.constFirst().line, 2);
    QVERIFY(result.issues.constFirst().message.contains(QStringLiteral("private")));
}

void tst_TranscriptParser::zoomTabSeparated()
{
    const QChar nbsp(0x00A0);
    const TranscriptParser::Result result
        = TranscriptParser::parse(QStringLiteral("00:01:02\tAda Lovelace:\tHello") + nbsp
                                      + QStringLiteral(
                                          "everyone\n00:01:10\tBob Stone:\tHi @Ada\n"
                                          "00:02:00\tFrom Carol to Everyone:\tlike#tag\n"),
                                  Format::Unknown,
                                  meetingDay);
    QCOMPARE(result.format, Format::Zoom);
    QCOMPARE(summary(result),
             (QStringList{QStringLiteral("Ada Lovelace||Hello everyone|"),
                          QStringLiteral("Bob Stone||Hi @Ada|"),
                          QStringLiteral("Carol||like#tag|")}));
    QCOMPARE(result.messages.at(1).time, QDateTime(meetingDay, QTime(0, 1, 10), Qt::UTC));
}

void tst_TranscriptParser::lines()
{
    const TranscriptParser::Result result
        = TranscriptParser::parse(QStringLiteral("preamble without a speaker\n"
                                                 "[10:01] Ada: hi, see https://example.org/x\n"
                                                 "Bob Stone: hello there\n"
                                                 "  continued\n"
                                                 "2024-05-02 10:03:00 Carol: bye\n"
                                                 "(2:05 PM) Dan: late\n"),
                                  Format::Lines,
                                  meetingDay);
    QCOMPARE(summary(result),
             (QStringList{QStringLiteral("Ada||hi, see https://example.org/x|"),
                          QStringLiteral("Bob Stone||hello there\ncontinued|"),
                          QStringLiteral("Carol||bye|"),
                          QStringLiteral("Dan||late|")}));
    QCOMPARE(result.messages.at(0).time, QDateTime(meetingDay, QTime(10, 1), Qt::UTC));
    QVERIFY(!result.messages.at(1).time.isValid());
    QCOMPARE(result.messages.at(2).time, QDateTime(QDate(2024, 5, 2), QTime(10, 3), Qt::UTC));
    QCOMPARE(result.messages.at(3).time, QDateTime(meetingDay, QTime(14, 5), Qt::UTC));
    QCOMPARE(result.issues.size(), 1);
    QCOMPARE(result.issues.constFirst().line, 1);
}

void tst_TranscriptParser::formatOverride()
{
    const QString text = QStringLiteral("1. Ada Lovelace adal\nnote: hi\n");
    QCOMPARE(TranscriptParser::detect(text), Format::Tweets);
    const TranscriptParser::Result asLines = TranscriptParser::parse(text, Format::Lines);
    QCOMPARE(asLines.format, Format::Lines);
    QCOMPARE(summary(asLines), QStringList{QStringLiteral("note||hi|")});
    const TranscriptParser::Result unknown = TranscriptParser::parse(QStringLiteral("just prose"));
    QCOMPARE(unknown.format, Format::Unknown);
    QVERIFY(unknown.messages.isEmpty());
    QCOMPARE(unknown.issues.size(), 1);
}

void tst_TranscriptParser::formatKeys()
{
    for (const Format format : {Format::Tweets, Format::Zoom, Format::Lines}) {
        QCOMPARE(TranscriptParser::formatFromKey(TranscriptParser::formatKey(format)), format);
        QVERIFY(!TranscriptParser::formatName(format).isEmpty());
    }
    QCOMPARE(TranscriptParser::formatFromKey(QStringLiteral("ZOOM")), Format::Zoom);
    QCOMPARE(TranscriptParser::formatFromKey(QStringLiteral("slack")), Format::Unknown);
}

QTEST_GUILESS_MAIN(tst_TranscriptParser)
#include "tst_transcriptparser.moc"
