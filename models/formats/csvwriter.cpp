// Quoting and CRLF line ends, so spreadsheets and CsvReader read the fields back unchanged.
#include "csvwriter.h"

#include <QIODevice>

CsvWriter::CsvWriter(QIODevice *device)
    : m_device(device)
{}

QString CsvWriter::quoted(const QString &field)
{
    const bool needsQuotes = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char(';'))
                             || field.contains(QLatin1Char('\t'))
                             || field.contains(QLatin1Char('"'))
                             || field.contains(QLatin1Char('\n'))
                             || field.contains(QLatin1Char('\r'))
                             || (!field.isEmpty()
                                 && (field.front().isSpace() || field.back().isSpace()));
    if (!needsQuotes)
        return field;
    QString escaped = field;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

bool CsvWriter::writeRecord(const QStringList &fields)
{
    m_line.clear();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_line += ',';
        m_line += quoted(fields.at(i)).toUtf8();
    }
    m_line += "\r\n";
    return m_device->write(m_line) == m_line.size();
}
