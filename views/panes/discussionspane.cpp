// Search and filter bar, discussions list or search results, thread tree and post view.
#include "discussionspane.h"

#include "discussionsmodel.h"
#include "emptystatewidget.h"
#include "highlightdelegate.h"
#include "searchresultsmodel.h"
#include "storageerror.h"
#include "textextractor.h"
#include "threadmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDesktopServices>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

// Members offered while typing in the member filter.
constexpr int memberChoices = 20;
// Hashtags offered in the tag filter (a hashtag clicked in a post is added when missing).
constexpr int hashtagChoices = 300;
// A date edit at its minimum shows "Any": no limit on that side.
const QDate noDate(2000, 1, 1);

const char tagPrefix[] = "tag:";
const char hashtagPrefix[] = "hashtag:";

// Plain text to HTML with mentions, hashtags and links picked out, in one pass so that no
// replacement looks into the markup an earlier one wrote.
QString richText(const QString &text)
{
    const QString escaped = text.toHtmlEscaped();
    static const QRegularExpression token(QStringLiteral("(https?://[^\\s<]+[^\\s<.,;:!?)])"
                                                         "|(^|[^\\w/])@([A-Za-z0-9_.]*[A-Za-z0-9_])"
                                                         "|(^|[^\\w&/])#(\\w*[A-Za-z]\\w*)"));
    QString html;
    qsizetype at = 0;
    auto matches = token.globalMatch(escaped);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        html += escaped.mid(at, match.capturedStart() - at);
        if (match.capturedLength(1) > 0) {
            html += QStringLiteral("<a href=\"%1\">%1</a>").arg(match.captured(1));
        } else if (match.capturedLength(3) > 0) {
            html += match.captured(2)
                    + QStringLiteral("<a href=\"member:%1\" style=\"color:#2563eb;\">@%1</a>")
                          .arg(match.captured(3));
        } else {
            html += match.captured(4)
                    + QStringLiteral("<a href=\"tag:%1\" style=\"color:#0f766e;\">#%1</a>")
                          .arg(match.captured(5));
        }
        at = match.capturedEnd();
    }
    return html + escaped.mid(at);
}

QStringList splitTags(const QString &text)
{
    QStringList tags;
    QStringList seen;
    const QStringList parts = text.split(QLatin1Char(','));
    for (const QString &part : parts) {
        const QString name = part.trimmed();
        const QString normalized = TextExtractor::normalizeTag(name);
        if (!normalized.isEmpty() && !seen.contains(normalized)) {
            seen << normalized;
            tags << name;
        }
    }
    return tags;
}

QDateEdit *createDateEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(noDate);
    edit->setSpecialValueText(DiscussionsPane::tr("Any"));
    edit->setDate(noDate);
    return edit;
}

} // namespace

