// The one exception the storage and ingest layers throw; callers at the edge turn it into a message.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <stdexcept>

class StorageError : public std::runtime_error
{
public:
    explicit StorageError(const QString &message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {}

    [[nodiscard]] QString message() const { return m_message; }

private:
    QString m_message;
};

// Thrown when the user cancels long work; the surrounding transaction rolls back.
class OperationCancelled : public StorageError
{
public:
    OperationCancelled()
        : StorageError(QStringLiteral("cancelled"))
    {}
};

// A save found the record changed (or deleted) by someone else since it was read.
class ConcurrentChangeError : public StorageError
{
    Q_DECLARE_TR_FUNCTIONS(ConcurrentChangeError)

public:
    using StorageError::StorageError;
};

// The connection to the database server broke (server stopped, network cut, session ended).
// Database::reconnect() opens a new one.
class ConnectionLostError : public StorageError
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionLostError)

public:
    using StorageError::StorageError;
};
