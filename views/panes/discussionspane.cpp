// Discussions list, thread tree and post view.
#include "discussionspane.h"

#include "discussionrepository.h"
#include "discussionsmodel.h"
#include "emptystatewidget.h"
#include "storageerror.h"
#include "threadmodel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

// Plain text to HTML with mentions, hashtags and links picked out.
QString richText(const QString &text)
{
    QString html = text.toHtmlEscaped();
    static const QRegularExpression link(QStringLiteral("(https?://[^\\s<]+[^\\s<.,;:!?)])"));
    html.replace(link, QStringLiteral("<a href=\"\\1\">\\1</a>"));
    static const QRegularExpression mention(
        QStringLiteral("(^|[^\\w/])@([A-Za-z0-9_.]*[A-Za-z0-9_])"));
    html.replace(mention,
                 QStringLiteral("\\1<a href=\"member:\\2\" style=\"color:#2563eb;\">@\\2</a>"));
    static const QRegularExpression hashtag(QStringLiteral("(^|[^\\w&/])#(\\w*[A-Za-z]\\w*)"));
    html.replace(hashtag,
                 QStringLiteral("\\1<a href=\"tag:\\2\" style=\"color:#0f766e;\">#\\2</a>"));
    return html;
}

} // namespace

DiscussionsPane::DiscussionsPane(const Database &database, QWidget *parent)
    : Pane(database, parent)
{
    auto *content = new QWidget(this);
    m_filter = new QLineEdit(content);
    m_filter->setObjectName(QStringLiteral("discussionsFilter"));
    m_filter->setPlaceholderText(tr("Filter discussions by title"));
    m_filter->setClearButtonEnabled(true);

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

    m_thread = new ThreadModel(connectionName(), this);
    m_tree = new QTreeView(content);
    m_tree->setObjectName(QStringLiteral("threadTree"));
    m_tree->setModel(m_thread);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(ThreadModel::AuthorColumn, 200);
    m_tree->setColumnWidth(ThreadModel::PostedColumn, timeWidth);

    m_post = new QTextBrowser(content);
    m_post->setObjectName(QStringLiteral("postView"));
    m_post->setOpenLinks(false);
    m_post->setPlaceholderText(tr("Select a post to read it."));

    auto *lower = new QSplitter(Qt::Horizontal, content);
    lower->addWidget(m_tree);
    lower->addWidget(m_post);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    auto *splitter = new QSplitter(Qt::Vertical, content);
    splitter->addWidget(m_table);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_filter);
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

    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(200);
    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filterTimer, &QTimer::timeout, this, [this] {
        m_model->setFilterText(m_filter->text());
    });
    connect(m_model, &PagedTableModel::errorOccurred, this, &Pane::errorOccurred);
    connect(m_thread, &ThreadModel::errorOccurred, this, &Pane::errorOccurred);
    connect(m_table->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            [this](const QModelIndex &current) {
                showDiscussion(
                    current.isValid() ? current.data(PagedTableModel::IdRole).toLongLong() : 0);
            });
    connect(m_tree->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &DiscussionsPane::showPost);
    connect(m_post, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("tag"))
            m_filter->setText(QLatin1Char('#') + url.path());
    });
    updateState();
}

void DiscussionsPane::reload()
{
    const qint64 current = currentId(m_table);
    m_model->reload();
    restoreCurrentRow(m_table, current);
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
    if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_model->index(0, 0));
}

bool DiscussionsPane::hasData() const
{
    return m_hasDiscussions;
}

void DiscussionsPane::showDiscussion(qint64 discussionId)
{
    m_thread->setDiscussion(discussionId);
    m_tree->expandAll();
    m_post->clear();
    if (m_thread->rowCount() > 0)
        m_tree->setCurrentIndex(m_thread->index(0, 0));
}

void DiscussionsPane::showPost(const QModelIndex &index)
{
    if (!index.isValid()) {
        m_post->clear();
        return;
    }
    const QModelIndex first = index.siblingAtColumn(ThreadModel::AuthorColumn);
    const QString author = first.data().toString();
    const QDateTime created = first.data(ThreadModel::CreatedRole).toDateTime();
    const QString html = first.data(ThreadModel::HtmlRole).toString();
    const QString text = first.data(ThreadModel::TextRole).toString();
    QString page
        = QStringLiteral("<p><b>%1</b> <span style='color:#64748b;'>%2</span></p>")
              .arg(author.toHtmlEscaped(),
                   QLocale().toString(created.toLocalTime(), QLocale::LongFormat).toHtmlEscaped());
    // Stored HTML was sanitised when it came in; plain text is escaped here.
    page += html.isEmpty() ? QStringLiteral("<p>%1</p>").arg(richText(text)) : html;
    const QStringList links = first.data(ThreadModel::LinksRole).toStringList();
    if (!links.isEmpty()) {
        page += QStringLiteral("<p style='color:#64748b;'>%1</p><ul>").arg(tr("Links"));
        for (const QString &link : links)
            page += QStringLiteral("<li><a href=\"%1\">%1</a></li>").arg(link.toHtmlEscaped());
        page += QStringLiteral("</ul>");
    }
    m_post->setHtml(page);
}