DiscussionsPane::DiscussionsPane(const Database &database, QWidget *parent)
    : Pane(database, parent)
{
    auto *content = new QWidget(this);
    buildFilterBar(content);

    m_model = new DiscussionsModel(connectionName(), this);
    m_table = createTable(QStringLiteral("discussionsTable"), m_model, content);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DiscussionsModel::LastPostColumn, Qt::DescendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(DiscussionsModel::TitleColumn,
                                                      QHeaderView::Stretch);
    const int timeWidth = dateColumnWidth(m_table, true);
    m_table->setColumnWidth(DiscussionsModel::SourceColumn, 170);
    m_table->setColumnWidth(DiscussionsModel::StartedColumn, timeWidth);
    m_table->setColumnWidth(DiscussionsModel::LastPostColumn, timeWidth);
    m_table->setColumnWidth(DiscussionsModel::PostsColumn, 60);
    m_table->setColumnWidth(DiscussionsModel::ParticipantsColumn, 90);

    m_results = new SearchResultsModel(database, this);
    m_resultsTable = createTable(QStringLiteral("searchResults"), m_results, content);
    m_resultsTable
        ->setItemDelegateForColumn(SearchResultsModel::SnippetColumn,
                                   new HighlightDelegate(SearchResultsModel::HighlightedSnippetRole,
                                                         m_resultsTable));
    m_resultsTable->horizontalHeader()->setSectionResizeMode(SearchResultsModel::SnippetColumn,
                                                             QHeaderView::Stretch);
    m_resultsTable->setColumnWidth(SearchResultsModel::DiscussionColumn, 220);
    m_resultsTable->setColumnWidth(SearchResultsModel::AuthorColumn, 150);
    m_resultsTable->setColumnWidth(SearchResultsModel::PostedColumn, timeWidth);

    m_lists = new QStackedWidget(content);
    m_lists->addWidget(m_table);
    m_lists->addWidget(m_resultsTable);

    m_thread = new ThreadModel(connectionName(), this);
    m_discussionTitle = new QLabel(content);
    m_discussionTitle->setObjectName(QStringLiteral("discussionTitle"));
    m_discussionTitle->setTextFormat(Qt::PlainText);
    QFont titleFont = m_discussionTitle->font();
    titleFont.setBold(true);
    m_discussionTitle->setFont(titleFont);
    m_discussionTags = new QLineEdit(content);
    m_discussionTags->setObjectName(QStringLiteral("discussionTags"));
    m_discussionTags->setPlaceholderText(tr("Tags of this discussion, separated by commas"));
    m_tree = new QTreeView(content);
    m_tree->setObjectName(QStringLiteral("threadTree"));
    m_tree->setModel(m_thread);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(ThreadModel::AuthorColumn, 200);
    m_tree->setColumnWidth(ThreadModel::PostedColumn, timeWidth);

    m_needsResponseAction = new QAction(tr("Mark as Needs Response"), this);
    m_needsResponseAction->setObjectName(QStringLiteral("needsResponseAction"));
    m_needsResponseAction->setCheckable(true);
    m_needsResponseAction->setEnabled(false);
    m_needsResponseAction->setToolTip(tr("Flag the selected post as waiting for an answer"));
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tree->addAction(m_needsResponseAction);

    m_postTags = new QLineEdit(content);
    m_postTags->setObjectName(QStringLiteral("postTags"));
    m_postTags->setPlaceholderText(tr("Tags of this post, separated by commas"));
    m_postTags->setEnabled(false);
    m_needsResponseButton = new QToolButton(content);
    m_needsResponseButton->setDefaultAction(m_needsResponseAction);
    m_needsResponseButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_post = new QTextBrowser(content);
    m_post->setObjectName(QStringLiteral("postView"));
    m_post->setOpenLinks(false);
    m_post->setPlaceholderText(tr("Select a post to read it."));

    auto *threadBox = new QWidget(content);
    auto *threadLayout = new QVBoxLayout(threadBox);
    threadLayout->setContentsMargins(0, 0, 0, 0);
    threadLayout->addWidget(m_discussionTitle);
    threadLayout->addWidget(m_discussionTags);
    threadLayout->addWidget(m_tree, 1);
    auto *postBox = new QWidget(content);
    auto *postLayout = new QVBoxLayout(postBox);
    postLayout->setContentsMargins(0, 0, 0, 0);
    auto *postBar = new QHBoxLayout;
    postBar->addWidget(m_postTags, 1);
    postBar->addWidget(m_needsResponseButton);
    postLayout->addLayout(postBar);
    postLayout->addWidget(m_post, 1);

    auto *lower = new QSplitter(Qt::Horizontal, content);
    lower->addWidget(threadBox);
    lower->addWidget(postBox);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    auto *splitter = new QSplitter(Qt::Vertical, content);
    splitter->addWidget(m_lists);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = qobject_cast<QVBoxLayout *>(content->layout());
    layout->addWidget(splitter, 1);

    auto *empty
        = new EmptyStateWidget(QStringLiteral(":/icons/discussions.svg"),
                               tr("No discussions yet"),
                               tr("Add a feed or import a transcript to bring your community's "
                                  "conversations in."),
                               this);
    connect(empty->addAction(tr("Open Sample Community")),
            &QPushButton::clicked,
            this,
            &Pane::sampleRequested);
    setUp(content, empty);

    connect(m_model, &PagedTableModel::errorOccurred, this, &Pane::errorOccurred);
    connect(m_results, &PagedTableModel::errorOccurred, this, &Pane::errorOccurred);
    // Hits arrive from the worker after the query was set: the first one is selected then.
    connect(m_results, &SearchResultsModel::searchingChanged, this, [this](bool searching) {
        // Only a search the user sees: the results also follow the filters while the list of
        // discussions is shown.
        m_searchBusy->setVisible(searching && m_lists->currentWidget() == m_resultsTable);
        if (!searching && m_lists->currentWidget() == m_resultsTable
            && !m_resultsTable->currentIndex().isValid() && m_results->rowCount() > 0)
            m_resultsTable->setCurrentIndex(m_results->index(0, 0));
    });
    connect(m_thread, &ThreadModel::errorOccurred, this, &Pane::errorOccurred);
    connect(m_table->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            [this](const QModelIndex &current) {
                showDiscussion(
                    current.isValid() ? current.data(PagedTableModel::IdRole).toLongLong() : 0);
            });
    connect(m_resultsTable->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                showDiscussion(current.data(SearchResultsModel::DiscussionIdRole).toLongLong(),
                               current.data(PagedTableModel::IdRole).toLongLong());
            });
    connect(m_tree->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &DiscussionsPane::showPost);
    connect(m_post, &QTextBrowser::anchorClicked, this, &DiscussionsPane::openLink);
    connect(m_discussionTags, &QLineEdit::editingFinished, this, [this] {
        saveTags(DiscussionRepository::TagTarget::Discussion, m_discussionTags);
    });
    connect(m_postTags, &QLineEdit::editingFinished, this, [this] {
        saveTags(DiscussionRepository::TagTarget::Post, m_postTags);
    });
    connect(m_needsResponseAction, &QAction::triggered, this, &DiscussionsPane::toggleNeedsResponse);
    fillFilterChoices();
    updateState();
}

