// Tries a database server without opening it as a community: what a dialog's "Test" button runs.
#pragma once

#include "databaselocation.h"

#include <QCoreApplication>
#include <QString>

class ConnectionProbe final
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProbe)

public:
    struct Result
    {
        bool connected = false;
        QString serverVersion; // e.g. "15.4", when connected
        QString errorString;   // the server's or driver's message, when not
        bool passwordRejected = false;
    };

    // Blocks until the server answers, so call it off the GUI thread: it makes its own uniquely
    // named connection in the calling thread and removes it before returning.
    [[nodiscard]] static Result probe(const DatabaseLocation &location);
};
