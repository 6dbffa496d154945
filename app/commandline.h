// The command-line interface: `watercooler [--database PATH] COMMAND ...`. Commands call the same
// core functions as the GUI and print what they did; errors are one line on stderr, exit code 1.
#pragma once

#include "databaselocation.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QStringList>

#include <memory>

class Database;
class QCommandLineParser;
class QTextStream;

class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    // True when the arguments ask for a command, --help or --version rather than the window.
    [[nodiscard]] static bool wantsCommandLine(const QStringList &arguments);

    // The --database value from the arguments; empty when not given.
    [[nodiscard]] static QString databaseArgument(const QStringList &arguments);
    // Where the --database value points, or the default SQLite file (its folder created).
    [[nodiscard]] static DatabaseLocation databaseLocation(const QString &argument);

    // Runs the command and returns the process exit code.
    [[nodiscard]] static int run(const QStringList &arguments);

    [[nodiscard]] static QStringList commandNames();

    // The --database option every command accepts.
    [[nodiscard]] static QCommandLineOption databaseOption();
    // Parses a command's arguments and answers --help. Returns -1 when the command goes on,
    // else the exit code (a parse error or a positional argument beyond `positionals` is a user
    // error).
    [[nodiscard]] static int parseCommand(QCommandLineParser &parser,
                                          const QStringList &arguments,
                                          qsizetype positionals);
    // Opens (and upgrades) the database the argument names. Throws StorageError.
    [[nodiscard]] static std::unique_ptr<Database> openDatabase(const QString &argument);
};
