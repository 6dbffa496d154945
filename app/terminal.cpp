// Streams and messages shared by the commands.
#include "terminal.h"

#include "commandline.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#include <termios.h>
#include <unistd.h>

QTextStream &Terminal::out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &Terminal::err()
{
    static QTextStream stream(stderr);
    return stream;
}

int Terminal::fail(const QString &message)
{
    // One line, whatever the message: scripts read the first line of stderr.
    err() << QCoreApplication::applicationName() << ": " << message.simplified() << Qt::endl;
    return 1;
}

QString Terminal::readSecret(const QString &prompt)
{
    QTextStream in(stdin);
    if (!isatty(fileno(stdin)))
        return in.readLine();
    err() << prompt << Qt::flush;
    termios saved{};
    const bool quiet = tcgetattr(fileno(stdin), &saved) == 0;
    if (quiet) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(fileno(stdin), TCSAFLUSH, &silent);
    }
    const QString secret = in.readLine();
    if (quiet)
        tcsetattr(fileno(stdin), TCSAFLUSH, &saved);
    // The Return the person typed was not echoed either.
    err() << Qt::endl;
    return secret;
}

std::function<bool(qint64, qint64)> Terminal::progress()
{
    if (!isatty(fileno(stderr)))
        return {};
    return [last = -1](qint64 done, qint64 total) mutable {
        const int percent = total > 0 ? int(100 * done / total) : 100;
        if (percent != last) {
            last = percent;
            err() << '\r' << CommandLine::tr("Working... %1%").arg(percent)
                  << (percent >= 100 ? "\n" : "") << Qt::flush;
        }
        return true;
    };
}
