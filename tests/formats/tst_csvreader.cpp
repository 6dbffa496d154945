// Tests CsvReader: RFC 4180 quoting, line ends, encodings, delimiters, and refusals with line
// numbers for input that is no CSV.
#include "csvreader.h"

#include <QStringEncoder>
#include <QTest>

using Records = QList<QStringList>;

namespace {

QByteArray utf16(const QString &text, QStringConverter::Encoding encoding)
{
    QStringEncoder encoder(encoding, QStringConverter::Flag::WriteBom);
    return encoder.encode(text);
}

Records readAll(CsvReader &reader)
{
    Records records;
    QStringList record;
    while (reader.readRecord(&record))
        records << record;
    return records;
}

} // namespace

class tst_CsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void records_data();
    void records();
    void errors_data();
    void errors();
    void recordLines();
    void defaultLimitStopsEnormousLines();
    void readsInChunks();
    void forcedDelimiter();
    void decodeText_data();
    void decodeText();
};

void tst_CsvReader::records_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Records>("expected");
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<QString>("encoding");

    const QString comma = QStringLiteral(",");
    const QString utf8 = QStringLiteral("UTF-8");
    QTest::newRow("simple CRLF") << QByteArray("a,b\r\n1,2\r\n")
                                 << Records{{QStringLiteral("a"), QStringLiteral("b")},
                                            {QStringLiteral("1"), QStringLiteral("2")}}
                                 << comma << utf8;
    QTest::newRow("no final line end") << QByteArray("a,b\n1,2")
                                       << Records{{QStringLiteral("a"), QStringLiteral("b")},
                                                  {QStringLiteral("1"), QStringLiteral("2")}}
                                       << comma << utf8;
    QTest::newRow("lone CR line ends") << QByteArray("a,b\r1,2\r")
                                       << Records{{QStringLiteral("a"), QStringLiteral("b")},
                                                  {QStringLiteral("1"), QStringLiteral("2")}}
                                       << comma << utf8;
    QTest::newRow("quoted delimiter")
        << QByteArray("\"a,b\",c\n") << Records{{QStringLiteral("a,b"), QStringLiteral("c")}}
        << comma << utf8;
    QTest::newRow("doubled quotes")
        << QByteArray("\"say \"\"hi\"\"\",x\n")
        << Records{{QStringLiteral("say \"hi\""), QStringLiteral("x")}} << comma << utf8;
    QTest::newRow("quoted CRLF newline")
        << QByteArray("\"line1\r\nline2\",x\r\ny,z\r\n")
        << Records{{QStringLiteral("line1\r\nline2"), QStringLiteral("x")},
                   {QStringLiteral("y"), QStringLiteral("z")}}
        << comma << utf8;
    QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n")
                                  << Records{{QStringLiteral("a"),
                                              QStringLiteral("b"),
                                              QStringLiteral("c")},
                                             {QString(), QString(), QString()}}
                                  << comma << utf8;
    QTest::newRow("empty quoted field")
        << QByteArray("\"\",x\n") << Records{{QString(), QStringLiteral("x")}} << comma << utf8;
    QTest::newRow("blank lines are no records")
        << QByteArray("a\n\n\nb\n") << Records{{QStringLiteral("a")}, {QStringLiteral("b")}}
        << comma << utf8;
    QTest::newRow("quote inside a plain field stays")
        << QByteArray("ab\"c,d\n") << Records{{QStringLiteral("ab\"c"), QStringLiteral("d")}}
        << comma << utf8;
    QTest::newRow("semicolons") << QByteArray("name;note\nAda;one, two\nBob;three, four\n")
                                << Records{{QStringLiteral("name"), QStringLiteral("note")},
                                           {QStringLiteral("Ada"), QStringLiteral("one, two")},
                                           {QStringLiteral("Bob"), QStringLiteral("three, four")}}
                                << QStringLiteral(";") << utf8;
    QTest::newRow("tabs") << QByteArray("a\tb\n1\t2,5\n")
                          << Records{{QStringLiteral("a"), QStringLiteral("b")},
                                     {QStringLiteral("1"), QStringLiteral("2,5")}}
                          << QStringLiteral("\t") << utf8;
    QTest::newRow("UTF-8 with BOM")
        << QByteArray("\xEF\xBB\xBFname\n\xC3\x84"
                      "da\n")
        << Records{{QStringLiteral("name")}, {QStringLiteral("Äda")}} << comma << utf8;
    QTest::newRow("UTF-8 without BOM")
        << QByteArray("name\nJos\xC3\xA9,\xE6\x9D\xB1\xE4\xBA\xAC\n")
        << Records{{QStringLiteral("name")}, {QStringLiteral("José"), QStringLiteral("東京")}}
        << comma << utf8;
    QTest::newRow("UTF-16LE with BOM")
        << utf16(QStringLiteral("name,city\r\nJosé,東京\r\n"), QStringConverter::Utf16LE)
        << Records{{QStringLiteral("name"), QStringLiteral("city")},
                   {QStringLiteral("José"), QStringLiteral("東京")}}
        << comma << QStringLiteral("UTF-16LE");
    QTest::newRow("UTF-16BE with BOM")
        << utf16(QStringLiteral("a;b\n\"x;y\";Ü\n"), QStringConverter::Utf16BE)
        << Records{{QStringLiteral("a"), QStringLiteral("b")},
                   {QStringLiteral("x;y"), QStringLiteral("Ü")}}
        << QStringLiteral(";") << QStringLiteral("UTF-16BE");
    QTest::newRow("Windows-1252") << QByteArray(
        "name,note\nJos\xE9 M\xFCller,\x93quoted\x94 text\n")
                                  << Records{{QStringLiteral("name"), QStringLiteral("note")},
                                             {QStringLiteral("José Müller"),
                                              QString(QChar(0x201C)) + QStringLiteral("quoted")
                                                  + QChar(0x201D) + QStringLiteral(" text")}}
                                  << comma << QStringLiteral("Windows-1252");
}

