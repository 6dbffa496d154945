// Reads, writes and deletes database passwords through QtKeychain's asynchronous jobs.
#include "credentialstore.h"

#include <QEventLoop>
#include <QTimer>
#include <QUrl>

#include <qt6keychain/keychain.h>

namespace {

// Jobs delete themselves when finished; they have no parent so that a write outlives the dialog
// that started it. A job never falls back to storing the password in a settings file.
template<typename JobType>
JobType *createJob(const QString &key)
{
    auto *job = new JobType(CredentialStore::serviceName());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::serviceName()
{
    return QStringLiteral("watercooler");
}

QString CredentialStore::keyFor(const DatabaseLocation &location)
{
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(location.userName, location.host)
        .arg(location.port)
        .arg(location.databaseName);
}

QString CredentialStore::keyForFeed(const QUrl &feedUrl, const QString &user)
{
    const QString scheme = feedUrl.scheme().toLower();
    return QStringLiteral("feed:%1://%2@%3:%4")
        .arg(scheme, user, feedUrl.host().toLower())
        .arg(feedUrl.port(scheme == QLatin1String("https") ? 443 : 80));
}

CredentialStore::Result CredentialStore::resultOf(const QKeychain::Job *job)
{
    Result result;
    result.errorString = job->errorString();
    switch (job->error()) {
    case QKeychain::NoError:
        result.status = Status::Done;
        if (const auto *read = qobject_cast<const QKeychain::ReadPasswordJob *>(job)) {
            result.status = Status::Found;
            result.password = read->textData();
        }
        break;
    case QKeychain::EntryNotFound:
        result.status = Status::NotFound;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::CouldNotDeleteEntry:
        result.status = Status::Failed;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // Without a session bus or keyring daemon every job ends here ("Cannot autolaunch
        // D-Bus..."); there is nothing to retry.
        result.status = Status::Unavailable;
        break;
    }
    return result;
}

void CredentialStore::read(const DatabaseLocation &location)
{
    readKey(keyFor(location));
}

void CredentialStore::write(const DatabaseLocation &location, const QString &password)
{
    writeKey(keyFor(location), password);
}

void CredentialStore::remove(const DatabaseLocation &location)
{
    removeKey(keyFor(location));
}

void CredentialStore::readKey(const QString &key)
{
    auto *job = createJob<QKeychain::ReadPasswordJob>(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        Q_EMIT passwordRead(key, resultOf(finished));
    });
    job->start();
}

void CredentialStore::writeKey(const QString &key, const QString &password)
{
    auto *job = createJob<QKeychain::WritePasswordJob>(key);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        Q_EMIT passwordWritten(key, resultOf(finished));
    });
    job->start();
}

void CredentialStore::removeKey(const QString &key)
{
    auto *job = createJob<QKeychain::DeletePasswordJob>(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        Q_EMIT passwordRemoved(key, resultOf(finished));
    });
    job->start();
}

CredentialStore::Result CredentialStore::readBlocking(const DatabaseLocation &location,
                                                      int timeoutMs)
{
    return readKeyBlocking(keyFor(location), timeoutMs);
}

CredentialStore::Result CredentialStore::readKeyBlocking(const QString &key, int timeoutMs)
{
    return runBlocking(createJob<QKeychain::ReadPasswordJob>(key), timeoutMs);
}

CredentialStore::Result CredentialStore::writeKeyBlocking(const QString &key,
                                                          const QString &password,
                                                          int timeoutMs)
{
    auto *job = createJob<QKeychain::WritePasswordJob>(key);
    job->setTextData(password);
    return runBlocking(job, timeoutMs);
}

CredentialStore::Result CredentialStore::removeKeyBlocking(const QString &key, int timeoutMs)
{
    return runBlocking(createJob<QKeychain::DeletePasswordJob>(key), timeoutMs);
}

CredentialStore::Result CredentialStore::runBlocking(QKeychain::Job *job, int timeoutMs)
{
    Result result;
    result.errorString = tr("The system keychain did not answer in time.");
    bool done = false;
    QEventLoop loop;
    // Dies with this function: a job that answers after the timeout finds nobody listening.
    QObject receiver;
    connect(job, &QKeychain::Job::finished, &receiver, [&](QKeychain::Job *finished) {
        result = resultOf(finished);
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    // Some back-ends fail right inside start(), before the loop would run.
    if (!done)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return result;
}
