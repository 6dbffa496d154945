// The start-up password loop for team databases.
#include "passwordprompt.h"

#include "connectionerror.h"
#include "credentialstore.h"
#include "database.h"

#include <QInputDialog>
#include <QLineEdit>

std::unique_ptr<Database> PasswordPrompt::open(DatabaseLocation location, QWidget *parent)
{
    bool askedKeychain = false;
    for (;;) {
        auto database = std::make_unique<Database>(location);
        try {
            database->open();
            return database;
        } catch (const ConnectionError &error) {
            if (location.isSqlite() || !error.passwordRejected())
                throw;
        }
        const bool hadPassword = !location.password.isEmpty();
        if (!askedKeychain) {
            askedKeychain = true;
            const CredentialStore::Result stored = CredentialStore::readBlocking(location);
            if (stored.status == CredentialStore::Status::Found
                && stored.password != location.password) {
                location.password = stored.password;
                continue;
            }
        }
        QString label = tr("The server asks for the password of %1 to open %2.")
                            .arg(location.userName.isEmpty() ? tr("your role") : location.userName,
                                 location.displayName());
        if (hadPassword)
            label = tr("That password was not accepted.") + QLatin1Char('\n') + label;
        bool ok = false;
        const QString password = QInputDialog::getText(parent,
                                                       tr("Team Database Password"),
                                                       label,
                                                       QLineEdit::Password,
                                                       QString(),
                                                       &ok);
        if (!ok)
            return nullptr;
        location.password = password;
    }
}