void DiscussionsPane::buildFilterBar(QWidget *parent)
{
    m_search = new QLineEdit(parent);
    m_search->setObjectName(QStringLiteral("discussionsSearch"));
    m_search->setPlaceholderText(tr("Search posts: words, \"a phrase\", -leave out, prefix*"));
    m_search->setClearButtonEnabled(true);

    m_member = new QLineEdit(parent);
    m_member->setObjectName(QStringLiteral("memberFilter"));
    m_member->setPlaceholderText(tr("Anyone"));
    m_member->setClearButtonEnabled(true);
    m_memberChoices = new QStandardItemModel(this);
    auto *completer = new QCompleter(m_memberChoices, m_member);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_member->setCompleter(completer);

    m_tag = new QComboBox(parent);
    m_tag->setObjectName(QStringLiteral("tagFilter"));
    m_tag->setMinimumContentsLength(12);
    m_tag->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_source = new QComboBox(parent);
    m_source->setObjectName(QStringLiteral("sourceFilter"));
    m_source->setMinimumContentsLength(12);
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_from = createDateEdit(QStringLiteral("fromFilter"), parent);
    m_to = createDateEdit(QStringLiteral("toFilter"), parent);
    m_noReply = new QCheckBox(tr("No reply yet"), parent);
    m_noReply->setObjectName(QStringLiteral("noReplyFilter"));
    m_needsResponse = new QCheckBox(tr("Needs response"), parent);
    m_needsResponse->setObjectName(QStringLiteral("needsResponseFilter"));
    auto *clear = new QPushButton(tr("Clear Filters"), parent);
    clear->setObjectName(QStringLiteral("clearFilters"));

    // Shown while the search runs in the background.
    m_searchBusy = new QProgressBar(parent);
    m_searchBusy->setObjectName(QStringLiteral("searchBusy"));
    m_searchBusy->setRange(0, 0);
    m_searchBusy->setTextVisible(false);
    m_searchBusy->setMaximumWidth(80);
    m_searchBusy->setToolTip(tr("Searching..."));
    m_searchBusy->hide();

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_searchBusy);
    searchRow->addWidget(m_noReply);
    searchRow->addWidget(m_needsResponse);
    auto *filterRow = new QHBoxLayout;
    const auto labelled = [&](const QString &text, QWidget *widget, int stretch) {
        auto *label = new QLabel(text, parent);
        label->setBuddy(widget);
        filterRow->addWidget(label);
        filterRow->addWidget(widget, stretch);
    };
    labelled(tr("&Member:"), m_member, 2);
    labelled(tr("&Tag:"), m_tag, 2);
    labelled(tr("&Source:"), m_source, 2);
    labelled(tr("&From:"), m_from, 0);
    labelled(tr("T&o:"), m_to, 0);
    filterRow->addWidget(clear);

    auto *layout = new QVBoxLayout(parent);
    layout->addLayout(searchRow);
    layout->addLayout(filterRow);

    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(250);
    const auto later = [this] { m_filterTimer->start(); };
    connect(m_filterTimer, &QTimer::timeout, this, &DiscussionsPane::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, later);
    connect(m_tag, &QComboBox::currentIndexChanged, this, later);
    connect(m_source, &QComboBox::currentIndexChanged, this, later);
    connect(m_from, &QDateEdit::dateChanged, this, later);
    connect(m_to, &QDateEdit::dateChanged, this, later);
    connect(m_noReply, &QCheckBox::toggled, this, later);
    connect(m_needsResponse, &QCheckBox::toggled, this, later);
    connect(m_member, &QLineEdit::textEdited, this, [this, later](const QString &text) {
        m_memberId = 0;
        completeMembers(text);
        later();
    });
    connect(completer,
            qOverload<const QModelIndex &>(&QCompleter::activated),
            this,
            [this](const QModelIndex &index) {
                setMemberFilter(index.data(Qt::UserRole).toLongLong(), index.data().toString());
            });
    connect(clear, &QPushButton::clicked, this, [this] {
        m_memberId = 0;
        m_member->clear();
        m_tag->setCurrentIndex(0);
        m_source->setCurrentIndex(0);
        m_from->setDate(noDate);
        m_to->setDate(noDate);
        m_noReply->setChecked(false);
        m_needsResponse->setChecked(false);
        applyFilters();
    });
}

