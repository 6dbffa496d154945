// The Dashboard pane: headline figures, weekly activity and top contributors, computed off the
// GUI thread.
#pragma once

#include "communitymetrics.h"
#include "pane.h"

#include <QFutureWatcher>

class ActivityChart;
class QListWidget;
class StatCard;

class DashboardPane final : public Pane
{
    Q_OBJECT

public:
    explicit DashboardPane(const Database &database, QWidget *parent = nullptr);
    ~DashboardPane() override;

    void reload() override;
    [[nodiscard]] bool hasData() const override;
    [[nodiscard]] bool isComputing() const { return m_computing; }

Q_SIGNALS:
    void metricsShown();

private:
    void showMetrics();

    QFutureWatcher<CommunityMetrics> m_watcher;
    CommunityMetrics m_metrics;
    bool m_pendingReload = false;
    bool m_computing = false; // until the result is shown
    StatCard *m_members = nullptr;
    StatCard *m_active = nullptr;
    StatCard *m_posts = nullptr;
    StatCard *m_discussions = nullptr;
    StatCard *m_response = nullptr;
    StatCard *m_feeds = nullptr;
    ActivityChart *m_chart = nullptr;
    QListWidget *m_top = nullptr;
};
