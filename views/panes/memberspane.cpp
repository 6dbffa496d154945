// Members table with a quick filter, and an HTML detail view of one member.
#include "memberspane.h"

#include "database.h"
#include "emptystatewidget.h"
#include "memberrepository.h"
#include "membersmodel.h"
#include "storageerror.h"

#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

MembersPane::MembersPane(const Database &database, QWidget *parent)
    : Pane(database, parent)
{
    auto *content = new QWidget(this);
    m_filter = new QLineEdit(content);
    m_filter->setObjectName(QStringLiteral("membersFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, handle or tag"));
    m_filter->setClearButtonEnabled(true);
    m_count = new QLabel(content);
    m_count->setForegroundRole(QPalette::PlaceholderText);

    m_model = new MembersModel(connectionName(), this);
    m_table = createTable(QStringLiteral("membersTable"), m_model, content);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(MembersModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(MembersModel::NameColumn, 170);
    m_table->setColumnWidth(MembersModel::HandlesColumn, 130);
    m_table->setColumnWidth(MembersModel::TagsColumn, 120);
    // Figures and dates are as wide as their header or their longest likely value.
    const QFontMetrics metrics(m_table->horizontalHeader()->font());
    const int dateWidth = dateColumnWidth(m_table, false);
    for (int column = MembersModel::PostsColumn; column <= MembersModel::LastSeenColumn; ++column) {
        const int header = metrics.horizontalAdvance(
                               m_model->headerData(column, Qt::Horizontal).toString())
                           + 28;
        m_table->setColumnWidth(column,
                                column >= MembersModel::FirstSeenColumn
                                    ? std::max(header, dateWidth)
                                    : std::max(header, 56));
    }

    m_detail = new QTextBrowser(content);
    m_detail->setObjectName(QStringLiteral("memberDetail"));
    m_detail->setOpenLinks(false);
    m_detail->setPlaceholderText(
        tr("Select a member to see their identities, tags, notes and recent posts."));

    // Notes are the one thing edited here: saved over the version read, so two people editing
    // the same member never overwrite each other unseen.
    auto *notesBox = new QGroupBox(tr("Notes"), content);
    m_notes = new QPlainTextEdit(notesBox);
    m_notes->setObjectName(QStringLiteral("memberNotes"));
    m_notes->setPlaceholderText(tr("Private notes about this member"));
    m_notes->setMaximumHeight(110);
    m_notes->setEnabled(false);
    m_saveNotes = new QPushButton(tr("Save Notes"), notesBox);
    m_saveNotes->setObjectName(QStringLiteral("saveNotesButton"));
    m_saveNotes->setEnabled(false);
    m_notesStatus = new QLabel(notesBox);
    m_notesStatus->setForegroundRole(QPalette::PlaceholderText);
    auto *notesButtons = new QHBoxLayout;
    notesButtons->addWidget(m_notesStatus, 1);
    notesButtons->addWidget(m_saveNotes);
    auto *notesLayout = new QVBoxLayout(notesBox);
    notesLayout->addWidget(m_notes);
    notesLayout->addLayout(notesButtons);
    auto *detailPanel = new QWidget(content);
    auto *detailLayout = new QVBoxLayout(detailPanel);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detail, 1);
    detailLayout->addWidget(notesBox);

    auto *splitter = new QSplitter(Qt::Horizontal, content);
    splitter->addWidget(m_table);
    splitter->addWidget(detailPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    auto *empty = new EmptyStateWidget(QStringLiteral(":/icons/members.svg"),
                                       tr("No members yet"),
                                       tr("Add a feed or import a transcript: the people who write "
                                          "there become the members of your community."),
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
        updateCount();
    });
    connect(m_model, &PagedTableModel::errorOccurred, this, &Pane::errorOccurred);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MembersPane::updateCount);
    connect(m_notes, &QPlainTextEdit::modificationChanged, this, [this](bool modified) {
        m_saveNotes->setEnabled(modified && !m_readOnly);
        if (modified)
            m_notesStatus->clear();
    });
    connect(m_saveNotes, &QPushButton::clicked, this, &MembersPane::saveNotes);
    connect(&m_detailWatcher, &QFutureWatcher<MemberRepository::Detail>::finished, this, [this] {
        showDetail(m_detailWatcher.result());
    });
    connect(m_table->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            [this](const QModelIndex &current) {
                showMember(current.isValid() ? current.data(PagedTableModel::IdRole).toLongLong()
                                             : 0);
            });
    updateState();
}