void DiscussionsPane::fillFilterChoices()
{
    const QString tag = m_tag->currentData().toString();
    const qint64 source = m_source->currentData().toLongLong();
    const QSignalBlocker tagBlocker(m_tag);
    const QSignalBlocker sourceBlocker(m_source);
    m_tag->clear();
    m_source->clear();
    m_tag->addItem(tr("Any tag"), QString());
    m_source->addItem(tr("Any source"), qint64(0));
    try {
        const DiscussionRepository repository(connectionName());
        const auto tags = repository.tags();
        for (const DiscussionRepository::Named &named : tags)
            m_tag->addItem(named.name,
                           QString(QLatin1String(tagPrefix) + QString::number(named.id)));
        const QStringList hashtags = repository.hashtags(hashtagChoices);
        for (const QString &hashtag : hashtags) {
            m_tag->addItem(QLatin1Char('#') + hashtag,
                           QString(QLatin1String(hashtagPrefix)
                                   + TextExtractor::normalizeTag(hashtag)));
        }
        const auto sources = repository.sources();
        for (const DiscussionRepository::Named &named : sources)
            m_source->addItem(named.name, named.id);
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
    }
    if (!tag.isEmpty() && m_tag->findData(tag) < 0)
        m_tag->addItem(QLatin1Char('#') + tag.mid(int(qstrlen(hashtagPrefix))), tag);
    m_tag->setCurrentIndex(std::max(0, m_tag->findData(tag)));
    m_source->setCurrentIndex(std::max(0, m_source->findData(source)));
}

