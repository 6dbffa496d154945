// Streams and messages shared by the commands.
#include "terminal.h"

#include "commandline.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

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
