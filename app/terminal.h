// Output of the command-line commands: stdout, stderr, one-line errors and progress.
#pragma once

#include <QString>

#include <functional>

class QTextStream;

class Terminal final
{
public:
    [[nodiscard]] static QTextStream &out();
    [[nodiscard]] static QTextStream &err();
    // Prints "watercooler: message" on stderr and returns the exit code for a user error (1).
    static int fail(const QString &message);
    // A secret such as a password: the first line of stdin when stdin is not a terminal,
    // otherwise asked for on stderr with prompt and read without echo.
    [[nodiscard]] static QString readSecret(const QString &prompt);
    // A percentage on stderr while long work runs, only when a person watches the terminal;
    // empty otherwise.
    [[nodiscard]] static std::function<bool(qint64, qint64)> progress();
};