void DiscussionsPane::completeMembers(const QString &text)
{
    m_memberChoices->clear();
    if (text.trimmed().isEmpty())
        return;
    try {
        const auto members = DiscussionRepository(connectionName()).members(text, memberChoices);
        for (const DiscussionRepository::Named &member : members) {
            auto *item = new QStandardItem(member.name);
            item->setData(member.id, Qt::UserRole);
            m_memberChoices->appendRow(item);
        }
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
    }
}

DiscussionRepository::Filters DiscussionsPane::filters() const
{
    DiscussionRepository::Filters filters;
    filters.memberId = m_memberId;
    const QString tag = m_tag->currentData().toString();
    if (tag.startsWith(QLatin1String(tagPrefix)))
        filters.tagId = tag.mid(int(qstrlen(tagPrefix))).toLongLong();
    else if (tag.startsWith(QLatin1String(hashtagPrefix)))
        filters.hashtag = tag.mid(int(qstrlen(hashtagPrefix)));
    filters.sourceId = m_source->currentData().toLongLong();
    // Whole days in the user's time zone; "to" includes its day.
    if (m_from->date() != noDate)
        filters.from = m_from->date().startOfDay();
    if (m_to->date() != noDate)
        filters.to = m_to->date().addDays(1).startOfDay();
    filters.noReplyYet = m_noReply->isChecked();
    filters.needsResponse = m_needsResponse->isChecked();
    return filters;
}

QString DiscussionsPane::searchText() const
{
    return m_search->text();
}

void DiscussionsPane::applyFilters()
{
    m_filterTimer->stop();
    const DiscussionRepository::Filters current = filters();
    const bool searching = !m_search->text().trimmed().isEmpty();
    m_model->setFilters(current);
    if (searching) {
        m_results->setFilters(current);
        m_results->setFilterText(m_search->text());
    }
    m_lists->setCurrentWidget(searching ? m_resultsTable : m_table);
    m_searchBusy->setVisible(searching && m_results->isSearching());
    updateState();
}

void DiscussionsPane::setMemberFilter(qint64 memberId, const QString &name)
{
    m_memberId = memberId;
    m_member->setText(memberId > 0 ? name : QString());
    applyFilters();
}

void DiscussionsPane::setHashtagFilter(const QString &hashtag)
{
    const QString normalized = TextExtractor::normalizeTag(hashtag);
    if (normalized.isEmpty()) {
        m_tag->setCurrentIndex(0);
    } else {
        const QString value = QLatin1String(hashtagPrefix) + normalized;
        if (m_tag->findData(value) < 0)
            m_tag->addItem(QLatin1Char('#') + hashtag, value);
        m_tag->setCurrentIndex(m_tag->findData(value));
    }
    applyFilters();
}

void DiscussionsPane::reload()
{
    const qint64 discussion = m_thread->discussionId();
    const qint64 post = currentPostId();
    const qint64 current = currentId(m_table);
    fillFilterChoices();
    m_model->reload();
    restoreCurrentRow(m_table, current);
    if (m_lists->currentWidget() == m_resultsTable)
        m_results->reload();
    if (discussion > 0)
        showDiscussion(discussion, post);
    updateState();
}

void DiscussionsPane::updateState()
{
    try {
        m_hasDiscussions = DiscussionRepository(connectionName()).count() > 0;
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
        m_hasDiscussions = false;
    }
    updateEmptyState();
    QTableView *table = m_lists->currentWidget() == m_resultsTable ? m_resultsTable : m_table;
    if (table->model()->rowCount() > 0 && !table->currentIndex().isValid())
        table->setCurrentIndex(table->model()->index(0, 0));
}

