// The address is checked before it is added: a feed is added as it is, a web page lists the
// feeds it offers to choose from. The checks run on the event loop and can be stopped.
#include "addfeeddialog.h"

#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace {

constexpr int UrlRole = Qt::UserRole;
constexpr int TitleRole = Qt::UserRole + 1;
constexpr int FormatRole = Qt::UserRole + 2;

} // namespace

AddFeedDialog::AddFeedDialog(const QStringList &folders, QWidget *parent)
    : QDialog(parent)
    , m_discovery(new FeedDiscovery(this))
{
    setWindowTitle(tr("Add Feed"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("feedUrl"));
    m_url->setPlaceholderText(tr("https://example.org/ or https://example.org/feed.xml"));
    m_url->setMinimumWidth(440);
    m_url->setClearButtonEnabled(true);
    m_find = new QPushButton(tr("&Find Feeds"), this);
    m_find->setObjectName(QStringLiteral("findFeedsButton"));
    m_find->setAutoDefault(false);
    m_find->setToolTip(tr("List the feeds this web page offers"));
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("discoveryBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(m_busy->fontMetrics().height() / 2 + 4);
    m_found = new QTreeWidget(this);
    m_found->setObjectName(QStringLiteral("foundFeeds"));
    m_found->setColumnCount(ColumnCount);
    m_found->setHeaderLabels({tr("Feed"), tr("Format"), tr("Address")});
    m_found->setRootIsDecorated(false);
    m_found->setUniformRowHeights(true);
    m_found->setTextElideMode(Qt::ElideMiddle);
    m_found->setSelectionMode(QAbstractItemView::NoSelection);
    m_found->setFocusPolicy(Qt::StrongFocus);
    m_found->setColumnWidth(TitleColumn, 180);
    m_found->setColumnWidth(FormatColumn, 80);
    m_found->setMinimumHeight(120);
    m_folder = new QComboBox(this);
    m_folder->setObjectName(QStringLiteral("feedFolder"));
    m_folder->setEditable(true);
    m_folder->addItem(QString());
    m_folder->addItems(folders);
    m_folder->lineEdit()->setPlaceholderText(tr("No folder"));
    m_comments = new QCheckBox(tr("Also fetch the comments of its items"), this);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("feedHint"));
    m_hint->setWordWrap(true);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *address = new QHBoxLayout;
    address->addWidget(m_url, 1);
    address->addWidget(m_find);
    m_form = new QFormLayout;
    // A layout is no buddy: the label needs its own to keep the mnemonic.
    auto *addressLabel = new QLabel(tr("&Address:"), this);
    addressLabel->setBuddy(m_url);
    m_form->addRow(addressLabel, address);
    m_form->addRow(QString(), m_busy);
    m_form->addRow(tr("Feeds:"), m_found);
    m_form->addRow(tr("&Folder:"), m_folder);
    m_form->addRow(QString(), m_comments);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_hint);
    layout->addStretch();
    layout->addWidget(buttons);
    m_form->setRowVisible(m_busy, false);
    m_form->setRowVisible(m_found, false);

    connect(buttons, &QDialogButtonBox::accepted, this, &AddFeedDialog::addClicked);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_find, &QPushButton::clicked, this, [this] {
        if (isSearching())
            stopSearch();
        else
            startSearch(false);
    });
    connect(m_url, &QLineEdit::textChanged, this, &AddFeedDialog::addressEdited);
    connect(m_found, &QTreeWidget::itemChanged, this, &AddFeedDialog::validate);
    connect(m_discovery, &FeedDiscovery::progress, this, [this](const QString &message) {
        showHint(message, Hint::Plain);
    });
    connect(m_discovery, &FeedDiscovery::finished, this, &AddFeedDialog::searchDone);
    addressEdited();
}

QString AddFeedDialog::url() const
{
    return QUrl::fromUserInput(m_url->text().trimmed()).toString();
}

QString AddFeedDialog::folderPath() const
{
    return m_folder->currentText().trimmed();
}

