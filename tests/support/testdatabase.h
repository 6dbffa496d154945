// A fresh community database in a temporary folder, opened through Database like the app does.
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

    [[nodiscard]] QString dirPath() const { return m_dir.path(); }
    [[nodiscard]] QString filePath() const;
    [[nodiscard]] QString connectionName() const;
    [[nodiscard]] Database &database() { return *m_database; }

    // Fills the database with a demo community; false with errorString() set on failure.
    [[nodiscard]] bool fillDemo(const DemoGenerator::Options &options,
                                DemoGenerator::Result *result = nullptr);

    // The first column of the first row; throws StorageError when the statement fails.
    [[nodiscard]] QVariant scalar(const QString &sql, const QVariantList &values = {}) const;
    [[nodiscard]] qint64 count(const QString &sql, const QVariantList &values = {}) const;
    // Every row of a single-column query.
    [[nodiscard]] QVariantList column(const QString &sql, const QVariantList &values = {}) const;

    // Demo options with a fixed end, so generated data does not depend on the clock.
    [[nodiscard]] static DemoGenerator::Options demoOptions();
    [[nodiscard]] static QDateTime demoEnd();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    QString m_error;
};
