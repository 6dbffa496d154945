// `watercooler import ...` and `watercooler export ...`: members and posts CSV files, chat
// transcripts, and everything about one member as JSON.
#pragma once

#include <QStringList>

class TransferCommand final
{
public:
    // The arguments are the program, the database option if given, "import" and what follows.
    [[nodiscard]] static int runImport(const QStringList &arguments);
    // The arguments are the program, the database option if given, "export" and what follows.
    [[nodiscard]] static int runExport(const QStringList &arguments);
};