void tst_CsvReader::records()
{
    QFETCH(QByteArray, input);
    QFETCH(Records, expected);
    QFETCH(QString, delimiter);
    QFETCH(QString, encoding);

    CsvReader reader(input);
    QVERIFY2(reader.open(), qPrintable(reader.errorString()));
    QCOMPARE(QString(reader.delimiter()), delimiter);
    QCOMPARE(reader.encodingName(), encoding);
    QCOMPARE(readAll(reader), expected);
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
}

void tst_CsvReader::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QByteArray() << 0 << QStringLiteral("empty");
    QTest::newRow("only blank lines") << QByteArray(" \r\n\n") << 0 << QStringLiteral("empty");
    QTest::newRow("unclosed quote")
        << QByteArray("a,b\n1,\"open\n2,3\n") << 2 << QStringLiteral("never closed");
    QTest::newRow("binary") << QByteArray("PK\x03\x04\x00\x00\x08\x00", 8) << 0
                            << QStringLiteral("not a text file");
    QTest::newRow("neither UTF-8 nor Windows-1252")
        << QByteArray("name\nok\n\x81\x8D\x90\x9D\x01\n") << 3 << QStringLiteral("neither UTF-8");
    QTest::newRow("mostly high bytes")
        << QByteArray("a\n\xE9\xE8\xEA\xEB\xE0\xE2\xE4\xF4\xF6\xFB\xFC\n") << 2
        << QStringLiteral("neither UTF-8");
    QTest::newRow("enormous line") << (QByteArray("name\n") + QByteArray(5000, 'x')) << 2
                                   << QStringLiteral("longer than 1000");
    QTest::newRow("enormous quoted field")
        << (QByteArray("name\nok\n\"") + QByteArray(5000, 'y') + "\"\n") << 3
        << QStringLiteral("longer than 1000");
}

void tst_CsvReader::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(int, line);
    QFETCH(QString, message);

    CsvReader reader(input);
    reader.setMaximumFieldLength(1000);
    reader.setMaximumRecordLength(4000);
    if (reader.open())
        readAll(reader);
    QVERIFY(reader.hasError());
    QVERIFY2(reader.errorString().contains(message), qPrintable(reader.errorString()));
    QCOMPARE(reader.errorLine(), line);
    if (line > 0)
        QVERIFY2(reader.errorString().startsWith(QStringLiteral("Line %1:").arg(line)),
                 qPrintable(reader.errorString()));
}

