// The Discussions pane: threads of the community, a reply tree and the selected post.
#pragma once

#include "pane.h"

class DiscussionsModel;
class ThreadModel;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QTimer;
class QTreeView;

class DiscussionsPane final : public Pane
{
    Q_OBJECT

public:
    explicit DiscussionsPane(const Database &database, QWidget *parent = nullptr);

    void reload() override;
    [[nodiscard]] bool hasData() const override;

private:
    // Whether there is anything to show, and the first row selected; reads no page itself.
    void updateState();
    void showDiscussion(qint64 discussionId);
    void showPost(const QModelIndex &index);

    DiscussionsModel *m_model = nullptr;
    ThreadModel *m_thread = nullptr;
    QLineEdit *m_filter = nullptr;
    QTimer *m_filterTimer = nullptr;
    QTableView *m_table = nullptr;
    QTreeView *m_tree = nullptr;
    QTextBrowser *m_post = nullptr;
    bool m_hasDiscussions = false;
};
