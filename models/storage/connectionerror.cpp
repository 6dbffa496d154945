// Turns the driver's connection errors into one-line messages and spots password refusals.
#include "connectionerror.h"

#include <QSqlError>

ConnectionError::ConnectionError(const QString &message, bool passwordRejected)
    : StorageError(message)
    , m_passwordRejected(passwordRejected)
{}

QString ConnectionError::describe(const QSqlError &error)
{
    // libpq's messages end in a newline and may span lines ("...failed: Connection refused\n\tIs
    // the server running...?"); the user sees them as one line on stderr or in a label.
    QString raw = error.databaseText();
    if (raw.trimmed().isEmpty())
        raw = error.text();
    QString text;
    const QStringList lines = raw.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QString part = line.simplified();
        if (part.isEmpty())
            continue;
        if (!text.isEmpty()) {
            const QChar last = text.back();
            if (last != QLatin1Char('.') && last != QLatin1Char(':') && last != QLatin1Char('?')
                && last != QLatin1Char('!'))
                text += QLatin1Char('.');
            text += QLatin1Char(' ');
        }
        text += part;
    }
    return text;
}

bool ConnectionError::isPasswordError(const QSqlError &error)
{
    // libpq reports a password the server asked for but nobody gave as "fe_sendauth: no password
    // supplied" (the prefix stays untranslated); the server reports a wrong one as "password
    // authentication failed for user ...". QPSQL passes no SQLSTATE for failed connections.
    const QString text = error.databaseText();
    return text.contains(QLatin1String("fe_sendauth:"))
           || text.contains(QLatin1String("password authentication failed"))
           || text.contains(QLatin1String("no password supplied"));
}
