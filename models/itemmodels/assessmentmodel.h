// One maturity assessment as a grid: a row per competency, a column per assessor, then the
// average and the stage it reaches. Tooltips show the framework's criterion for that stage.
#pragma once

#include "assessmentrepository.h"

#include <QAbstractTableModel>

class AssessmentModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role { CompetencyIdRole = Qt::UserRole + 1, ScoreRole };

    explicit AssessmentModel(QString connectionName, QObject *parent = nullptr);

    void setAssessment(qint64 assessmentId);
    [[nodiscard]] const AssessmentRepository::Sheet &sheet() const { return m_sheet; }
    // The mean of all assessors' scores for a competency row, or 0 when nobody scored it.
    [[nodiscard]] double averageForRow(int row) const;
    [[nodiscard]] int averageColumn() const { return int(m_sheet.assessors.size()) + 1; }
    [[nodiscard]] int stageColumn() const { return averageColumn() + 1; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section,
                                      Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    [[nodiscard]] const AssessmentRepository::Score *score(int row, int assessorColumn) const;
    [[nodiscard]] QString stageName(double stage) const;

    QString m_connectionName;
    AssessmentRepository::Sheet m_sheet;
};
