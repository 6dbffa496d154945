// Tests CommunityExporter on both backends: the members and posts CSV columns, everything about
// one member as JSON, and files replaced only by complete ones.
#include "communityexporter.h"
#include "communitywriter.h"
#include "csvreader.h"
#include "sqlquery.h"
#include "storageerror.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

namespace {

QDateTime at(int minutes)
{
    return QDateTime(QDate(2024, 5, 1), QTime(10, 0), QTimeZone::utc()).addSecs(minutes * 60);
}

ImportPost post(const QString &id,
                const QString &parent,
                const ImportAuthor &by,
                int minutes,
                const QString &text)
{
    ImportPost p;
    p.externalId = id;
    p.parentExternalId = parent;
    p.author = by;
    p.created = at(minutes);
    p.text = text;
    return p;
}

QList<QStringList> records(const QByteArray &csv)
{
    CsvReader reader(csv);
    QList<QStringList> result;
    QStringList record;
    while (reader.readRecord(&record))
        result << record;
    return result;
}

} // namespace

class tst_CommunityExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void membersCsv();
    void postsCsv();
    void memberJson();
    void unknownMember();
    void saveFileKeepsOldFileOnCancel();
    void cancelWhileWriting();

private:
    std::unique_ptr<TestDatabase> m_db;
    qint64 m_adaId = 0;
};

void tst_CommunityExporter::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    const ImportAuthor ada{QStringLiteral("Ada, \"the\" Countess"),
                           QStringLiteral("ada"),
                           QStringLiteral("ada@example.org"),
                           {}};
    const ImportAuthor bob{QStringLiteral("Bob"), QStringLiteral("bob"), {}, {}};
    ImportBatch batch;
    batch.sourceKind = QStringLiteral("forum");
    batch.sourceName = QStringLiteral("forum");
    ImportMember adaMember{ada,
                           {QStringLiteral("speaker"), QStringLiteral("core")},
                           QStringLiteral("Met at the meetup"),
                           {}};
    adaMember.otherHandles = {{QStringLiteral("twitter"), QStringLiteral("adal")}};
    batch.members = {adaMember};
    ImportDiscussion discussion;
    discussion.externalId = QStringLiteral("t1");
    discussion.title = QStringLiteral("Welcome, all");
    discussion.posts = {
        post(QStringLiteral("p1"), {}, ada, 0, QStringLiteral("Hello @bob #intro")),
        post(QStringLiteral("p2"), QStringLiteral("p1"), bob, 5, QStringLiteral("Hi @ada,\nthanks")),
        post(QStringLiteral("p3"), QStringLiteral("p2"), ada, 9, QStringLiteral("ok"))};
    batch.discussions = {discussion};
    CommunityWriter(m_db->connectionName()).write(batch);
    m_adaId = m_db->scalar(QStringLiteral("SELECT id FROM members WHERE email = ?"),
                           {QStringLiteral("ada@example.org")})
                  .toLongLong();
    QVERIFY(m_adaId > 0);
}

void tst_CommunityExporter::cleanup()
{
    m_db.reset();
}

void tst_CommunityExporter::membersCsv()
{
    // Levels are written as stable English words, whatever the app's language.
    SqlQuery level(m_db->connectionName(),
                   QStringLiteral("UPDATE members SET engagement_level = 3 WHERE id = ?"));
    level.bind(m_adaId).exec();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QCOMPARE(CommunityExporter(m_db->connectionName()).writeMembersCsv(&buffer), 2);
    QVERIFY(buffer.data().startsWith("id,name,handles,email,tags,posts,replies_given,"
                                     "replies_received,mentions_received,first_seen,last_seen,"
                                     "level\r\n"));
    const QList<QStringList> rows = records(buffer.data());
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0), CommunityExporter::memberColumns());
    const QStringList ada = rows.at(1);
    QCOMPARE(ada,
             (QStringList{QString::number(m_adaId),
                          QStringLiteral("Ada, \"the\" Countess"),
                          QStringLiteral("forum:ada;twitter:adal"),
                          QStringLiteral("ada@example.org"),
                          QStringLiteral("core;speaker"),
                          QStringLiteral("2"),
                          QStringLiteral("1"),
                          QStringLiteral("1"),
                          QStringLiteral("1"),
                          QStringLiteral("2024-05-01T10:00:00Z"),
                          QStringLiteral("2024-05-01T10:09:00Z"),
                          QStringLiteral("contributing")}));
    QCOMPARE(rows.at(2).at(1), QStringLiteral("Bob"));
    QCOMPARE(rows.at(2).at(11), QStringLiteral("inactive"));
    QCOMPARE(rows.at(2).at(2), QStringLiteral("forum:bob"));
    QCOMPARE(rows.at(2).at(3), QString());
}

