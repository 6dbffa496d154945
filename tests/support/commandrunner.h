// Runs the real watercooler executable in a sealed environment, for the command-line tests.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

struct CommandRun
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
};

class CommandRunner final
{
public:
    // HOME and the XDG folders point into homeDir, the C locale keeps messages untranslated,
    // and the event loop keeps running while the child works (servers in the test process
    // can answer it). input is written to the child's stdin, which is then closed; environment
    // adds variables.
    [[nodiscard]] static CommandRun run(const QString &executable,
                                        const QStringList &arguments,
                                        const QString &homeDir,
                                        const QString &workDir,
                                        const QByteArray &input = {},
                                        const QHash<QString, QString> &environment = {});
};