bool DiscussionsPane::hasData() const
{
    return m_hasDiscussions;
}

void DiscussionsPane::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_discussionTags->setReadOnly(readOnly);
    m_postTags->setReadOnly(readOnly);
    m_needsResponseAction->setEnabled(!readOnly && currentPostId() > 0);
}

void DiscussionsPane::showDiscussion(qint64 discussionId, qint64 postId)
{
    if (discussionId != m_thread->discussionId() || postId == 0) {
        m_thread->setDiscussion(discussionId);
        m_tree->expandAll();
    }
    QString title;
    QStringList tags;
    if (discussionId > 0) {
        try {
            const DiscussionRepository repository(connectionName());
            tags = repository.tagsOf(DiscussionRepository::TagTarget::Discussion, discussionId);
        } catch (const StorageError &error) {
            Q_EMIT errorOccurred(error.message());
        }
        const QModelIndex row = m_lists->currentWidget() == m_resultsTable
                                    ? m_resultsTable->currentIndex().siblingAtColumn(
                                        SearchResultsModel::DiscussionColumn)
                                    : m_table->currentIndex().siblingAtColumn(
                                        DiscussionsModel::TitleColumn);
        title = row.data().toString();
    }
    m_discussionTitle->setText(title);
    m_discussionTags->setText(tags.join(QLatin1String(", ")));
    m_discussionTags->setEnabled(discussionId > 0);
    QModelIndex post = postId > 0 ? m_thread->indexOfPost(postId) : QModelIndex();
    if (!post.isValid() && m_thread->rowCount() > 0)
        post = m_thread->index(0, 0);
    if (post.isValid()) {
        m_tree->setCurrentIndex(post);
        m_tree->scrollTo(post);
    }
    showPost(m_tree->currentIndex());
}

void DiscussionsPane::reloadThread(qint64 postId)
{
    const qint64 discussion = m_thread->discussionId();
    m_thread->setDiscussion(discussion);
    m_tree->expandAll();
    showDiscussion(discussion, postId);
}

qint64 DiscussionsPane::currentPostId() const
{
    const QModelIndex current = m_tree->currentIndex();
    return current.isValid() ? current.siblingAtColumn(ThreadModel::AuthorColumn)
                                   .data(ThreadModel::PostIdRole)
                                   .toLongLong()
                             : 0;
}

