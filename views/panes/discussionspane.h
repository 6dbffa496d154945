// The Discussions pane: full-text search and filters, the threads of the community (or the posts
// found), a reply tree and the selected post with its tags and "needs response" flag.
#pragma once

#include "discussionrepository.h"
#include "pane.h"

class DiscussionsModel;
class SearchResultsModel;
class ThreadModel;
class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QStackedWidget;
class QStandardItemModel;
class QTableView;
class QTextBrowser;
class QTimer;
class QToolButton;
class QTreeView;

class DiscussionsPane final : public Pane
{
    Q_OBJECT

public:
    explicit DiscussionsPane(const Database &database, QWidget *parent = nullptr);

    void reload() override;
    [[nodiscard]] bool hasData() const override;
    void setReadOnly(bool readOnly) override;

    // Narrows the lists to the posts of one member (0: everybody).
    void setMemberFilter(qint64 memberId, const QString &name);
    // Narrows the lists to posts with this #hashtag (empty: any tag).
    void setHashtagFilter(const QString &hashtag);
    [[nodiscard]] DiscussionRepository::Filters filters() const;
    [[nodiscard]] QString searchText() const;

Q_SIGNALS:
    // A mention or an author was clicked: the window shows that member.
    void memberRequested(qint64 memberId);

private:
    void buildFilterBar(QWidget *parent);
    void fillFilterChoices();
    void applyFilters();
    void completeMembers(const QString &text);
    // Whether there is anything to show, and the first row selected; reads no page itself.
    void updateState();
    void showDiscussion(qint64 discussionId, qint64 postId = 0);
    void showPost(const QModelIndex &index);
    // Reads the current thread again (after an edit) and selects this post in it.
    void reloadThread(qint64 postId);
    void openLink(const QUrl &url);
    void saveTags(DiscussionRepository::TagTarget target, QLineEdit *edit);
    void toggleNeedsResponse(bool needsResponse);
    [[nodiscard]] qint64 currentPostId() const;

    DiscussionsModel *m_model = nullptr;
    SearchResultsModel *m_results = nullptr;
    ThreadModel *m_thread = nullptr;
    QLineEdit *m_search = nullptr;
    QProgressBar *m_searchBusy = nullptr;
    QLineEdit *m_member = nullptr;
    QStandardItemModel *m_memberChoices = nullptr;
    QComboBox *m_tag = nullptr;
    QComboBox *m_source = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QCheckBox *m_noReply = nullptr;
    QCheckBox *m_needsResponse = nullptr;
    QTimer *m_filterTimer = nullptr;
    QStackedWidget *m_lists = nullptr;
    QTableView *m_table = nullptr;
    QTableView *m_resultsTable = nullptr;
    QLabel *m_discussionTitle = nullptr;
    QLineEdit *m_discussionTags = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_postHeading = nullptr;
    QLineEdit *m_postTags = nullptr;
    QToolButton *m_needsResponseButton = nullptr;
    QAction *m_needsResponseAction = nullptr;
    QTextBrowser *m_post = nullptr;
    qint64 m_memberId = 0;
    bool m_hasDiscussions = false;
    bool m_readOnly = false;
};
