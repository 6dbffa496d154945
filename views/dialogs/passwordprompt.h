// Opens a team database whose server wants a password the --database URL does not carry:
// tries the system keychain, then asks for it.
#pragma once

#include "databaselocation.h"

#include <QCoreApplication>

#include <memory>

class Database;
class QWidget;

class PasswordPrompt final
{
    Q_DECLARE_TR_FUNCTIONS(PasswordPrompt)

public:
    // Opens location like Database::open(). When the server turns the login down for want of a
    // password (none in the URL, PGPASSWORD or ~/.pgpass, or a wrong one), reads the keychain
    // once and then asks in a password dialog until the server accepts or the user cancels
    // (nullptr). Any other failure throws StorageError.
    [[nodiscard]] static std::unique_ptr<Database> open(DatabaseLocation location,
                                                        QWidget *parent = nullptr);
};
