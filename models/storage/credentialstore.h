// Passwords of team databases and of feeds in the system keychain, and nowhere else.
#pragma once

#include "databaselocation.h"

#include <QObject>

class QUrl;

namespace QKeychain {
class Job;
}

class CredentialStore final : public QObject
{
    Q_OBJECT

public:
    enum class Status {
        Found,       // read: the password is in Result::password
        NotFound,    // read: the keychain holds no password for this database
        Done,        // write or remove succeeded
        Unavailable, // no keychain service answers: ask for the password each session
        Failed,      // the keychain answered but refused (e.g. the user denied access)
    };
    Q_ENUM(Status)

    struct Result
    {
        Status status = Status::Unavailable;
        QString password;
        QString errorString;
    };

    explicit CredentialStore(QObject *parent = nullptr);
    ~CredentialStore() override;
    Q_DISABLE_COPY_MOVE(CredentialStore)

    [[nodiscard]] static QString serviceName();
    // The keychain entry of a database: user, host, port and database name, never the password.
    [[nodiscard]] static QString keyFor(const DatabaseLocation &location);
    // The keychain entry of a feed's HTTP password: the user and the origin (scheme, host and
    // port) of the feed's address, which is all the password is ever sent to.
    [[nodiscard]] static QString keyForFeed(const QUrl &feedUrl, const QString &user);

    // Each starts a keychain job and emits the matching signal once with its key.
    void read(const DatabaseLocation &location);
    void write(const DatabaseLocation &location, const QString &password);
    void remove(const DatabaseLocation &location);
    // The same for any key, such as keyForFeed().
    void readKey(const QString &key);
    void writeKey(const QString &key, const QString &password);
    void removeKey(const QString &key);

    // Reads in a local event loop, for start-up before any window exists and for the command
    // line. A keychain that does not answer within timeoutMs counts as unavailable.
    [[nodiscard]] static Result readBlocking(const DatabaseLocation &location, int timeoutMs = 3000);
    [[nodiscard]] static Result readKeyBlocking(const QString &key, int timeoutMs = 3000);
    // Writes and removes in a local event loop, for the command line.
    [[nodiscard]] static Result writeKeyBlocking(const QString &key,
                                                 const QString &password,
                                                 int timeoutMs = 3000);
    [[nodiscard]] static Result removeKeyBlocking(const QString &key, int timeoutMs = 3000);

Q_SIGNALS:
    void passwordRead(const QString &key, const CredentialStore::Result &result);
    void passwordWritten(const QString &key, const CredentialStore::Result &result);
    void passwordRemoved(const QString &key, const CredentialStore::Result &result);

private:
    [[nodiscard]] static Result resultOf(const QKeychain::Job *job);
    [[nodiscard]] static Result runBlocking(QKeychain::Job *job, int timeoutMs);
};
