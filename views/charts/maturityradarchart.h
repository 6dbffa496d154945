// A radar (spider) chart of one assessment: a line per assessor and the filled average.
#pragma once

#include <QChartView>

class AssessmentModel;

class MaturityRadarChart final : public QChartView
{
    Q_OBJECT

public:
    explicit MaturityRadarChart(QWidget *parent = nullptr);

    // Redraws from the model's current assessment.
    void showAssessment(const AssessmentModel &model);
    [[nodiscard]] int seriesCount() const;
};
