// Start-up: the command line when a command is given, otherwise the main window.
#include "commandline.h"
#include "database.h"
#include "mainwindow.h"
#include "passwordprompt.h"
#include "storageerror.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTextStream>
#include <QTranslator>

namespace {

void setUpApplication(QCoreApplication &app)
{
    QCoreApplication::setApplicationName(QStringLiteral("watercooler"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WATERCOOLER_VERSION));

    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(),
                           QStringLiteral("qtbase"),
                           QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(),
                         QStringLiteral("watercooler"),
                         QStringLiteral("_"),
                         QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    if (CommandLine::wantsCommandLine(arguments)) {
        QCoreApplication app(argc, argv);
        setUpApplication(app);
        return CommandLine::run(QCoreApplication::arguments());
    }

    QApplication app(argc, argv);
    setUpApplication(app);
    QApplication::setApplicationDisplayName(QStringLiteral("Watercooler"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/watercooler.svg")));
    QApplication::setDesktopFileName(QStringLiteral("watercooler"));

    const DatabaseLocation location = CommandLine::databaseLocation(
        CommandLine::databaseArgument(QCoreApplication::arguments()));
    std::unique_ptr<Database> database;
    try {
        // A team database whose server wants a password the URL lacks asks for it.
        database = PasswordPrompt::open(location);
    } catch (const StorageError &error) {
        QTextStream(stderr) << QCoreApplication::applicationName() << ": " << error.message()
                            << Qt::endl;
        QMessageBox::critical(nullptr,
                              QObject::tr("Cannot open the community database"),
                              error.message());
        return 1;
    }
    if (!database) {
        QTextStream(stderr) << QCoreApplication::applicationName() << ": "
                            << QObject::tr("No password given for %1.").arg(location.displayName())
                            << Qt::endl;
        return 1;
    }

    MainWindow window(std::move(database));
    window.show();
    return app.exec();
}
