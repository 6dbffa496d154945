// Members table with a quick filter, an HTML detail view of one member, and the member edits.
#include "memberspane.h"

#include "database.h"
#include "duplicatesdialog.h"
#include "emptystatewidget.h"
#include "engagementsettingsdialog.h"
#include "erasememberdialog.h"
#include "membercommand.h"
#include "memberdialog.h"
#include "membereditor.h"
#include "memberjournal.h"
#include "memberrepository.h"
#include "membersmodel.h"
#include "mergemembersdialog.h"
#include "storageerror.h"

#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <utility>

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
    m_level = new QComboBox(content);
    m_level->setObjectName(QStringLiteral("levelFilter"));
    m_level->addItem(tr("All levels"), -1);
    for (int level = EngagementFormula::LevelCount - 1; level >= 0; --level)
        m_level->addItem(EngagementFormula::levelName(level), level);
    m_undo = new QUndoStack(this);
    connect(m_undo, &QUndoStack::indexChanged, this, &MembersPane::reload);

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
    for (int column = MembersModel::PostsColumn; column <= MembersModel::LevelColumn; ++column) {
        const int header = metrics.horizontalAdvance(
                               m_model->headerData(column, Qt::Horizontal).toString())
                           + 28;
        m_table->setColumnWidth(column,
                                column == MembersModel::FirstSeenColumn
                                        || column == MembersModel::LastSeenColumn
                                    ? std::max(header, dateWidth)
                                    : std::max(header, 56));
    }

    // The level matters most after the name: shown there, whatever its place in the model.
    m_table->horizontalHeader()->moveSection(MembersModel::LevelColumn,
                                             MembersModel::NameColumn + 1);

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

    // The edits: toolbar buttons, the table's context menu and keys.
    auto action = [this](const QString &text, const QString &name, auto slot) {
        auto *created = new QAction(text, this);
        created->setObjectName(name);
        connect(created, &QAction::triggered, this, slot);
        m_table->addAction(created);
        return created;
    };
    QAction *add = action(tr("Add..."), QStringLiteral("addMemberAction"), &MembersPane::addMember);
    QAction *edit = action(tr("Edit..."),
                           QStringLiteral("editMemberAction"),
                           &MembersPane::editMember);
    QAction *tagAction = action(tr("Tag..."), QStringLiteral("tagMembersAction"), [this] {
        tagMembers(true);
    });
    QAction *untag = action(tr("Remove Tag..."), QStringLiteral("untagMembersAction"), [this] {
        tagMembers(false);
    });
    m_mergeAction = action(tr("Merge..."),
                           QStringLiteral("mergeMembersAction"),
                           &MembersPane::mergeMembers);
    QAction *duplicates = action(tr("Find Duplicates..."),
                                 QStringLiteral("findDuplicatesAction"),
                                 &MembersPane::showDuplicates);
    QAction *remove = action(tr("Delete"),
                             QStringLiteral("deleteMembersAction"),
                             &MembersPane::deleteMembers);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    QAction *erase = action(tr("Erase Personal Data..."),
                            QStringLiteral("eraseMemberAction"),
                            &MembersPane::eraseMember);
    QAction *levels = action(tr("Engagement Levels..."),
                             QStringLiteral("engagementSettingsAction"),
                             &MembersPane::editEngagement);
    m_writeActions = {add, edit, tagAction, untag, m_mergeAction, duplicates, remove, erase, levels};
    m_selectionActions = {edit, tagAction, untag, remove, erase};
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto toolButton = [content](QAction *shown) {
        auto *button = new QToolButton(content);
        button->setDefaultAction(shown);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return button;
    };
    auto *more = new QToolButton(content);
    more->setText(tr("More"));
    more->setPopupMode(QToolButton::InstantPopup);
    auto *moreMenu = new QMenu(more);
    moreMenu->addActions({untag, duplicates});
    moreMenu->addSeparator();
    moreMenu->addActions({erase, levels});
    more->setMenu(moreMenu);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_level);
    top->addWidget(m_count);
    top->addSpacing(12);
    for (QAction *shown : {add, edit, tagAction, m_mergeAction, remove})
        top->addWidget(toolButton(shown));
    top->addWidget(more);
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
    connect(m_level, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setLevelFilter(m_level->currentData().toInt());
        updateCount();
    });
    connect(m_table->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &MembersPane::updateActions);
    connect(&m_recompute, &QFutureWatcher<QString>::finished, this, [this] {
        delete m_progress;
        const QString error = m_recompute.result();
        if (!error.isEmpty())
            Q_EMIT errorOccurred(error);
        reload();
        if (std::exchange(m_recomputeAgain, false))
            recomputeEngagement(false);
        Q_EMIT engagementRecomputed();
    });
    connect(m_model, &PagedTableModel::errorOccurred, this, &Pane::errorOccurred);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MembersPane::updateCount);
    connect(m_notes, &QPlainTextEdit::modificationChanged, this, [this](bool modified) {
        m_saveNotes->setEnabled(modified && !m_readOnly);
        if (modified)
            m_notesStatus->clear();
    });
    connect(m_saveNotes, &QPushButton::clicked, this, &MembersPane::saveNotes);
    connect(&m_detailWatcher, &QFutureWatcher<DetailRead>::finished, this, [this] {
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
    updateActions();
}

void MembersPane::reload()
{
    const qint64 current = currentId(m_table);
    m_model->reload();
    restoreCurrentRow(m_table, current);
    updateState();
    // The figures of the member shown may have changed too.
    const qint64 shown = currentId(m_table);
    if (shown > 0 && shown == m_wantedMember)
        showMember(shown);
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

void MembersPane::revealMember(qint64 memberId)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        if (index.data(PagedTableModel::IdRole).toLongLong() == memberId) {
            m_table->setCurrentIndex(index);
            m_table->scrollTo(index);
            return;
        }
    }
    m_table->clearSelection();
    showMember(memberId);
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
        DetailRead read;
        try {
            read.detail = MemberRepository(db->connectionName()).detail(memberId);
            read.engagement = EngagementCalculator(db->connectionName()).explain(memberId);
        } catch (const StorageError &) {
            read.failed = true;
        }
        read.detail.row.id = memberId;
        db->releaseThreadConnection();
        return read;
    }));
}

