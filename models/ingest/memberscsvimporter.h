// Members from a CSV file (name, handle, source, e-mail, tags): matched to the members already
// known by handle on the same source or by e-mail address anywhere, created otherwise.
#pragma once

#include "csvimport.h"

class MembersCsvImporter final : public CsvImport
{
    Q_DECLARE_TR_FUNCTIONS(MembersCsvImporter)

public:
    enum Field { Name, Handle, Source, Email, Tags, FieldCount };

    MembersCsvImporter() = default;

    [[nodiscard]] int fieldCount() const override { return FieldCount; }
    [[nodiscard]] QString fieldLabel(int field) const override;

private:
    struct Row
    {
        QString source;
        ImportMember member;
    };

    [[nodiscard]] QStringList headerNames(int field) const override;
    [[nodiscard]] QString mappingProblem(const QList<int> &mapping) const override;
    bool addRow(const QStringList &values, int line, QString *problem, QStringList *stored) override;
    void clearRows() override { m_rows.clear(); }
    void writeRows(const QString &connectionName, const Progress &progress, Result *result) override;

    QList<Row> m_rows;
};
