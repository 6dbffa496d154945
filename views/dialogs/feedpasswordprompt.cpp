// A modal password field; the answer is kept for the session by FeedSync, never stored.
#include "feedpasswordprompt.h"

#include <QInputDialog>
#include <QLineEdit>

std::optional<QString> FeedPasswordPrompt::ask(const FeedPasswordRequest &request, QWidget *parent)
{
    const QString feed = request.title.isEmpty() ? request.url.toDisplayString(QUrl::RemoveUserInfo)
                                                 : request.title;
    const QString why = request.keychainStatus == CredentialStore::Status::NotFound
                            ? tr("No password is saved for this feed.")
                            : tr("The system keychain is not available.");
    bool ok = false;
    const QString password
        = QInputDialog::getText(parent,
                                tr("Feed Password"),
                                tr("%1\nPassword of %2 for %3 (kept until Watercooler closes):")
                                    .arg(why, request.user, feed),
                                QLineEdit::Password,
                                QString(),
                                &ok);
    if (!ok || password.isEmpty())
        return std::nullopt;
    return password;
}
