// The one exception the storage and ingest layers throw; callers at the edge turn it into a message.
#pragma once

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
