// QProcess with a private home folder and the C locale.
#include "commandrunner.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>

CommandRun CommandRunner::run(const QString &executable,
                              const QStringList &arguments,
                              const QString &homeDir,
                              const QString &workDir,
                              const QByteArray &input,
                              const QHash<QString, QString> &extraEnvironment)
{
    const QDir home(homeDir);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Nothing the program writes may end up in the real user's folders.
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    // Untranslated messages, whatever the machine's language.
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    environment.remove(QStringLiteral("LANGUAGE"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    for (auto it = extraEnvironment.cbegin(); it != extraEnvironment.cend(); ++it)
        environment.insert(it.key(), it.value());

    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workDir);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(executable, arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    CommandRun result;
    result.finished = finished.wait(120000) && process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}