void tst_CommunityExporter::postsCsv()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QCOMPARE(CommunityExporter(m_db->connectionName()).writePostsCsv(&buffer), 3);
    const QList<QStringList> rows = records(buffer.data());
    QCOMPARE(rows.at(0), CommunityExporter::postColumns());
    QCOMPARE(rows.at(1),
             (QStringList{QStringLiteral("p1"),
                          QStringLiteral("forum"),
                          QStringLiteral("t1"),
                          QStringLiteral("Welcome, all"),
                          QStringLiteral("Ada, \"the\" Countess (@ada)"),
                          QStringLiteral("2024-05-01T10:00:00Z"),
                          QStringLiteral("Hello @bob #intro"),
                          QString()}));
    QCOMPARE(rows.at(2).at(4), QStringLiteral("Bob (@bob)"));
    QCOMPARE(rows.at(2).at(6), QStringLiteral("Hi @ada,\nthanks"));
    QCOMPARE(rows.at(2).at(7), QStringLiteral("p1"));
    QCOMPARE(rows.at(3).at(7), QStringLiteral("p2"));
}

void tst_CommunityExporter::memberJson()
{
    const QJsonObject json = CommunityExporter(m_db->connectionName()).memberJson(m_adaId);
    QCOMPARE(json.value(QStringLiteral("id")).toInteger(), m_adaId);
    QCOMPARE(json.value(QStringLiteral("name")).toString(), QStringLiteral("Ada, \"the\" Countess"));
    QCOMPARE(json.value(QStringLiteral("email")).toString(), QStringLiteral("ada@example.org"));
    QCOMPARE(json.value(QStringLiteral("notes")).toString(), QStringLiteral("Met at the meetup"));
    QCOMPARE(json.value(QStringLiteral("tags")).toArray(),
             (QJsonArray{QStringLiteral("core"), QStringLiteral("speaker")}));
    QCOMPARE(json.value(QStringLiteral("first_seen")).toString(),
             QStringLiteral("2024-05-01T10:00:00Z"));

    QStringList identities;
    for (const QJsonValue &value : json.value(QStringLiteral("identities")).toArray()) {
        const QJsonObject identity = value.toObject();
        identities << identity.value(QStringLiteral("source")).toString() + QLatin1Char('/')
                          + identity.value(QStringLiteral("kind")).toString() + QLatin1Char('/')
                          + identity.value(QStringLiteral("value")).toString();
    }
    identities.sort();
    QCOMPARE(identities,
             (QStringList{QStringLiteral("forum/email/ada@example.org"),
                          QStringLiteral("forum/handle/ada"),
                          QStringLiteral("twitter/handle/adal")}));

    const QJsonArray posts = json.value(QStringLiteral("posts")).toArray();
    QCOMPARE(posts.size(), 2);
    const QJsonObject first = posts.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("text")).toString(), QStringLiteral("Hello @bob #intro"));
    QCOMPARE(first.value(QStringLiteral("discussion"))
                 .toObject()
                 .value(QStringLiteral("title"))
                 .toString(),
             QStringLiteral("Welcome, all"));
    QVERIFY(first.value(QStringLiteral("parent_id")).isNull());
    QVERIFY(!posts.at(1).toObject().value(QStringLiteral("parent_id")).isNull());

    const QJsonArray mentions = json.value(QStringLiteral("mentions")).toArray();
    QCOMPARE(mentions.size(), 1);
    QCOMPARE(mentions.at(0).toObject().value(QStringLiteral("author")).toString(),
             QStringLiteral("Bob"));
    QCOMPARE(mentions.at(0).toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("Hi @ada,\nthanks"));
}

void tst_CommunityExporter::unknownMember()
{
    QVERIFY_THROWS_EXCEPTION(StorageError,
                             CommunityExporter(m_db->connectionName()).memberJson(m_adaId + 1000));
}

void tst_CommunityExporter::saveFileKeepsOldFileOnCancel()
{
    const QString path = m_db->dirPath() + QStringLiteral("/members.csv");
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old contents\n");
    }
    const CommunityExporter exporter(m_db->connectionName());
    QVERIFY_THROWS_EXCEPTION(OperationCancelled,
                             CommunityExporter::saveFile(path, [&](QIODevice *device) {
                                 device->write("partial");
                                 throw OperationCancelled();
                                 return qint64(0);
                             }));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("old contents\n"));
    file.close();

    QCOMPARE(CommunityExporter::saveFile(path,
                                         [&](QIODevice *device) {
                                             return exporter.writeMembersCsv(device);
                                         }),
             2);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("id,name,handles"));

    QVERIFY_THROWS_EXCEPTION(StorageError,
                             CommunityExporter::saveFile(m_db->dirPath()
                                                             + QStringLiteral("/no/such/dir/x.csv"),
                                                         [&](QIODevice *device) {
                                                             return exporter.writeMembersCsv(device);
                                                         }));
}

void tst_CommunityExporter::cancelWhileWriting()
{
    QVERIFY2(m_db->fillDemo(TestDatabase::demoOptions()), qPrintable(m_db->errorString()));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    qint64 calls = 0;
    QVERIFY_THROWS_EXCEPTION(OperationCancelled,
                             CommunityExporter(m_db->connectionName())
                                 .writePostsCsv(&buffer, [&](qint64 done, qint64 total) {
                                     ++calls;
                                     return done > total;
                                 }));
    QCOMPARE(calls, 1);
}

QTEST_GUILESS_MAIN(tst_CommunityExporter)
#include "tst_communityexporter.moc"
