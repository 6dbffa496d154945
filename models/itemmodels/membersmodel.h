// The members table: name, handles, tags and engagement figures, paged from SQL.
#pragma once

#include "memberrepository.h"
#include "pagedtablemodel.h"

class MembersModel final : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        HandlesColumn,
        TagsColumn,
        PostsColumn,
        RepliesGivenColumn,
        RepliesReceivedColumn,
        MentionsColumn,
        FirstSeenColumn,
        LastSeenColumn,
        ColumnCount
    };

    explicit MembersModel(const QString &connectionName, QObject *parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section,
                                      Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

protected:
    int readPage(int offset, int limit) override;
    void appendStagedRows() override;
    void clearRows() override;
    [[nodiscard]] int loadedRowCount() const override { return int(m_rows.size()); }

private:
    MemberRepository m_repository;
    QList<MemberRepository::Row> m_rows;
    QList<MemberRepository::Row> m_staged;
};
