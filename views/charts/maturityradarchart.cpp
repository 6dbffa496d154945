// Competencies around the circle, stages as rings.
#include "maturityradarchart.h"

#include "assessmentmodel.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QLineSeries>
#include <QPolarChart>
#include <QValueAxis>

MaturityRadarChart::MaturityRadarChart(QWidget *parent)
    : QChartView(new QPolarChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->setBackgroundRoundness(0);
}

int MaturityRadarChart::seriesCount() const
{
    return int(chart()->series().size());
}

void MaturityRadarChart::showAssessment(const AssessmentModel &model)
{
    auto *polar = static_cast<QPolarChart *>(chart());
    polar->removeAllSeries();
    const auto axes = polar->axes();
    for (QAbstractAxis *axis : axes) {
        polar->removeAxis(axis);
        delete axis;
    }
    const auto &sheet = model.sheet();
    const int n = int(sheet.competencies.size());
    if (n == 0)
        return;
    const int maxStage = sheet.stages.isEmpty() ? 4 : sheet.stages.constLast().level;

    // Competency k sits on spoke k, the first at the top. Its label goes on spoke n, which is
    // the same spoke as 0 (a category must end after the axis start).
    auto *angular = new QCategoryAxis;
    angular->setStartValue(0);
    angular->setRange(0, n);
    angular->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int i = 1; i < n; ++i)
        angular->append(sheet.competencies.at(i).name, i);
    angular->append(sheet.competencies.at(0).name, n);
    auto *radial = new QValueAxis;
    radial->setRange(0, maxStage);
    radial->setTickCount(maxStage + 1);
    radial->setLabelFormat(QStringLiteral("%d"));
    polar->addAxis(angular, QPolarChart::PolarOrientationAngular);
    polar->addAxis(radial, QPolarChart::PolarOrientationRadial);

    // Closed outline through each competency's value.
    auto outline = [&](const QString &name, auto valueAt) {
        auto *series = new QLineSeries;
        series->setName(name);
        for (int i = 0; i < n; ++i)
            series->append(i, valueAt(i));
        series->append(n, valueAt(0));
        return series;
    };

    auto *average = outline(tr("Average"), [&](int row) { return model.averageForRow(row); });
    auto *centre = new QLineSeries;
    for (int i = 0; i <= n; ++i)
        centre->append(i, 0);
    auto *area = new QAreaSeries(average, centre);
    area->setName(tr("Average"));
    area->setColor(QColor(37, 99, 235, 60));
    area->setBorderColor(QColor(37, 99, 235));
    polar->addSeries(area);
    area->attachAxis(angular);
    area->attachAxis(radial);

    for (int a = 0; a < sheet.assessors.size(); ++a) {
        const int column = a + 1;
        auto *series = outline(sheet.assessors.at(a).name, [&](int row) {
            return model.index(row, column).data(AssessmentModel::ScoreRole).toDouble();
        });
        polar->addSeries(series); // the theme picks the colour here
        QPen pen = series->pen();
        pen.setWidthF(1.5);
        pen.setStyle(Qt::DashLine);
        series->setPen(pen);
        series->attachAxis(angular);
        series->attachAxis(radial);
    }
}
