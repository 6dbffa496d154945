// Encoding detection, delimiter sniffing and an RFC 4180 record parser that reads in chunks.
#include "csvreader.h"

#include <QBuffer>
#include <QIODevice>

#include <algorithm>
#include <array>

namespace {

constexpr qint64 chunkSize = 64 * 1024;

// Windows-1252 where it differs from Latin-1 (0x80-0x9F); 0 marks the five unassigned bytes.
constexpr std::array<char16_t, 32> windows1252High = {0x20AC, 0,      0x201A, 0x0192, 0x201E,
                                                      0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
                                                      0x0160, 0x2039, 0x0152, 0,      0x017D,
                                                      0,      0,      0x2018, 0x2019, 0x201C,
                                                      0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
                                                      0x2122, 0x0161, 0x203A, 0x0153, 0,
                                                      0x017E, 0x0178};

// Validates UTF-8 across chunk boundaries and gathers what the Windows-1252 check needs.
enum AsciiKind : quint8 { Other, Letter, NewLine, Null, Control };

constexpr std::array<AsciiKind, 128> asciiKindTable()
{
    std::array<AsciiKind, 128> kinds{};
    for (int byte = 0; byte < 128; ++byte) {
        if (byte == '\n')
            kinds[byte] = NewLine;
        else if (byte == 0)
            kinds[byte] = Null;
        else if (byte < 0x20 && byte != '\t' && byte != '\r' && byte != '\f')
            kinds[byte] = Control;
        else if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z'))
            kinds[byte] = Letter;
    }
    return kinds;
}

constexpr std::array<AsciiKind, 128> asciiKinds = asciiKindTable();

class ByteScan
{
public:
    void add(const QByteArray &bytes)
    {
        const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
        const qsizetype size = bytes.size();
        m_total += size;
        for (qsizetype i = 0; i < size; ++i) {
            const unsigned char byte = data[i];
            if (byte < 0x80 && m_pending == 0) {
                // Plain ASCII outside a multi-byte sequence: one table lookup.
                switch (asciiKinds[byte]) {
                case Letter:
                    ++m_letters;
                    break;
                case NewLine:
                    ++m_lines;
                    break;
                case Null:
                    ++m_nulls;
                    break;
                case Control:
                    ++m_controls;
                    break;
                default:
                    break;
                }
                continue;
            }
            if (byte == '\n')
                ++m_lines;
            if (byte == 0)
                ++m_nulls;
            else if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f')
                ++m_controls;
            if (byte >= 0x80) {
                ++m_high;
                if (byte >= 0x80 && byte <= 0x9F && windows1252High.at(byte - 0x80) == 0)
                    ++m_unassigned;
            } else if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z')) {
                ++m_letters;
            }
            checkUtf8(byte);
        }
    }

    void finish()
    {
        if (m_pending > 0)
            markInvalid();
    }

    [[nodiscard]] bool isUtf8() const { return m_firstInvalidLine == 0; }
    [[nodiscard]] int firstInvalidLine() const { return m_firstInvalidLine; }
    [[nodiscard]] bool hasNulls() const { return m_nulls > 0; }
    [[nodiscard]] qint64 total() const { return m_total; }
    // Text in Windows-1252 or Latin-1 has no control characters or unassigned bytes, and its
    // accented letters are a minority among plain ones.
    [[nodiscard]] bool looksLikeWindows1252() const
    {
        return m_nulls == 0 && m_controls == 0 && m_unassigned == 0 && m_high * 3 <= m_letters;
    }

private:
    void checkUtf8(unsigned char byte)
    {
        if (m_pending > 0) {
            if ((byte & 0xC0) != 0x80) {
                markInvalid();
                return;
            }
            m_code = (m_code << 6) | (byte & 0x3F);
            if (--m_pending == 0) {
                // Overlong forms, surrogates and values beyond U+10FFFF are not UTF-8.
                const bool bad = m_code < m_minimum || m_code > 0x10FFFF
                                 || (m_code >= 0xD800 && m_code <= 0xDFFF);
                if (bad)
                    markInvalid();
            }
            return;
        }
        if (byte < 0x80)
            return;
        if ((byte & 0xE0) == 0xC0) {
            m_pending = 1;
            m_code = byte & 0x1F;
            m_minimum = 0x80;
        } else if ((byte & 0xF0) == 0xE0) {
            m_pending = 2;
            m_code = byte & 0x0F;
            m_minimum = 0x800;
        } else if ((byte & 0xF8) == 0xF0) {
            m_pending = 3;
            m_code = byte & 0x07;
            m_minimum = 0x10000;
        } else {
            markInvalid();
        }
    }

