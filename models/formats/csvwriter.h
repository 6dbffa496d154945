// Writes CSV (RFC 4180): fields quoted where needed, CRLF line ends, UTF-8.
#pragma once

#include <QByteArray>
#include <QStringList>

class QIODevice;

class CsvWriter final
{
public:
    explicit CsvWriter(QIODevice *device);

    // Writes one record. False when the device refuses the bytes.
    bool writeRecord(const QStringList &fields);

    // One field as it appears in a CSV file: quoted when it holds a comma, semicolon, tab,
    // quote, line break or surrounding spaces.
    [[nodiscard]] static QString quoted(const QString &field);

private:
    QIODevice *m_device = nullptr;
    QByteArray m_line;
};
