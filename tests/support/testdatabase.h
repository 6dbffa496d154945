// A fresh community database, opened through Database like the app does: an SQLite file in a
// temporary folder, or, when WATERCOOLER_TEST_BACKEND=postgresql, a new database on the server
// named by WATERCOOLER_TEST_POSTGRES_URL (dropped again by the destructor).
#pragma once

#include "database.h"
#include "demogenerator.h"

#include <QTemporaryDir>
#include <QVariant>

#include <memory>

class TestDatabase final
{
public:
    TestDatabase();
    ~TestDatabase();
    Q_DISABLE_COPY_MOVE(TestDatabase)

    // Creates and opens the database; false with errorString() set when that fails.
    [[nodiscard]] bool open();
    [[nodiscard]] QString errorString() const { return m_error; }

    [[nodiscard]] static bool usesPostgreSql();

    [[nodiscard]] QString dirPath() const { return m_dir.path(); }
    [[nodiscard]] QString filePath() const;
    [[nodiscard]] QString connectionName() const;
    [[nodiscard]] Database &database() { return *m_database; }

    // Fills the database with a demo community; false with errorString() set on failure.
    [[nodiscard]] bool fillDemo(const DemoGenerator::Options &options,
                                DemoGenerator::Result *result = nullptr);

    // Subscribes to feedUrl and stores one item per URL list entry, each with those enclosures
    // (audio/mpeg, 3 MB, an hour); returns the item ids in that order, empty on failure.
    [[nodiscard]] QList<qint64> addPodcastItems(const QString &feedUrl,
                                                const QList<QStringList> &enclosureUrls);

    // The first column of the first row; throws StorageError when the statement fails.
    [[nodiscard]] QVariant scalar(const QString &sql, const QVariantList &values = {}) const;
    [[nodiscard]] qint64 count(const QString &sql, const QVariantList &values = {}) const;
    // Every row of a single-column query.
    [[nodiscard]] QVariantList column(const QString &sql, const QVariantList &values = {}) const;
    // Every row of a single-column query of ids.
    [[nodiscard]] QList<qint64> ids(const QString &sql, const QVariantList &values = {}) const;

    // Demo options with a fixed end, so generated data does not depend on the clock.
    [[nodiscard]] static DemoGenerator::Options demoOptions();
    [[nodiscard]] static QDateTime demoEnd();

private:
    bool createPostgreSqlDatabase(DatabaseLocation *location);
    void dropPostgreSqlDatabase();

    QTemporaryDir m_dir;
    QString m_postgreSqlName; // the server database this instance created
    std::unique_ptr<Database> m_database;
    QString m_error;
};
