// Asks for a feed's address (or a web page's, whose feeds it finds), its folder and whether to
// follow its comments.
#pragma once

#include "feeddiscovery.h"
#include "feedrepository.h"

#include <QDialog>
#include <QSet>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

class AddFeedDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddFeedDialog)

public:
    enum Column { TitleColumn, FormatColumn, UrlColumn, ColumnCount };

    // folders: the existing folder paths ("A/B"), offered for the new feed.
    explicit AddFeedDialog(const QStringList &folders, QWidget *parent = nullptr);

    // The address as typed, made a URL.
    [[nodiscard]] QString url() const;
    [[nodiscard]] QString folderPath() const;
    [[nodiscard]] bool followComments() const;
    void setUrl(const QString &url);
    // Feeds followed already: found among a page's feeds, they are shown but not offered again.
    void setFollowedUrls(const QStringList &urls);
    // What to subscribe to: the checked feeds found, or else the typed address.
    [[nodiscard]] QList<FeedRepository::NewFeed> feeds() const;

    // Looks for the feeds of the typed address without blocking; Find Feeds does this.
    void findFeeds();
    [[nodiscard]] bool isSearching() const;

    void done(int result) override;

Q_SIGNALS:
    // A search ended with feeds listed or an error shown (not when it was stopped).
    void searchFinished();

private:
    enum class Hint { Plain, Error };

    void validate();
    void addClicked();
    void startSearch(bool acceptAFeed);
    void stopSearch();
    void searchDone(const FeedDiscovery::Result &result);
    void addressEdited();
    void showHint(const QString &text, Hint kind);
    void fitContents();
    [[nodiscard]] int checkedCount() const;
    [[nodiscard]] bool hasValidAddress() const;
    [[nodiscard]] bool isFollowed(const QString &url) const;

    QFormLayout *m_form = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_find = nullptr;
    QProgressBar *m_busy = nullptr;
    QTreeWidget *m_found = nullptr;
    QComboBox *m_folder = nullptr;
    QCheckBox *m_comments = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_ok = nullptr;
    FeedDiscovery *m_discovery = nullptr;
    QSet<QString> m_followed;
    // Add started the search: a feed address is then added at once.
    bool m_acceptAFeed = false;
    // The search for the typed address failed: Add then takes the address as it is.
    bool m_failed = false;
};