    void markInvalid()
    {
        m_pending = 0;
        if (m_firstInvalidLine == 0)
            m_firstInvalidLine = int(m_lines) + 1;
    }

    qint64 m_total = 0;
    qint64 m_lines = 0;
    qint64 m_nulls = 0;
    qint64 m_controls = 0;
    qint64 m_high = 0;
    qint64 m_unassigned = 0;
    qint64 m_letters = 0;
    int m_pending = 0;
    char32_t m_code = 0;
    char32_t m_minimum = 0;
    int m_firstInvalidLine = 0;
};

} // namespace

CsvReader::CsvReader(QIODevice *device)
    : m_device(device)
{}

CsvReader::CsvReader(const QByteArray &data)
    : m_ownBuffer(std::make_unique<QBuffer>())
{
    m_ownBuffer->setData(data);
    m_ownBuffer->open(QIODevice::ReadOnly);
    m_device = m_ownBuffer.get();
}

CsvReader::~CsvReader() = default;

qint64 CsvReader::size() const
{
    return m_device ? m_device->size() : 0;
}

QString CsvReader::encodingName() const
{
    switch (m_encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf16LittleEndian:
        return QStringLiteral("UTF-16LE");
    case Encoding::Utf16BigEndian:
        return QStringLiteral("UTF-16BE");
    case Encoding::Windows1252:
        return QStringLiteral("Windows-1252");
    }
    return {};
}

void CsvReader::fail(int line, const QString &message)
{
    if (!m_error.isEmpty())
        return;
    m_errorLine = line;
    m_error = line > 0 ? tr("Line %1: %2").arg(line).arg(message) : message;
}

bool CsvReader::detectEncoding()
{
    const QByteArray start = m_device->peek(4);
    const auto byteAt = [&](qsizetype i) { return static_cast<unsigned char>(start.at(i)); };
    if (start.size() >= 3 && byteAt(0) == 0xEF && byteAt(1) == 0xBB && byteAt(2) == 0xBF) {
        m_encoding = Encoding::Utf8;
        m_startOffset = 3;
    } else if (start.size() >= 2 && byteAt(0) == 0xFF && byteAt(1) == 0xFE) {
        m_encoding = Encoding::Utf16LittleEndian;
        m_startOffset = 2;
    } else if (start.size() >= 2 && byteAt(0) == 0xFE && byteAt(1) == 0xFF) {
        m_encoding = Encoding::Utf16BigEndian;
        m_startOffset = 2;
    } else {
        // No byte order mark: UTF-8 when every byte says so, else Windows-1252 when the text
        // clearly is, else a refusal rather than a guess that garbles names.
        ByteScan scan;
        const qint64 origin = m_device->pos();
        while (true) {
            const QByteArray chunk = m_device->read(chunkSize);
            if (chunk.isEmpty())
                break;
            scan.add(chunk);
        }
        scan.finish();
        if (!m_device->seek(origin)) {
            fail(0, tr("The file cannot be read twice: %1").arg(m_device->errorString()));
            return false;
        }
        if (scan.hasNulls()) {
            fail(0,
                 tr("This is not a text file (it holds zero bytes). Save it as UTF-8 text, or as "
                    "UTF-16 with a byte order mark."));
            return false;
        }
        if (scan.isUtf8()) {
            m_encoding = Encoding::Utf8;
        } else if (scan.looksLikeWindows1252()) {
            m_encoding = Encoding::Windows1252;
        } else {
            fail(scan.firstInvalidLine(),
                 tr("the text is neither UTF-8 nor clearly Windows-1252 (Latin-1). Save the file "
                    "as UTF-8 and try again."));
            return false;
        }
    }
    m_device->read(m_startOffset);
    m_bytesRead = m_startOffset;
    switch (m_encoding) {
    case Encoding::Utf8:
        m_decoder = QStringDecoder(QStringConverter::Utf8);
        break;
    case Encoding::Utf16LittleEndian:
        m_decoder = QStringDecoder(QStringConverter::Utf16LE);
        break;
    case Encoding::Utf16BigEndian:
        m_decoder = QStringDecoder(QStringConverter::Utf16BE);
        break;
    case Encoding::Windows1252:
        break;
    }
    return true;
}

