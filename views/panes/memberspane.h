// The Members pane: a filterable, sortable table of members and the detail of the selected one,
// with adding, editing, tagging, merging, deleting (undoable) and erasing members.
#pragma once

#include "engagementcalculator.h"
#include "memberrepository.h"
#include "pane.h"

#include <QFutureWatcher>
#include <QPointer>

#include <atomic>
#include <memory>

class MembersModel;
class QAction;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressDialog;
class QPushButton;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QTimer;
class QUndoCommand;
class QUndoStack;

class MembersPane final : public Pane
{
    Q_OBJECT

public:
    // What the detail shows, read together off the GUI thread.
    struct DetailRead
    {
        MemberRepository::Detail detail;
        EngagementCalculator::Explanation engagement;
        bool failed = false;
    };

    explicit MembersPane(const Database &database, QWidget *parent = nullptr);
    ~MembersPane() override;

    void reload() override;
    [[nodiscard]] bool hasData() const override;
    void setReadOnly(bool readOnly) override;
    // Saves the notes over the version they were read at; false when nothing was saved (a
    // conflict or an error was shown and the text stays in the form).
    bool saveNotes();

    // Edits go on this stack (the window's Edit menu); the pane has its own until one is set.
    void setUndoStack(QUndoStack *stack);
    [[nodiscard]] QUndoStack *undoStack() const { return m_undo; }

    // Shows a member asked for elsewhere (a post's author, a mention): selects its row when the
    // table has it loaded, and shows its detail either way.
    void revealMember(qint64 memberId);

    // The members selected in the table (ids), in table order.
    [[nodiscard]] QList<qint64> selectedMembers() const;

    // The edits, as the toolbar and context menu run them (dialogs first).
    void addMember();
    void editMember();
    void deleteMembers();
    void tagMembers(bool add);
    void mergeMembers();
    void showDuplicates();
    void eraseMember();
    void editEngagement();
    // Recomputes every member's engagement off the GUI thread; with a progress dialog that can
    // cancel when the user asked for it.
    void recomputeEngagement(bool showProgress);
    [[nodiscard]] bool isRecomputing() const { return m_recompute.isRunning() || m_recomputeAgain; }

    // Without dialogs, for the undo stack and tests: each makes the edit and pushes its command.
    bool merge(qint64 keep, const QList<qint64> &others);
    bool tag(const QList<qint64> &members, const QString &tag, bool add);

Q_SIGNALS:
    void detailShown();
    void engagementRecomputed();

private:
    // Whether there is anything to show, and the first row selected; reads no page itself.
    void updateState();
    // Reads the member's detail off the GUI thread (a very active member's takes a while).
    void showMember(qint64 memberId);
    void showDetail(const DetailRead &read);
    void updateCount();
    void updateActions();
    // Asks what to do with unsaved notes before another member is shown.
    bool askToKeepNotes();
    // Runs an edit; a StorageError is shown and false returned.
    bool attempt(const std::function<void()> &edit);
    void push(QUndoCommand *command);
    [[nodiscard]] QList<MemberRepository::Row> selectedRows() const;
    [[nodiscard]] QString engagementHtml(const EngagementCalculator::Explanation &why,
                                         double storedScore,
                                         int storedLevel) const;

    MembersModel *m_model = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_level = nullptr;
    QTimer *m_filterTimer = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_detail = nullptr;
    bool m_hasMembers = false;
    QFutureWatcher<DetailRead> m_detailWatcher;
    qint64 m_wantedMember = 0; // the latest selection; older results are dropped
    QPlainTextEdit *m_notes = nullptr;
    QPushButton *m_saveNotes = nullptr;
    QLabel *m_notesStatus = nullptr;
    qint64 m_notesMember = 0;
    qint64 m_notesVersion = 0; // the row version the notes were read at
    bool m_readOnly = false;
    QUndoStack *m_undo = nullptr;
    QList<QAction *> m_writeActions;
    QList<QAction *> m_selectionActions; // need a selected member
    QAction *m_mergeAction = nullptr;    // needs two
    QFutureWatcher<QString> m_recompute; // empty result: done, else the error
    bool m_recomputeAgain = false;
    QPointer<QProgressDialog> m_progress;
    std::shared_ptr<std::atomic<bool>> m_cancelRecompute;
};
