// Bars and a line over the same week categories.
#include "activitychart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QLineSeries>
#include <QLocale>
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

    auto *posts = new QBarSet(tr("Posts"));
    posts->setColor(QColor(37, 99, 235));
    auto *active = new QLineSeries;
    active->setName(tr("Active members"));
    QPen pen(QColor(234, 88, 12));
    pen.setWidthF(2.5);
    active->setPen(pen);
    QStringList categories;
    int maximum = 1;
    for (int i = 0; i < weeks.size(); ++i) {
        const auto &week = weeks.at(i);
        *posts << week.posts;
        active->append(i, week.activeMembers);
        maximum = std::max({maximum, week.posts, week.activeMembers});
        // Label every fourth week to keep the axis readable.
        categories << (i % 4 == 0 ? QLocale().toString(week.start, QStringLiteral("d MMM"))
                                  : QString(i, QChar(0x200B)));
    }
    auto *bars = new QBarSeries;
    bars->append(posts);
    bars->setBarWidth(0.7);
    c->addSeries(bars);
    c->addSeries(active);

    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setGridLineVisible(false);
    auto *y = new QValueAxis;
    y->setRange(0, maximum * 1.1);
    y->setLabelFormat(QStringLiteral("%d"));
    y->applyNiceNumbers();
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    active->attachAxis(x);
    active->attachAxis(y);
}