void MembersPane::showDetail(const DetailRead &read)
{
    const MemberRepository::Detail &detail = read.detail;
    if (detail.row.id != m_wantedMember) {
        showMember(m_wantedMember);
        return;
    }
    if (read.failed) {
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

    // Identities grouped by source: one line per source.
    html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Identities"));
    QString source;
    QStringList values;
    auto flushSource = [&] {
        if (!values.isEmpty())
            html += QStringLiteral("<li><b>%1</b>: %2</li>")
                        .arg(source.toHtmlEscaped(),
                             values.join(QLatin1String(", ")).toHtmlEscaped());
        values.clear();
    };
    for (const auto &identity : std::as_const(detail.identities)) {
        if (identity.source != source) {
            flushSource();
            source = identity.source;
        }
        values << (identity.kind == QLatin1String("handle") ? QLatin1Char('@') + identity.value
                                                            : identity.value);
    }
    flushSource();
    if (detail.identities.isEmpty())
        html += QStringLiteral("<li style='color:#64748b;'>%1</li>").arg(tr("none"));
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

    html += engagementHtml(read.engagement, detail.row.engagementScore, detail.row.engagementLevel);

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
    updateActions();
}

MembersPane::~MembersPane()
{
    // The reads use the database, which may go away with this pane.
    if (m_cancelRecompute)
        m_cancelRecompute->store(true);
    m_recompute.waitForFinished();
    m_detailWatcher.waitForFinished();
}

QString MembersPane::engagementHtml(const EngagementCalculator::Explanation &why,
                                    double storedScore,
                                    int storedLevel) const
{
    const QLocale locale;
    const EngagementFormula &formula = why.formula;
    auto number = [&locale](double value) { return locale.toString(value, 'g', 6); };
    QString html = QStringLiteral("<h3>%1</h3>")
                       .arg(tr("Engagement: %1").arg(EngagementFormula::levelName(storedLevel)));
    html += QStringLiteral("<p style='color:#64748b;'>%1</p>")
                .arg(tr("Activity in the %n day(s) up to %1:", nullptr, formula.windowDays())
                         .arg(locale.toString(why.asOf.toLocalTime().date(), QLocale::ShortFormat))
                         .toHtmlEscaped());
    html += QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    for (int i = 0; i < EngagementFormula::ActivityCount; ++i) {
        const auto activity = EngagementFormula::Activity(i);
        const int count = why.counts.at(std::size_t(i));
        html += QStringLiteral("<tr><td style='padding-right:12px;'>%1</td><td align='right'>%2"
                               "</td><td>&nbsp;× %3</td><td align='right'>&nbsp;= %4</td></tr>")
                    .arg(EngagementFormula::activityName(activity).toHtmlEscaped(),
                         locale.toString(count),
                         number(formula.weight(activity)),
                         number(count * formula.weight(activity)));
    }
    html += QStringLiteral("<tr><td><b>%1</b></td><td></td><td></td><td align='right'>&nbsp;"
                           "<b>%2</b></td></tr></table>")
                .arg(tr("Score").toHtmlEscaped(), number(why.score));
    using Level = EngagementFormula::Level;
    html += QStringLiteral("<p style='color:#64748b;'>%1</p>")
                .arg(tr("Exploring below %1, Participating from %1, Contributing from %2, "
                        "Leading from %3; Inactive without activity in the window.")
                         .arg(number(formula.threshold(Level::Participating)),
                              number(formula.threshold(Level::Contributing)),
                              number(formula.threshold(Level::Leading)))
                         .toHtmlEscaped());
    // The stored figure is from the last recompute; say so when activity changed since.
    if (int(why.level) != storedLevel || qAbs(why.score - storedScore) > 1e-9)
        html += QStringLiteral("<p style='color:#b45309;'>%1</p>")
                    .arg(tr("The table still shows %1 (score %2) from the last recompute.")
                             .arg(EngagementFormula::levelName(storedLevel), number(storedScore))
                             .toHtmlEscaped());
    return html;
}

void MembersPane::setUndoStack(QUndoStack *stack)
{
    if (!stack || stack == m_undo)
        return;
    if (m_undo && m_undo->parent() == this)
        delete m_undo;
    m_undo = stack;
    // Whatever moves on the stack (Edit menu, shortcuts) changed members: show it.
    connect(m_undo, &QUndoStack::indexChanged, this, &MembersPane::reload);
}

void MembersPane::updateActions()
{
    const int selected = int(selectedMembers().size());
    for (QAction *action : std::as_const(m_writeActions))
        action->setEnabled(!m_readOnly);
    for (QAction *action : std::as_const(m_selectionActions))
        action->setEnabled(!m_readOnly && selected > 0);
    m_mergeAction->setEnabled(!m_readOnly && selected > 1);
}

QList<qint64> MembersPane::selectedMembers() const
{
    QList<qint64> ids;
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() < b.row();
    });
    for (const QModelIndex &index : std::as_const(rows))
        ids << index.data(PagedTableModel::IdRole).toLongLong();
    return ids;
}