void DiscussionsPane::showPost(const QModelIndex &index)
{
    const bool valid = index.isValid();
    m_postTags->setEnabled(valid);
    m_needsResponseAction->setEnabled(valid && !m_readOnly);
    if (!valid) {
        m_post->clear();
        m_postTags->clear();
        m_needsResponseAction->setChecked(false);
        return;
    }
    const QModelIndex first = index.siblingAtColumn(ThreadModel::AuthorColumn);
    const QString author = first.data().toString();
    const qint64 authorId = first.data(ThreadModel::AuthorIdRole).toLongLong();
    const QDateTime created = first.data(ThreadModel::CreatedRole).toDateTime();
    const QString html = first.data(ThreadModel::HtmlRole).toString();
    const QString text = first.data(ThreadModel::TextRole).toString();
    const QString authorHtml = authorId > 0 ? QStringLiteral("<a href=\"author:%1\">%2</a>")
                                                  .arg(authorId)
                                                  .arg(author.toHtmlEscaped())
                                            : author.toHtmlEscaped();
    QString page
        = QStringLiteral("<p><b>%1</b> <span style='color:#64748b;'>%2</span></p>")
              .arg(authorHtml,
                   QLocale().toString(created.toLocalTime(), QLocale::LongFormat).toHtmlEscaped());
    if (first.data(ThreadModel::NeedsResponseRole).toBool()) {
        page += QStringLiteral("<p style='color:#b45309;'>%1 %2</p>")
                    .arg(QChar(0x2691))
                    .arg(tr("Needs a response").toHtmlEscaped());
    }
    // Stored HTML was sanitised when it came in; plain text is escaped here.
    page += html.isEmpty() ? QStringLiteral("<p>%1</p>").arg(richText(text)) : html;
    const QStringList hashtags = first.data(ThreadModel::HashtagsRole).toStringList();
    if (!hashtags.isEmpty() && !html.isEmpty()) {
        QStringList links;
        for (const QString &hashtag : hashtags) {
            links << QStringLiteral("<a href=\"tag:%1\">#%1</a>").arg(hashtag.toHtmlEscaped());
        }
        page += QStringLiteral("<p>%1</p>").arg(links.join(QLatin1Char(' ')));
    }
    const QStringList links = first.data(ThreadModel::LinksRole).toStringList();
    if (!links.isEmpty()) {
        page += QStringLiteral("<p style='color:#64748b;'>%1</p><ul>").arg(tr("Links"));
        for (const QString &link : links)
            page += QStringLiteral("<li><a href=\"%1\">%1</a></li>").arg(link.toHtmlEscaped());
        page += QStringLiteral("</ul>");
    }
    m_post->setHtml(page);
    m_postTags->setText(first.data(ThreadModel::TagsRole).toStringList().join(QLatin1String(", ")));
    m_needsResponseAction->setChecked(first.data(ThreadModel::NeedsResponseRole).toBool());
}

void DiscussionsPane::openLink(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("tag")) {
        setHashtagFilter(url.path());
    } else if (scheme == QLatin1String("author")) {
        const qint64 id = url.path().toLongLong();
        if (id > 0)
            Q_EMIT memberRequested(id);
    } else if (scheme == QLatin1String("member")) {
        const QModelIndex first = m_tree->currentIndex().siblingAtColumn(ThreadModel::AuthorColumn);
        const QVariantMap mentions = first.data(ThreadModel::MentionsRole).toMap();
        const qint64 id = mentions.value(TextExtractor::normalizeHandle(url.path())).toLongLong();
        if (id > 0)
            Q_EMIT memberRequested(id);
    } else if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        QDesktopServices::openUrl(url);
    }
}

void DiscussionsPane::saveTags(DiscussionRepository::TagTarget target, QLineEdit *edit)
{
    const bool discussion = target == DiscussionRepository::TagTarget::Discussion;
    const qint64 id = discussion ? m_thread->discussionId() : currentPostId();
    if (id <= 0 || m_readOnly)
        return;
    const QStringList wanted = splitTags(edit->text());
    try {
        const DiscussionRepository repository(connectionName());
        QStringList stored = repository.tagsOf(target, id);
        QStringList wantedNormalized;
        for (const QString &tag : wanted)
            wantedNormalized << TextExtractor::normalizeTag(tag);
        for (QString &tag : stored)
            tag = TextExtractor::normalizeTag(tag);
        wantedNormalized.sort();
        stored.sort();
        if (wantedNormalized == stored)
            return;
        repository.setTags(target, id, wanted);
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
        return;
    }
    fillFilterChoices();
    if (!discussion)
        reloadThread(id);
    if (filters().tagId > 0) {
        m_model->reload();
        m_results->reload();
    }
}

void DiscussionsPane::toggleNeedsResponse(bool needsResponse)
{
    const qint64 postId = currentPostId();
    if (postId <= 0 || m_readOnly)
        return;
    try {
        DiscussionRepository(connectionName()).setNeedsResponse(postId, needsResponse);
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
    }
    reloadThread(postId);
    if (filters().needsResponse) {
        m_model->reload();
        if (m_lists->currentWidget() == m_resultsTable)
            m_results->reload();
    }
}