bool AddFeedDialog::followComments() const
{
    return m_comments->isChecked();
}

void AddFeedDialog::setUrl(const QString &url)
{
    m_url->setText(url);
}

void AddFeedDialog::setFollowedUrls(const QStringList &urls)
{
    m_followed = QSet<QString>(urls.cbegin(), urls.cend());
    validate();
}

QList<FeedRepository::NewFeed> AddFeedDialog::feeds() const
{
    FeedRepository::NewFeed base;
    base.folderPath = folderPath();
    base.followComments = followComments();
    QList<FeedRepository::NewFeed> feeds;
    if (m_found->topLevelItemCount() == 0) {
        base.url = url();
        feeds << base;
        return feeds;
    }
    for (int row = 0; row < m_found->topLevelItemCount(); ++row) {
        const QTreeWidgetItem *item = m_found->topLevelItem(row);
        if (item->checkState(TitleColumn) != Qt::Checked)
            continue;
        FeedRepository::NewFeed feed = base;
        feed.url = item->data(TitleColumn, UrlRole).toString();
        feed.title = item->data(TitleColumn, TitleRole).toString();
        feed.format = item->data(TitleColumn, FormatRole).toString();
        feeds << feed;
    }
    return feeds;
}

void AddFeedDialog::findFeeds()
{
    startSearch(false);
}

bool AddFeedDialog::isSearching() const
{
    return m_discovery->isRunning();
}

void AddFeedDialog::done(int result)
{
    // Closing ends the search; nothing it finds afterwards matters.
    m_discovery->cancel();
    QDialog::done(result);
}

void AddFeedDialog::addClicked()
{
    if (m_failed || checkedCount() > 0) {
        accept();
        return;
    }
    if (hasValidAddress() && !isSearching())
        startSearch(true);
}

void AddFeedDialog::startSearch(bool acceptAFeed)
{
    if (!hasValidAddress())
        return;
    m_acceptAFeed = acceptAFeed;
    m_failed = false;
    m_found->clear();
    m_form->setRowVisible(m_found, false);
    m_discovery->discover(QUrl::fromUserInput(m_url->text().trimmed()));
    validate();
}

void AddFeedDialog::stopSearch()
{
    m_discovery->cancel();
    validate();
    showHint(tr("Stopped looking for feeds."), Hint::Plain);
}

void AddFeedDialog::searchDone(const FeedDiscovery::Result &result)
{
    if (!result.errorString.isEmpty()) {
        m_failed = true;
        validate();
        showHint(result.errorString + QLatin1Char(' ')
                     + tr("Add Anyway subscribes to the address as it is; it is fetched with "
                          "the next sync."),
                 Hint::Error);
        Q_EMIT searchFinished();
        return;
    }
    const QSignalBlocker blocker(m_found);
    int offered = 0;
    for (const FeedDiscovery::Candidate &candidate : result.candidates) {
        const QString address = candidate.url.toString();
        const QString title = candidate.title.isEmpty() ? tr("Untitled feed") : candidate.title;
        auto *item = new QTreeWidgetItem(m_found);
        item->setData(TitleColumn, UrlRole, address);
        item->setData(TitleColumn, TitleRole, candidate.title);
        item->setData(TitleColumn, FormatRole, candidate.format);
        item->setText(FormatColumn, FeedDiscovery::formatName(candidate.format));
        item->setText(UrlColumn, address);
        item->setToolTip(UrlColumn, address);
        if (isFollowed(address)) {
            item->setText(TitleColumn, tr("%1 (already followed)").arg(title));
            item->setToolTip(TitleColumn, tr("You follow this feed already."));
            item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren);
            item->setCheckState(TitleColumn, Qt::Unchecked);
            continue;
        }
        item->setText(TitleColumn, title);
        item->setToolTip(TitleColumn, title);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren);
        // The first feed is what most people want; the others are one click away.
        item->setCheckState(TitleColumn, offered == 0 ? Qt::Checked : Qt::Unchecked);
        ++offered;
    }
    if (m_acceptAFeed && result.addressIsFeed && offered == 1) {
        // Add was pressed on a feed's address: nothing to choose.
        Q_EMIT searchFinished();
        accept();
        return;
    }
    m_form->setRowVisible(m_found, true);
    m_found->resizeColumnToContents(TitleColumn);
    m_found->setColumnWidth(TitleColumn, qBound(120, m_found->columnWidth(TitleColumn) + 8, 260));
    validate();
    const int followed = int(result.candidates.size()) - offered;
    if (offered == 0) {
        showHint(tr("You already follow every feed found at %1.")
                     .arg(result.pageUrl.toDisplayString(QUrl::RemoveUserInfo)),
                 Hint::Plain);
    } else if (result.addressIsFeed) {
        showHint(tr("This address is a feed."), Hint::Plain);
    } else {
        QString text = tr("Found %n feed(s).", nullptr, int(result.candidates.size()));
        if (followed > 0)
            text += QLatin1Char(' ') + tr("You follow %n of them already.", nullptr, followed);
        showHint(text + QLatin1Char(' ') + tr("Check the ones to follow."), Hint::Plain);
    }
    Q_EMIT searchFinished();
}