void tst_CsvReader::recordLines()
{
    CsvReader reader(QByteArray("a,b\n\"x\ny\nz\",b\n\nc,d\n"));
    QStringList record;
    QVERIFY(reader.readRecord(&record));
    QCOMPARE(reader.recordLine(), 1);
    QVERIFY(reader.readRecord(&record));
    QCOMPARE(reader.recordLine(), 2);
    QCOMPARE(record.constFirst(), QStringLiteral("x\ny\nz"));
    QVERIFY(reader.readRecord(&record));
    QCOMPARE(reader.recordLine(), 6);
    QCOMPARE(record, (QStringList{QStringLiteral("c"), QStringLiteral("d")}));
    QVERIFY(!reader.readRecord(&record));
    QVERIFY(!reader.hasError());
}

void tst_CsvReader::defaultLimitStopsEnormousLines()
{
    // Larger than the default field cap: refused at the line, not read whole into memory.
    QByteArray input("name,note\nAda,ok\nBob,");
    input += QByteArray(3 * CsvReader::DefaultMaximumFieldLength, 'z');
    input += "\nCarol,fine\n";
    CsvReader reader(input);
    const Records records = readAll(reader);
    QCOMPARE(records.size(), 2);
    QVERIFY(reader.hasError());
    QCOMPARE(reader.errorLine(), 3);
    QVERIFY2(reader.bytesRead() < input.size(), "the reader stopped at the enormous field");
}

void tst_CsvReader::readsInChunks()
{
    // Quoted fields and multi-byte characters across the reader's 64 KiB chunks.
    QByteArray input("id,text\n");
    Records expected{{QStringLiteral("id"), QStringLiteral("text")}};
    for (int i = 0; i < 8000; ++i) {
        const QString text = QStringLiteral("Zoë said \"hi\",\nthen ") + QString::number(i)
                             + QStringLiteral(" 東京");
        QString quotedText = text;
        quotedText.replace(QLatin1Char('"'), QLatin1String("\"\""));
        input += QByteArray::number(i) + ",\"" + quotedText.toUtf8() + "\"\r\n";
        expected << QStringList{QString::number(i), text};
    }
    QVERIFY(input.size() > 3 * 64 * 1024);
    CsvReader reader(input);
    QCOMPARE(readAll(reader), expected);
    QVERIFY(!reader.hasError());
    QCOMPARE(reader.bytesRead(), qint64(input.size()));
}

void tst_CsvReader::forcedDelimiter()
{
    CsvReader reader(QByteArray("a;b,c\n"));
    reader.setDelimiter(QLatin1Char(','));
    QCOMPARE(readAll(reader), (Records{{QStringLiteral("a;b"), QStringLiteral("c")}}));
}

void tst_CsvReader::decodeText_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");

    QTest::newRow("UTF-8") << QByteArray("Zo\xC3\xAB: hi\n") << QStringLiteral("Zoë: hi\n") << true;
    QTest::newRow("UTF-16LE") << utf16(QStringLiteral("Zoë: hi"), QStringConverter::Utf16LE)
                              << QStringLiteral("Zoë: hi") << true;
    QTest::newRow("Windows-1252") << QByteArray("Zo\xEB: hi there\n")
                                  << QStringLiteral("Zoë: hi there\n") << true;
    QTest::newRow("empty") << QByteArray("  \n") << QString() << false;
    QTest::newRow("binary") << QByteArray("\x00\x01\x02", 3) << QString() << false;
}

void tst_CsvReader::decodeText()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, text);
    QFETCH(bool, ok);

    QString decoded;
    QString error;
    QCOMPARE(CsvReader::decodeText(input, &decoded, &error), ok);
    if (ok)
        QCOMPARE(decoded, text);
    else
        QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_CsvReader)
#include "tst_csvreader.moc"
