// The Maturity pane: an assessment's scores per competency and assessor, and its radar chart.
#pragma once

#include "pane.h"

class AssessmentModel;
class MaturityRadarChart;
class QComboBox;
class QLabel;
class QTableView;

class MaturityPane final : public Pane
{
    Q_OBJECT

public:
    explicit MaturityPane(const Database &database, QWidget *parent = nullptr);

    void reload() override;
    [[nodiscard]] bool hasData() const override;

private:
    void showAssessment(int comboIndex);

    AssessmentModel *m_model = nullptr;
    QComboBox *m_assessments = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
    MaturityRadarChart *m_chart = nullptr;
};
