// Tests TextExtractor: mentions, hashtags and links in the plain text of posts.
#include "textextractor.h"

#include <QTest>

class tst_TextExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extract_data();
    void extract();
    void normalize_data();
    void normalize();
};

void tst_TextExtractor::extract_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("mentions");
    QTest::addColumn<QStringList>("hashtags");
    QTest::addColumn<QStringList>("links");

    const QChar nbsp(0x00A0);
    const QChar narrowNbsp(0x202F);

    QTest::newRow("empty") << QString() << QStringList() << QStringList() << QStringList();
    QTest::newRow("plain") << QStringLiteral("Nothing to see here.") << QStringList()
                           << QStringList() << QStringList();
    QTest::newRow("mention at start")
        << QStringLiteral("@a thanks") << QStringList{QStringLiteral("a")} << QStringList()
        << QStringList();
    QTest::newRow("glued mentions")
        << QStringLiteral("RT @a@b: hi") << QStringList{QStringLiteral("a"), QStringLiteral("b")}
        << QStringList() << QStringList();
    QTest::newRow("mention before punctuation")
        << QStringLiteral("Thanks @ada_l. And (@grace_h), @bob!")
        << QStringList{QStringLiteral("ada_l"), QStringLiteral("grace_h"), QStringLiteral("bob")}
        << QStringList() << QStringList();
    QTest::newRow("dotted handle")
        << QStringLiteral("ping @ada.lovelace please")
        << QStringList{QStringLiteral("ada.lovelace")} << QStringList() << QStringList();
    QTest::newRow("duplicate mentions")
        << QStringLiteral("@Ada and @ada and @ADA") << QStringList{QStringLiteral("Ada")}
        << QStringList() << QStringList();
    QTest::newRow("e-mail is no mention") << QStringLiteral("mail ada@example.org") << QStringList()
                                          << QStringList() << QStringList();
    QTest::newRow("e-mail next to a mention")
        << QStringLiteral("@bob wrote to ada@example.org") << QStringList{QStringLiteral("bob")}
        << QStringList() << QStringList();
    QTest::newRow("non-breaking spaces")
        << (QStringLiteral("thanks") + nbsp + QStringLiteral("@ada") + nbsp + QStringLiteral("and")
            + narrowNbsp + QStringLiteral("@bob") + nbsp + QStringLiteral("#Wins"))
        << QStringList{QStringLiteral("ada"), QStringLiteral("bob")}
        << QStringList{QStringLiteral("Wins")} << QStringList();
    QTest::newRow("glued hashtag, case-insensitive duplicates")
        << QStringLiteral("like#tag and #Tag again") << QStringList()
        << QStringList{QStringLiteral("tag")} << QStringList();
    QTest::newRow("several hashtags in order")
        << QStringLiteral("#meetup then #onboarding, #metrics.") << QStringList()
        << QStringList{QStringLiteral("meetup"),
                       QStringLiteral("onboarding"),
                       QStringLiteral("metrics")}
        << QStringList();
    QTest::newRow("non-ASCII hashtags")
        << QStringLiteral("Rendez-vous au #café, puis #Über und #東京") << QStringList()
        << QStringList{QStringLiteral("café"), QStringLiteral("Über"), QStringLiteral("東京")}
        << QStringList();
    QTest::newRow("number is no hashtag")
        << QStringLiteral("#123") << QStringList() << QStringList() << QStringList();
    QTest::newRow("issue numbers and tags")
        << QStringLiteral("see #42 and #v2 and #2024plans") << QStringList()
        << QStringList{QStringLiteral("v2"), QStringLiteral("2024plans")} << QStringList();
    QTest::newRow("link with trailing punctuation")
        << QStringLiteral("Read https://example.org/guide. Or (https://example.org/faq), or "
                          "www.example.com/a?b=1!")
        << QStringList() << QStringList()
        << QStringList{QStringLiteral("https://example.org/guide"),
                       QStringLiteral("https://example.org/faq"),
                       QStringLiteral("www.example.com/a?b=1")};
    QTest::newRow("fragment and handle inside links")
        << QStringLiteral("https://example.org/page#section and https://social.example/@ada")
        << QStringList() << QStringList()
        << QStringList{QStringLiteral("https://example.org/page#section"),
                       QStringLiteral("https://social.example/@ada")};
    QTest::newRow("duplicate links")
        << QStringLiteral("http://a.example/x http://a.example/x.") << QStringList()
        << QStringList() << QStringList{QStringLiteral("http://a.example/x")};
    QTest::newRow("issue example")
        << QStringLiteral("@charlesb thanks for the #notes RT @mary_s: great")
        << QStringList{QStringLiteral("charlesb"), QStringLiteral("mary_s")}
        << QStringList{QStringLiteral("notes")} << QStringList();
    QTest::newRow("retweet glued to RT")
        << QStringLiteral("RT@ada: hello") << QStringList{QStringLiteral("ada")} << QStringList()
        << QStringList();
    QTest::newRow("three glued mentions")
        << QStringLiteral("RT @a@b@c_d: hi")
        << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c_d")}
        << QStringList() << QStringList();
    QTest::newRow("mention glued to a word")
        << QStringLiteral("thanks@bob for it") << QStringList{QStringLiteral("bob")}
        << QStringList() << QStringList();
    QTest::newRow("hashtag and mention glued")
        << QStringLiteral("#tag@ada and @bob#wins")
        << QStringList{QStringLiteral("ada"), QStringLiteral("bob")}
        << QStringList{QStringLiteral("tag"), QStringLiteral("wins")} << QStringList();
    QTest::newRow("glued hashtags")
        << QStringLiteral("like#tag#more") << QStringList()
        << QStringList{QStringLiteral("tag"), QStringLiteral("more")} << QStringList();
    QTest::newRow("e-mail with subdomain")
        << QStringLiteral("write to first.last@mail.example.co.uk") << QStringList()
        << QStringList() << QStringList();
    QTest::newRow("e-mail with a hyphenated domain")
        << QStringLiteral("ada@example-site.org and @bob") << QStringList{QStringLiteral("bob")}
        << QStringList() << QStringList();
    QTest::newRow("retweet with non-breaking spaces")
        << (QStringLiteral("RT") + nbsp + QStringLiteral("@a@b:") + nbsp
            + QStringLiteral("like#tag"))
        << QStringList{QStringLiteral("a"), QStringLiteral("b")}
        << QStringList{QStringLiteral("tag")} << QStringList();
    QTest::newRow("zero-width space")
        << (QStringLiteral("hi") + QChar(0x200B) + QStringLiteral("@ada"))
        << QStringList{QStringLiteral("ada")} << QStringList() << QStringList();
    QTest::newRow("everything") << QStringLiteral(
        "@ada: slides at https://example.org/s #meetup cc @bob")
                                << QStringList{QStringLiteral("ada"), QStringLiteral("bob")}
                                << QStringList{QStringLiteral("meetup")}
                                << QStringList{QStringLiteral("https://example.org/s")};
}