void MembersPane::reload()
{
    const qint64 current = currentId(m_table);
    m_model->reload();
    restoreCurrentRow(m_table, current);
    updateState();
}

void MembersPane::updateState()
{
    try {
        m_hasMembers = MemberRepository(connectionName()).count() > 0;
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
        m_hasMembers = false;
    }
    updateCount();
    updateEmptyState();
    if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_model->index(0, 0));
}

bool MembersPane::hasData() const
{
    return m_hasMembers;
}

void MembersPane::updateCount()
{
    const int shown = m_model->rowCount();
    m_count->setText(m_model->canFetchMore({}) ? tr("%1+ members").arg(shown)
                                               : tr("%n member(s)", nullptr, shown));
}

void MembersPane::showMember(qint64 memberId)
{
    if (memberId != m_notesMember && m_notes->document()->isModified() && !askToKeepNotes())
        return;
    if (memberId <= 0) {
        m_wantedMember = 0;
        m_detail->clear();
        return;
    }
    m_wantedMember = memberId;
    if (m_detailWatcher.isRunning())
        return; // showDetail() asks for the latest selection when the running read ends
    const Database *db = &database();
    m_detailWatcher.setFuture(QtConcurrent::run([db, memberId]() {
        MemberRepository::Detail detail;
        try {
            detail = MemberRepository(db->connectionName()).detail(memberId);
        } catch (const StorageError &) {
            detail.row.id = -memberId; // marks a failure
        }
        db->releaseThreadConnection();
        return detail;
    }));
}

