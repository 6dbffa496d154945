// A plain QSqlDatabase connection to an SQLite file, for setting up and inspecting test files.
#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

class RawSqlite final
{
public:
    explicit RawSqlite(const QString &filePath);
    ~RawSqlite();
    Q_DISABLE_COPY_MOVE(RawSqlite)

    [[nodiscard]] bool isOpen() const { return m_open; }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QString connectionName() const { return m_name; }

    // Runs one statement; false with errorString() set when it fails.
    bool exec(const QString &sql);
    // The first column of the first row, or an invalid QVariant on error.
    [[nodiscard]] QVariant scalar(const QString &sql);
    [[nodiscard]] QStringList tables() const;
    [[nodiscard]] QStringList columns(const QString &table);

private:
    QString m_name;
    QString m_error;
    bool m_open = false;
};
