// The superuser's side of the PostgreSQL test server (WATERCOOLER_TEST_POSTGRES_URL): creates and
// drops the databases and roles a test needs.
#pragma once

#include "databaselocation.h"

#include <QString>

class PostgresAdmin final
{
public:
    // False when WATERCOOLER_TEST_POSTGRES_URL is not set.
    [[nodiscard]] static bool isConfigured();
    // The server as the superuser, on the given database (the maintenance database when empty).
    [[nodiscard]] static DatabaseLocation location(const QString &databaseName = {});
    // The server as another role, the way users name it: a URL without password.
    [[nodiscard]] static DatabaseLocation roleLocation(const QString &role,
                                                       const QString &databaseName);

    // Runs one statement as the superuser on the given database (the maintenance database when
    // empty); false with error set when it fails.
    [[nodiscard]] static bool exec(const QString &sql,
                                   QString *error,
                                   const QString &databaseName = {});
    // The first column of the first row, or an invalid QVariant when the statement fails.
    [[nodiscard]] static QVariant scalar(const QString &sql, const QString &databaseName = {});
};
