// A database server that could not be reached or refused the login; says whether a password would help.
#pragma once

#include "storageerror.h"

class QSqlError;

class ConnectionError final : public StorageError
{
public:
    ConnectionError(const QString &message, bool passwordRejected);

    // The server asked for a password that was not given, or refused the one that was: asking
    // the user for it and trying again may help.
    [[nodiscard]] bool passwordRejected() const { return m_passwordRejected; }

    // The driver's message on one line, without the driver's own "Unable to connect" suffix.
    [[nodiscard]] static QString describe(const QSqlError &error);
    [[nodiscard]] static bool isPasswordError(const QSqlError &error);

private:
    bool m_passwordRejected = false;
};
