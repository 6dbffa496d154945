// The Members pane: a filterable, sortable table of members and the detail of the selected one.
#pragma once

#include "memberrepository.h"
#include "pane.h"

#include <QFutureWatcher>

class MembersModel;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QTimer;

class MembersPane final : public Pane
{
    Q_OBJECT

public:
    explicit MembersPane(const Database &database, QWidget *parent = nullptr);
    ~MembersPane() override;

    void reload() override;
    [[nodiscard]] bool hasData() const override;
    void setReadOnly(bool readOnly) override;
    // Saves the notes over the version they were read at; false when nothing was saved (a
    // conflict or an error was shown and the text stays in the form).
    bool saveNotes();

Q_SIGNALS:
    void detailShown();

private:
    // Whether there is anything to show, and the first row selected; reads no page itself.
    void updateState();
    // Reads the member's detail off the GUI thread (a very active member's takes a while).
    void showMember(qint64 memberId);
    void showDetail(const MemberRepository::Detail &detail);
    void updateCount();
    // Asks what to do with unsaved notes before another member is shown.
    bool askToKeepNotes();

    MembersModel *m_model = nullptr;
    QLineEdit *m_filter = nullptr;
    QTimer *m_filterTimer = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_detail = nullptr;
    bool m_hasMembers = false;
    QFutureWatcher<MemberRepository::Detail> m_detailWatcher;
    qint64 m_wantedMember = 0; // the latest selection; older results are dropped
    QPlainTextEdit *m_notes = nullptr;
    QPushButton *m_saveNotes = nullptr;
    QLabel *m_notesStatus = nullptr;
    qint64 m_notesMember = 0;
    qint64 m_notesVersion = 0; // the row version the notes were read at
    bool m_readOnly = false;
};
