// Dashboard layout and the background computation of its figures.
#include "dashboardpane.h"

#include "activitychart.h"
#include "database.h"
#include "emptystatewidget.h"
#include "statcard.h"
#include "storageerror.h"

#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

DashboardPane::DashboardPane(const Database &database, QWidget *parent)
    : Pane(database, parent)
{
    auto *content = new QWidget(this);
    m_members = new StatCard(tr("Members"), content);
    m_active = new StatCard(tr("Active in the last 30 days"), content);
    m_posts = new StatCard(tr("Posts in the last 30 days"), content);
    m_discussions = new StatCard(tr("Discussions"), content);
    m_response = new StatCard(tr("Response rate (30 days)"), content);
    m_feeds = new StatCard(tr("Feeds"), content);
    auto *cards = new QGridLayout;
    cards->addWidget(m_members, 0, 0);
    cards->addWidget(m_active, 0, 1);
    cards->addWidget(m_posts, 0, 2);
    cards->addWidget(m_discussions, 1, 0);
    cards->addWidget(m_response, 1, 1);
    cards->addWidget(m_feeds, 1, 2);

    m_chart = new ActivityChart(content);
    m_chart->setObjectName(QStringLiteral("activityChart"));
    m_chart->setMinimumHeight(260);
    m_top = new QListWidget(content);
    m_top->setObjectName(QStringLiteral("topContributors"));
    m_top->setMaximumWidth(280);
    auto *topLabel = new QLabel(tr("Top contributors (90 days)"), content);
    QFont bold = topLabel->font();
    bold.setBold(true);
    topLabel->setFont(bold);
    auto *topBox = new QVBoxLayout;
    topBox->addWidget(topLabel);
    topBox->addWidget(m_top);

    auto *lower = new QHBoxLayout;
    lower->addWidget(m_chart, 1);
    lower->addLayout(topBox);
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(cards);
    layout->addLayout(lower, 1);

    auto *empty = new EmptyStateWidget(
        QStringLiteral(":/icons/dashboard.svg"),
        tr("Nothing to measure yet"),
        tr("Add a feed or import a transcript, and your community's activity "
           "shows up here."),
        this);
    connect(empty->addAction(tr("Open Sample Community")),
            &QPushButton::clicked,
            this,
            &Pane::sampleRequested);
    setUp(content, empty);

    connect(&m_watcher,
            &QFutureWatcher<CommunityMetrics>::finished,
            this,
            &DashboardPane::showMetrics);
    updateEmptyState();
    reload();
}

DashboardPane::~DashboardPane()
{
    // The computation uses the database, which may go away with this pane.
    m_watcher.waitForFinished();
}

void DashboardPane::reload()
{
    if (m_watcher.isRunning()) {
        m_pendingReload = true;
        return;
    }
    m_computing = true;
    const Database *db = &database();
    m_watcher.setFuture(QtConcurrent::run([db]() {
        CommunityMetrics metrics;
        try {
            metrics = CommunityMetrics::compute(db->connectionName(),
                                                QDateTime::currentDateTimeUtc());
        } catch (const StorageError &) {
            metrics.computedAt = QDateTime(); // marks a failure
        }
        db->releaseThreadConnection();
        return metrics;
    }));
}

bool DashboardPane::hasData() const
{
    return m_metrics.members > 0 || m_metrics.posts > 0 || m_metrics.feeds > 0;
}

void DashboardPane::showMetrics()
{
    m_metrics = m_watcher.result();
    if (!m_metrics.computedAt.isValid())
        Q_EMIT errorOccurred(tr("The dashboard figures could not be read from the database."));
    const QLocale locale;
    m_members->setValue(locale.toString(m_metrics.members),
                        tr("%n new in 30 days", nullptr, m_metrics.newMembers));
    const int activeShare = m_metrics.members > 0
                                ? qRound(100.0 * m_metrics.activeMembers / m_metrics.members)
                                : 0;
    m_active->setValue(locale.toString(m_metrics.activeMembers),
                       tr("%1% of all members").arg(activeShare));
    m_posts->setValue(locale.toString(m_metrics.postsInWindow),
                      tr("%1 in total").arg(locale.toString(m_metrics.posts)));
    m_discussions->setValue(locale.toString(m_metrics.discussions),
                            tr("%n without a reply (30 days)",
                               nullptr,
                               m_metrics.unansweredDiscussions));
    m_response->setValue(QStringLiteral("%1%").arg(qRound(m_metrics.responseRate * 100)),
                         tr("of new discussions got a reply"));
    m_feeds->setValue(locale.toString(m_metrics.feeds));
    m_chart->showWeeks(m_metrics.weeks);
    m_top->clear();
    for (const auto &contributor : std::as_const(m_metrics.topContributors))
        m_top->addItem(tr("%1 — %n post(s)", nullptr, contributor.posts).arg(contributor.name));
    updateEmptyState();
    m_computing = false;
    Q_EMIT metricsShown();
    if (m_pendingReload) {
        m_pendingReload = false;
        reload();
    }
}
