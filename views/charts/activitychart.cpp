// Posts per week as a filled area and active members per week as a line, over real dates.
#include "activitychart.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QTimeZone>
#include <QValueAxis>

#include <algorithm>

ActivityChart::ActivityChart(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->setTitle(tr("Activity per week"));
}

void ActivityChart::showWeeks(const QList<CommunityMetrics::Week> &weeks)
{
    QChart *c = chart();
    c->removeAllSeries();
    const auto axes = c->axes();
    for (QAbstractAxis *axis : axes) {
        c->removeAxis(axis);
        delete axis;
    }
    m_points = int(weeks.size());
    if (weeks.isEmpty())
        return;

    auto *posts = new QLineSeries;
    auto *baseline = new QLineSeries;
    auto *active = new QLineSeries;
    active->setName(tr("Active members"));
    int maximum = 1;
    for (const auto &week : weeks) {
        const qreal x = qreal(week.start.startOfDay(QTimeZone::utc()).toMSecsSinceEpoch());
        posts->append(x, week.posts);
        baseline->append(x, 0);
        active->append(x, week.activeMembers);
        maximum = std::max({maximum, week.posts, week.activeMembers});
    }
    auto *area = new QAreaSeries(posts, baseline);
    area->setName(tr("Posts"));
    area->setColor(QColor(37, 99, 235, 110));
    area->setBorderColor(QColor(37, 99, 235));
    QPen activePen(QColor(234, 88, 12));
    activePen.setWidthF(2.5);
    active->setPen(activePen);
    c->addSeries(area);
    c->addSeries(active);

    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("d MMM"));
    x->setTickCount(7);
    x->setRange(weeks.constFirst().start.startOfDay(QTimeZone::utc()),
                weeks.constLast().start.startOfDay(QTimeZone::utc()));
    auto *y = new QValueAxis;
    y->setRange(0, maximum * 1.1);
    y->setLabelFormat(QStringLiteral("%d"));
    y->applyNiceNumbers();
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series :
         {static_cast<QAbstractSeries *>(area), static_cast<QAbstractSeries *>(active)}) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
}
