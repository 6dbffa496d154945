// Reads CSV files (RFC 4180) record by record: detects the encoding and the delimiter, keeps
// line numbers for messages and caps field and record length so no line can exhaust memory.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

#include <memory>

class QBuffer;
class QIODevice;

class CsvReader final
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)

public:
    enum class Encoding { Utf8, Utf16LittleEndian, Utf16BigEndian, Windows1252 };

    static constexpr qsizetype DefaultMaximumFieldLength = 1 << 20;  // characters
    static constexpr qsizetype DefaultMaximumRecordLength = 4 << 20; // characters

    // Reads from a device that stays open while the reader works. It must be seekable for
    // encoding detection of text without a byte order mark (files and buffers are).
    explicit CsvReader(QIODevice *device);
    // Reads from bytes in memory.
    explicit CsvReader(const QByteArray &data);
    ~CsvReader();
    Q_DISABLE_COPY_MOVE(CsvReader)

    void setMaximumFieldLength(qsizetype characters) { m_maximumField = characters; }
    void setMaximumRecordLength(qsizetype characters) { m_maximumRecord = characters; }
    // A delimiter (',', ';' or '\t') instead of the detected one.
    void setDelimiter(QChar delimiter) { m_forcedDelimiter = delimiter; }

    // Detects the encoding and the delimiter. False (with errorString()) when the bytes are not
    // text in a known encoding or the file is empty.
    [[nodiscard]] bool open();

    // The next record. False at the end and on an error; hasError() tells them apart.
    [[nodiscard]] bool readRecord(QStringList *fields);

    [[nodiscard]] bool hasError() const { return !m_error.isEmpty(); }
    [[nodiscard]] QString errorString() const { return m_error; }
    // The line the error was found on (1-based), 0 when it concerns the whole file.
    [[nodiscard]] int errorLine() const { return m_errorLine; }
    // The line the last record read starts on (1-based).
    [[nodiscard]] int recordLine() const { return m_recordLine; }

    [[nodiscard]] Encoding encoding() const { return m_encoding; }
    [[nodiscard]] QString encodingName() const;
    [[nodiscard]] QChar delimiter() const { return m_delimiter; }
    // Bytes of the input consumed so far and in all, for progress.
    [[nodiscard]] qint64 bytesRead() const { return m_bytesRead; }
    [[nodiscard]] qint64 size() const;

    // Decodes a whole text file with the same detection (byte order mark, UTF-8, else clearly
    // Windows-1252). False with error set for text that is none of them, or empty.
    [[nodiscard]] static bool decodeText(const QByteArray &data, QString *text, QString *error);

    // The delimiter that splits the sample's first lines most consistently (',' when unsure).
    [[nodiscard]] static QChar detectDelimiter(QStringView sample);

private:
    bool detectEncoding();
    bool fill();
    void fail(int line, const QString &message);
    [[nodiscard]] QString decode(const QByteArray &bytes);

    std::unique_ptr<QBuffer> m_ownBuffer;
    QIODevice *m_device = nullptr;
    Encoding m_encoding = Encoding::Utf8;
    QStringDecoder m_decoder;
    QString m_buffer;
    qsizetype m_pos = 0;
    bool m_atEnd = false;
    qint64 m_bytesRead = 0;
    qint64 m_startOffset = 0;
    int m_line = 1;
    int m_recordLine = 0;
    int m_errorLine = 0;
    QString m_error;
    QChar m_delimiter = QLatin1Char(',');
    QChar m_forcedDelimiter;
    qsizetype m_maximumField = DefaultMaximumFieldLength;
    qsizetype m_maximumRecord = DefaultMaximumRecordLength;
    bool m_opened = false;
};