QString CsvReader::decode(const QByteArray &bytes)
{
    if (m_encoding != Encoding::Windows1252)
        return m_decoder.decode(bytes);
    QString text(bytes.size(), Qt::Uninitialized);
    QChar *out = text.data();
    for (const char ch : bytes) {
        const auto byte = static_cast<unsigned char>(ch);
        *out++ = byte >= 0x80 && byte <= 0x9F ? QChar(windows1252High.at(byte - 0x80))
                                              : QChar(char16_t(byte));
    }
    return text;
}

bool CsvReader::fill()
{
    if (m_atEnd)
        return false;
    // What the parser consumed is in its fields already.
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    while (true) {
        const QByteArray bytes = m_device->read(chunkSize);
        if (bytes.isEmpty()) {
            m_atEnd = true;
            if (m_decoder.isValid() && m_decoder.hasError())
                fail(m_line, tr("the text is not valid %1.").arg(encodingName()));
            return false;
        }
        m_bytesRead += bytes.size();
        const qsizetype before = m_buffer.size();
        m_buffer += decode(bytes);
        if (m_decoder.isValid() && m_decoder.hasError()) {
            fail(m_line, tr("the text is not valid %1.").arg(encodingName()));
            m_atEnd = true;
            return false;
        }
        if (m_buffer.size() > before)
            return true;
    }
}

bool CsvReader::open()
{
    if (m_opened)
        return !hasError();
    m_opened = true;
    if (!m_device || !m_device->isReadable()) {
        fail(0, tr("The file cannot be read."));
        return false;
    }
    if (!detectEncoding())
        return false;
    while (!hasError() && m_buffer.size() < chunkSize && fill()) {
    }
    if (hasError())
        return false;
    if (m_buffer.trimmed().isEmpty()) {
        fail(0, tr("The file is empty."));
        return false;
    }
    m_delimiter = m_forcedDelimiter.isNull() ? detectDelimiter(m_buffer) : m_forcedDelimiter;
    return true;
}

bool CsvReader::decodeText(const QByteArray &data, QString *text, QString *error)
{
    CsvReader reader(data);
    if (!reader.detectEncoding()) {
        *error = reader.errorString();
        return false;
    }
    *text = reader.decode(data.mid(reader.m_startOffset));
    if (reader.m_decoder.isValid() && reader.m_decoder.hasError()) {
        *error = tr("The text is not valid %1.").arg(reader.encodingName());
        return false;
    }
    if (text->trimmed().isEmpty()) {
        *error = tr("The file is empty.");
        return false;
    }
    return true;
}

