// The Members pane: a filterable, sortable table of members and the detail of the selected one.
#pragma once

#include "pane.h"

class MembersModel;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QTimer;

class MembersPane final : public Pane
{
    Q_OBJECT

public:
    explicit MembersPane(const Database &database, QWidget *parent = nullptr);

    void reload() override;
    [[nodiscard]] bool hasData() const override;

private:
    // Whether there is anything to show, and the first row selected; reads no page itself.
    void updateState();
    void showMember(qint64 memberId);
    void updateCount();

    MembersModel *m_model = nullptr;
    QLineEdit *m_filter = nullptr;
    QTimer *m_filterTimer = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_detail = nullptr;
    bool m_hasMembers = false;
};
