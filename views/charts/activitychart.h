// Weekly activity: posts per week as bars and active members per week as a line.
#pragma once

#include "communitymetrics.h"

#include <QChartView>

class ActivityChart final : public QChartView
{
    Q_OBJECT

public:
    explicit ActivityChart(QWidget *parent = nullptr);

    void showWeeks(const QList<CommunityMetrics::Week> &weeks);
    [[nodiscard]] int pointCount() const { return m_points; }

private:
    int m_points = 0;
};