QChar CsvReader::detectDelimiter(QStringView sample)
{
    static const QChar candidates[] = {QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t')};
    constexpr int maximumLines = 20;
    std::array<QList<int>, 3> counts;
    std::array<int, 3> current = {0, 0, 0};
    bool inQuotes = false;
    int lines = 0;
    bool lineHasText = false;
    for (qsizetype i = 0; i < sample.size() && lines < maximumLines; ++i) {
        const QChar c = sample.at(i);
        if (c == QLatin1Char('"')) {
            inQuotes = !inQuotes;
            lineHasText = true;
        } else if (!inQuotes && (c == QLatin1Char('\n') || c == QLatin1Char('\r'))) {
            if (lineHasText) {
                for (int k = 0; k < 3; ++k)
                    counts.at(k) << current.at(k);
                ++lines;
            }
            current = {0, 0, 0};
            lineHasText = false;
        } else if (!inQuotes) {
            lineHasText = true;
            for (int k = 0; k < 3; ++k) {
                if (c == candidates[k])
                    ++current.at(k);
            }
        }
    }
    if (lineHasText && lines < maximumLines) {
        for (int k = 0; k < 3; ++k)
            counts.at(k) << current.at(k);
    }
    // The same number on every line beats more on some; more beats fewer.
    int best = 0;
    qint64 bestScore = 0;
    for (int k = 0; k < 3; ++k) {
        const QList<int> &perLine = counts.at(k);
        if (perLine.isEmpty())
            continue;
        const bool consistent = std::all_of(perLine.cbegin(), perLine.cend(), [&](int n) {
            return n == perLine.constFirst();
        });
        qint64 total = 0;
        for (const int n : perLine)
            total += n;
        const qint64 score = consistent && perLine.constFirst() > 0 ? 1000000 + perLine.constFirst()
                                                                    : total;
        if (score > bestScore) {
            bestScore = score;
            best = k;
        }
    }
    return candidates[best];
}

bool CsvReader::readRecord(QStringList *fields)
{
    fields->clear();
    if (!open())
        return false;

    const QChar quote = QLatin1Char('"');
    QString field;
    bool inQuotes = false;
    bool quoted = false;   // the current field started with a quote
    bool anything = false; // the record has begun
    qsizetype recordLength = 0;
    m_recordLine = m_line;

    const auto tooLong = [&]() {
        if (field.size() > m_maximumField) {
            fail(m_recordLine,
                 tr("a field is longer than %1 characters; is this really a CSV file?")
                     .arg(m_maximumField));
            return true;
        }
        if (recordLength + field.size() > m_maximumRecord) {
            fail(m_recordLine,
                 tr("the line is longer than %1 characters; is this really a CSV file?")
                     .arg(m_maximumRecord));
            return true;
        }
        return false;
    };
    const auto endField = [&]() {
        recordLength += field.size();
        fields->append(field);
        field.clear();
        quoted = false;
    };

    while (true) {
        if (m_pos >= m_buffer.size() && !fill()) {
            if (hasError())
                return false;
            if (inQuotes) {
                fail(m_recordLine, tr("a quoted field that starts here is never closed."));
                return false;
            }
            if (!anything)
                return false;
            endField();
            return true;
        }
        if (inQuotes) {
            const qsizetype closing = m_buffer.indexOf(quote, m_pos);
            const qsizetype end = closing < 0 ? m_buffer.size() : closing;
            const QStringView part = QStringView(m_buffer).mid(m_pos, end - m_pos);
            m_line += int(part.count(QLatin1Char('\n')));
            field += part;
            m_pos = end;
            if (tooLong())
                return false;
            if (closing < 0)
                continue;
            ++m_pos;
            if (m_pos >= m_buffer.size() && !fill()) {
                if (hasError())
                    return false;
                inQuotes = false;
                continue;
            }
            if (m_buffer.at(m_pos) == quote) {
                field += quote;
                ++m_pos;
            } else {
                inQuotes = false;
            }
            continue;
        }

        const QChar c = m_buffer.at(m_pos);
        if (c == m_delimiter) {
            anything = true;
            endField();
            ++m_pos;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            ++m_pos;
            if (c == QLatin1Char('\r') && (m_pos < m_buffer.size() || fill())
                && m_buffer.at(m_pos) == QLatin1Char('\n'))
                ++m_pos;
            if (hasError())
                return false;
            ++m_line;
            if (!anything && field.isEmpty()) {
                // A blank line is no record.
                m_recordLine = m_line;
                continue;
            }
            endField();
            return true;
        } else if (c == quote && field.isEmpty() && !quoted) {
            anything = true;
            inQuotes = true;
            quoted = true;
            ++m_pos;
        } else {
            // Plain text up to the next delimiter or line end, in one piece.
            anything = true;
            const QChar *data = m_buffer.constData();
            qsizetype end = m_pos;
            const qsizetype size = m_buffer.size();
            while (end < size) {
                const QChar d = data[end];
                if (d == m_delimiter || d == QLatin1Char('\n') || d == QLatin1Char('\r'))
                    break;
                ++end;
            }
            field += QStringView(m_buffer).mid(m_pos, end - m_pos);
            m_pos = end;
            if (tooLong())
                return false;
        }
    }
}
