// The members table: name, handles, tags and engagement figures, paged from SQL.
#pragma once

#include "memberrepository.h"
#include "pagedrowmodel.h"

class MembersModel final : public PagedRowModel<MemberRepository::Row>
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
        LevelColumn,
        ColumnCount
    };

    explicit MembersModel(const QString &connectionName, QObject *parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section,
                                      Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    // Shows only members of this engagement level (EngagementFormula::Level), all when -1.
    void setLevelFilter(int level);
    [[nodiscard]] int levelFilter() const { return m_level; }

protected:
    QList<MemberRepository::Row> readRows(int offset, int limit) override;

private:
    MemberRepository m_repository;
    int m_level = -1;
};
