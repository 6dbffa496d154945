// Connects once on a throw-away connection and asks the server for its version.
#include "connectionprobe.h"

#include "connectionerror.h"
#include "sqldialect.h"

#include <QAtomicInt>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace {

QAtomicInt s_probeCounter;

} // namespace

ConnectionProbe::Result ConnectionProbe::probe(const DatabaseLocation &location)
{
    const QString name = QStringLiteral("watercooler-probe-%1")
                             .arg(s_probeCounter.fetchAndAddRelaxed(1));
    Result result;
    {
        QSqlDatabase db = location.addConnection(name);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(SqlDialect::serverVersionStatement(location.backend)) && query.next()) {
                result.connected = true;
                // "15.4 (Debian 15.4-1.pgdg120+1)": the number is what people compare.
                result.serverVersion = query.value(0).toString().section(QLatin1Char(' '), 0, 0);
            } else {
                result.errorString = ConnectionError::describe(query.lastError());
            }
        } else {
            result.errorString = ConnectionError::describe(db.lastError());
            result.passwordRejected = !location.isSqlite()
                                      && ConnectionError::isPasswordError(db.lastError());
        }
        if (!result.connected && result.errorString.isEmpty())
            result.errorString = tr("The server did not answer.");
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}