void MembersPane::showDetail(const MemberRepository::Detail &detail)
{
    const qint64 id = detail.row.id < 0 ? -detail.row.id : detail.row.id;
    if (id != m_wantedMember) {
        showMember(m_wantedMember);
        return;
    }
    if (detail.row.id < 0) {
        Q_EMIT errorOccurred(tr("The member's details could not be read from the database."));
        return;
    }
    // Text the user is still editing stays; everything else shows the saved state.
    const bool editing = m_notesMember == detail.row.id && m_notes->document()->isModified();
    m_notesMember = detail.row.id;
    if (!editing) {
        m_notesVersion = detail.rowVersion;
        m_notes->setPlainText(detail.notes);
        m_notes->document()->setModified(false);
        m_saveNotes->setEnabled(false);
        m_notesStatus->clear();
    }
    m_notes->setEnabled(true);
    const QLocale locale;
    auto date = [&](const QDateTime &time) {
        return time.isValid() ? locale.toString(time.toLocalTime().date(), QLocale::LongFormat)
                              : tr("never");
    };
    QString html = QStringLiteral("<h2>%1</h2>").arg(detail.row.name.toHtmlEscaped());
    if (!detail.row.tags.isEmpty()) {
        QStringList tags;
        for (const QString &tag : std::as_const(detail.row.tags))
            tags << QStringLiteral("<span style='background:#e2e8f0;'>&nbsp;%1&nbsp;</span>")
                        .arg(tag.toHtmlEscaped());
        html += QStringLiteral("<p>%1</p>").arg(tags.join(QLatin1Char(' ')));
    }
    html += QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    auto row = [&](const QString &label, const QString &value) {
        html += QStringLiteral(
                    "<tr><td style='color:#64748b; padding-right:12px;'>%1</td><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("Posts"), locale.toString(detail.row.posts));
    row(tr("Replies given"), locale.toString(detail.row.repliesGiven));
    row(tr("Replies received"), locale.toString(detail.row.repliesReceived));
    row(tr("Mentioned"), tr("%n time(s)", nullptr, detail.row.mentionsReceived));
    row(tr("First seen"), date(detail.row.firstSeen));
    row(tr("Last active"), date(detail.row.lastSeen));
    if (!detail.email.isEmpty())
        row(tr("E-mail"), detail.email);
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Identities"));
    for (const auto &identity : std::as_const(detail.identities)) {
        const QString value = identity.kind == QLatin1String("handle")
                                  ? QLatin1Char('@') + identity.value
                                  : identity.value;
        html += QStringLiteral("<li>%1 <span style='color:#64748b;'>(%2)</span></li>")
                    .arg(value.toHtmlEscaped(), identity.source.toHtmlEscaped());
    }
    html += QStringLiteral("</ul>");

    if (!detail.notes.isEmpty())
        html += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(tr("Notes"), detail.notes.toHtmlEscaped());

    if (!detail.interactions.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Talks most with"));
        for (const auto &other : std::as_const(detail.interactions))
            html += QStringLiteral("<li>%1 <span style='color:#64748b;'>(%2)</span></li>")
                        .arg(other.name.toHtmlEscaped(),
                             tr("%n interaction(s)", nullptr, other.count));
        html += QStringLiteral("</ul>");
    }

    html += QStringLiteral("<h3>%1</h3>").arg(tr("Recent posts"));
    if (detail.recentPosts.isEmpty())
        html += QStringLiteral("<p style='color:#64748b;'>%1</p>").arg(tr("No posts yet."));
    for (const auto &post : std::as_const(detail.recentPosts)) {
        QString text = post.text.simplified();
        if (text.size() > 180)
            text = text.left(179) + QChar(0x2026);
        html += QStringLiteral("<p><b>%1</b><br/><span style='color:#64748b;'>%2</span><br/>%3</p>")
                    .arg(post.discussionTitle.toHtmlEscaped(),
                         locale.toString(post.created.toLocalTime(), QLocale::ShortFormat),
                         text.toHtmlEscaped());
    }
    m_detail->setHtml(html);
    Q_EMIT detailShown();
}

bool MembersPane::askToKeepNotes()
{
    const auto answer = QMessageBox::question(this,
                                              tr("Unsaved Notes"),
                                              tr("Save your notes about the previous member?"),
                                              QMessageBox::Save | QMessageBox::Discard,
                                              QMessageBox::Save);
    if (answer == QMessageBox::Save && !saveNotes()) {
        // Not saved: stay with the member whose notes are still in the form.
        QTimer::singleShot(0, this, [this] { restoreCurrentRow(m_table, m_notesMember); });
        return false;
    }
    m_notes->document()->setModified(false);
    return true;
}

bool MembersPane::saveNotes()
{
    if (m_notesMember <= 0 || m_readOnly)
        return false;
    try {
        m_notesVersion = MemberRepository(connectionName())
                             .updateNotes(m_notesMember, m_notes->toPlainText(), m_notesVersion);
    } catch (const ConcurrentChangeError &error) {
        QMessageBox box(QMessageBox::Warning,
                        tr("Changed by Someone Else"),
                        error.message(),
                        QMessageBox::NoButton,
                        this);
        QPushButton *reload = box.addButton(tr("Reload"), QMessageBox::AcceptRole);
        box.addButton(tr("Keep Editing"), QMessageBox::RejectRole);
        box.exec();
        if (box.clickedButton() == reload) {
            m_notes->document()->setModified(false);
            showMember(m_notesMember);
        }
        return false;
    } catch (const StorageError &error) {
        // The text stays in the form; the window offers to reconnect when the server is gone.
        m_notesStatus->setText(tr("Not saved"));
        Q_EMIT errorOccurred(error.message());
        return false;
    }
    m_notes->document()->setModified(false);
    m_notesStatus->setText(tr("Saved"));
    return true;
}

void MembersPane::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_notes->setReadOnly(readOnly);
    m_saveNotes->setEnabled(!readOnly && m_notes->document()->isModified());
}

MembersPane::~MembersPane()
{
    // The read uses the database, which may go away with this pane.
    m_detailWatcher.waitForFinished();
}