void AddFeedDialog::addressEdited()
{
    // What was found belongs to the old address.
    m_discovery->cancel();
    m_failed = false;
    m_found->clear();
    m_form->setRowVisible(m_found, false);
    validate();
}

void AddFeedDialog::validate()
{
    const bool searching = isSearching();
    const bool listed = m_found->topLevelItemCount() > 0;
    const int checked = checkedCount();
    const bool valid = hasValidAddress();
    const bool followed = valid && isFollowed(url());
    m_form->setRowVisible(m_busy, searching);
    m_find->setText(searching ? tr("&Stop") : tr("&Find Feeds"));
    m_find->setEnabled(searching || (valid && !followed));
    if (listed) {
        m_ok->setText(tr("Add %n Feed(s)", nullptr, checked));
        m_ok->setEnabled(!searching && checked > 0);
        fitContents();
        return;
    }
    m_ok->setText(m_failed ? tr("Add Anyway") : tr("Add"));
    m_ok->setEnabled(!searching && valid && !followed);
    if (searching || m_failed) {
        fitContents();
        return;
    }
    const QString text = m_url->text().trimmed();
    if (text.isEmpty() || valid)
        showHint(followed ? tr("You already follow this feed.")
                          : tr("Enter the address of a feed, or of a web page to find the feeds "
                               "it offers."),
                 Hint::Plain);
    else
        showHint(tr("Enter the address of the feed (http or https)."), Hint::Error);
}

void AddFeedDialog::showHint(const QString &text, Hint kind)
{
    m_hint->setText(text);
    m_hint->setProperty("error", kind == Hint::Error);
    QPalette palette = this->palette();
    if (kind == Hint::Error) {
        palette.setColor(QPalette::WindowText, QColor(0xb3, 0x26, 0x1e));
        m_hint->setForegroundRole(QPalette::WindowText);
    } else {
        m_hint->setForegroundRole(QPalette::PlaceholderText);
    }
    m_hint->setPalette(palette);
    fitContents();
}

void AddFeedDialog::fitContents()
{
    // Rows that appear and hints that wrap need room the window may not have yet; it grows
    // for them but never shrinks under the user's hands.
    const int needed = hasHeightForWidth() ? heightForWidth(width()) : sizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

int AddFeedDialog::checkedCount() const
{
    int count = 0;
    for (int row = 0; row < m_found->topLevelItemCount(); ++row) {
        if (m_found->topLevelItem(row)->checkState(TitleColumn) == Qt::Checked)
            ++count;
    }
    return count;
}

bool AddFeedDialog::hasValidAddress() const
{
    const QString text = m_url->text().trimmed();
    const QUrl url = QUrl::fromUserInput(text);
    return !text.isEmpty() && url.isValid() && !url.host().isEmpty()
           && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

bool AddFeedDialog::isFollowed(const QString &url) const
{
    return m_followed.contains(url);
}