void tst_TextExtractor::extract()
{
    QFETCH(QString, text);
    QFETCH(QStringList, mentions);
    QFETCH(QStringList, hashtags);
    QFETCH(QStringList, links);

    const TextExtractor::Result result = TextExtractor::extract(text);
    QCOMPARE(result.mentions, mentions);
    QCOMPARE(result.hashtags, hashtags);
    QCOMPARE(result.links, links);
}

void tst_TextExtractor::normalize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("handle");
    QTest::addColumn<QString>("tag");

    QTest::newRow("plain") << QStringLiteral("ada") << QStringLiteral("ada")
                           << QStringLiteral("ada");
    QTest::newRow("prefixes and case")
        << QStringLiteral(" @Ada ") << QStringLiteral("ada") << QStringLiteral("@ada");
    QTest::newRow("hash") << QStringLiteral("#Meetup") << QStringLiteral("#meetup")
                          << QStringLiteral("meetup");
    QTest::newRow("case folding") << QStringLiteral("STRASSE") << QStringLiteral("strasse")
                                  << QStringLiteral("strasse");
    QTest::newRow("non-ASCII") << QStringLiteral("#Über") << QStringLiteral("#über")
                               << QStringLiteral("über");
}

void tst_TextExtractor::normalize()
{
    QFETCH(QString, input);
    QFETCH(QString, handle);
    QFETCH(QString, tag);

    QCOMPARE(TextExtractor::normalizeHandle(input), handle);
    QCOMPARE(TextExtractor::normalizeTag(input), tag);
}

QTEST_GUILESS_MAIN(tst_TextExtractor)
#include "tst_textextractor.moc"