QList<MemberRepository::Row> MembersPane::selectedRows() const
{
    QList<MemberRepository::Row> rows;
    QModelIndexList indexes = m_table->selectionModel()->selectedRows();
    std::sort(indexes.begin(), indexes.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() < b.row();
    });
    for (const QModelIndex &index : std::as_const(indexes)) {
        MemberRepository::Row row;
        row.id = index.data(PagedTableModel::IdRole).toLongLong();
        row.name = index.siblingAtColumn(MembersModel::NameColumn).data().toString();
        row.posts = index.siblingAtColumn(MembersModel::PostsColumn).data().toInt();
        const QString handles = index.siblingAtColumn(MembersModel::HandlesColumn).data().toString();
        if (!handles.isEmpty())
            row.handles = handles.split(QLatin1String(", "));
        rows << row;
    }
    return rows;
}

bool MembersPane::attempt(const std::function<void()> &edit)
{
    try {
        edit();
    } catch (const StorageError &error) {
        Q_EMIT errorOccurred(error.message());
        return false;
    }
    return true;
}

void MembersPane::push(QUndoCommand *command)
{
    m_undo->push(command); // reloads through indexChanged
}

void MembersPane::addMember()
{
    const QString db = connectionName();
    QStringList sources;
    if (!attempt([&] { sources = MemberEditor(db).sourceNames(); }))
        return;
    MemberDialog dialog({}, true, sources, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const MemberEditor::Fields fields = dialog.fields();
    qint64 id = 0;
    if (!attempt([&] { id = MemberEditor(db).addMember(fields); }))
        return;
    push(new MemberCommand(
        tr("Add %1").arg(fields.name),
        [db, id] { MemberEditor(db).removeAddedMember(id); },
        [db, id, fields] { MemberEditor(db).addMember(fields, id); },
        [this](const QString &message) { Q_EMIT errorOccurred(message); }));
    restoreCurrentRow(m_table, id);
}

void MembersPane::editMember()
{
    const qint64 id = currentId(m_table);
    if (id <= 0)
        return;
    const QString db = connectionName();
    MemberEditor::Fields before;
    qint64 version = 0;
    if (!attempt([&] {
            const MemberRepository::Detail detail = MemberRepository(db).detail(id);
            before = {detail.row.name, detail.email};
            version = detail.rowVersion;
        }))
        return;
    MemberDialog dialog(before, false, {}, this);
    if (dialog.exec() != QDialog::Accepted
        || (dialog.fields().name == before.name && dialog.fields().email == before.email))
        return;
    const MemberEditor::Fields after = dialog.fields();
    if (!attempt([&] { MemberEditor(db).updateFields(id, after, version); }))
        return;
    // Undo and redo save over whatever version is current: they are this user's own steps.
    auto apply = [db, id](const MemberEditor::Fields &fields) {
        MemberEditor editor(db);
        editor.updateFields(id, fields, editor.rowVersion(id));
    };
    push(new MemberCommand(
        tr("Edit %1").arg(after.name),
        [apply, before] { apply(before); },
        [apply, after] { apply(after); },
        [this](const QString &message) { Q_EMIT errorOccurred(message); }));
}

void MembersPane::deleteMembers()
{
    const QList<qint64> ids = selectedMembers();
    if (ids.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this,
        tr("Delete Members"),
        tr("Delete %n member(s)? Their posts stay without an author. Edit ▸ Undo brings them "
           "back.",
           nullptr,
           int(ids.size())),
        QMessageBox::Yes | QMessageBox::Cancel,
        QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    const QString db = connectionName();
    auto entry = std::make_shared<qint64>(0);
    if (!attempt([&] { *entry = MemberJournal(db).remove(ids); }))
        return;
    push(new MemberCommand(
        tr("Delete %n member(s)", nullptr, int(ids.size())),
        [db, entry] { MemberJournal(db).undo(*entry); },
        [db, entry, ids] { *entry = MemberJournal(db).remove(ids); },
        [this](const QString &message) { Q_EMIT errorOccurred(message); }));
}

void MembersPane::tagMembers(bool add)
{
    const QList<qint64> ids = selectedMembers();
    if (ids.isEmpty())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(
        this,
        add ? tr("Tag Members") : tr("Remove Tag"),
        add ? tr("Tag the %n selected member(s) with:", nullptr, int(ids.size()))
            : tr("Remove this tag from the %n selected member(s):", nullptr, int(ids.size())),
        QLineEdit::Normal,
        QString(),
        &ok);
    if (ok && !name.trimmed().isEmpty())
        tag(ids, name.trimmed(), add);
}

bool MembersPane::tag(const QList<qint64> &members, const QString &tag, bool add)
{
    const QString db = connectionName();
    auto onError = [this](const QString &message) { Q_EMIT errorOccurred(message); };
    if (add) {
        MemberEditor::Tagging tagging;
        if (!attempt([&] { tagging = MemberEditor(db).addTag(members, tag); }))
            return false;
        push(new MemberCommand(
            tr("Tag %n member(s) with %1", nullptr, int(tagging.members.size())).arg(tag),
            [db, tagging, tag] {
                MemberEditor(db).removeTag(tagging.members, tag, tagging.createdTag);
            },
            [db, tagging, tag] { MemberEditor(db).addTag(tagging.members, tag); },
            onError));
        return true;
    }
    QList<qint64> untagged;
    if (!attempt([&] { untagged = MemberEditor(db).removeTag(members, tag); }))
        return false;
    push(new MemberCommand(
        tr("Remove %1 from %n member(s)", nullptr, int(untagged.size())).arg(tag),
        [db, untagged, tag] { MemberEditor(db).addTag(untagged, tag); },
        [db, untagged, tag] { MemberEditor(db).removeTag(untagged, tag); },
        onError));
    return true;
}

void MembersPane::mergeMembers()
{
    const QList<MemberRepository::Row> rows = selectedRows();
    if (rows.size() < 2)
        return;
    MergeMembersDialog dialog(rows, QString(), this);
    if (dialog.exec() == QDialog::Accepted)
        merge(dialog.keptMember(), dialog.otherMembers());
}

bool MembersPane::merge(qint64 keep, const QList<qint64> &others)
{
    const QString db = connectionName();
    auto entry = std::make_shared<qint64>(0);
    if (!attempt([&] { *entry = MemberJournal(db).merge(keep, others).journalId; }))
        return false;
    QString name;
    attempt([&] { name = MemberRepository(db).detail(keep).row.name; });
    push(new MemberCommand(
        tr("Merge %n member(s) into %1", nullptr, int(others.size())).arg(name),
        [db, entry] { MemberJournal(db).undo(*entry); },
        [db, entry, keep, others] { *entry = MemberJournal(db).merge(keep, others).journalId; },
        [this](const QString &message) { Q_EMIT errorOccurred(message); }));
    restoreCurrentRow(m_table, keep);
    return true;
}

void MembersPane::showDuplicates()
{
    DuplicatesDialog dialog(database(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const DuplicateFinder::Suggestion suggestion = dialog.chosen();
    if (suggestion.memberIds.size() < 2)
        return;
    QList<MemberRepository::Row> rows;
    if (!attempt([&] {
            for (qint64 id : suggestion.memberIds)
                rows << MemberRepository(connectionName()).detail(id).row;
        }))
        return;
    MergeMembersDialog merging(rows, suggestion.explanation(), this);
    if (merging.exec() == QDialog::Accepted)
        merge(merging.keptMember(), merging.otherMembers());
}

void MembersPane::eraseMember()
{
    const QList<MemberRepository::Row> rows = selectedRows();
    if (rows.size() != 1) {
        if (rows.size() > 1)
            QMessageBox::information(this,
                                     tr("Erase Personal Data"),
                                     tr("Erase one member at a time."));
        return;
    }
    const MemberRepository::Row &row = rows.constFirst();
    EraseMemberDialog dialog(row.name, row.posts, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const MemberEditor::ErasePosts posts = dialog.posts();
    if (attempt([&] { MemberEditor(connectionName()).erase(row.id, posts); })) {
        // Undo entries may point at data that is gone now.
        m_undo->clear();
        reload();
    }
}

void MembersPane::editEngagement()
{
    EngagementFormula formula;
    if (!attempt([&] { formula = EngagementFormula::load(connectionName()); }))
        return;
    EngagementSettingsDialog dialog(formula, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (attempt([&] { dialog.formula().save(connectionName()); }))
        recomputeEngagement(true);
}

void MembersPane::recomputeEngagement(bool showProgress)
{
    // Asked while a run is going on (an import right after a sync): one more run follows, so
    // what changed meanwhile counts too.
    if (m_recompute.isRunning()) {
        m_recomputeAgain = true;
        return;
    }
    m_cancelRecompute = std::make_shared<std::atomic<bool>>(false);
    if (showProgress) {
        m_progress = new QProgressDialog(tr("Computing engagement levels..."),
                                         tr("Cancel"),
                                         0,
                                         1000,
                                         this);
        m_progress->setObjectName(QStringLiteral("engagementProgress"));
        m_progress->setWindowModality(Qt::WindowModal);
        m_progress->setMinimumDuration(300);
        m_progress->setValue(0);
        connect(m_progress, &QProgressDialog::canceled, this, [cancel = m_cancelRecompute] {
            cancel->store(true);
        });
    }
    const Database *db = &database();
    m_recompute.setFuture(QtConcurrent::run([this, db, cancel = m_cancelRecompute]() {
        QString error;
        try {
            EngagementCalculator(db->connectionName())
                .recomputeAll({}, [this, cancel](qint64 done, qint64 total) {
                    const int value = total > 0 ? int(1000 * done / total) : 1000;
                    QMetaObject::invokeMethod(
                        this,
                        [this, value] {
                            if (m_progress)
                                m_progress->setValue(value);
                        },
                        Qt::QueuedConnection);
                    return !cancel->load();
                });
        } catch (const OperationCancelled &) {
            // Nothing was stored; the old levels stay.
        } catch (const StorageError &storageError) {
            error = storageError.message();
        }
        db->releaseThreadConnection();
        return error;
    }));
}
