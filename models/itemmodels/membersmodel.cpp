// Display, sort keys and tooltips for the members table.
#include "membersmodel.h"

#include "engagementformula.h"

#include <QLocale>

MembersModel::MembersModel(const QString &connectionName, QObject *parent)
    : PagedRowModel(connectionName, parent)
    , m_repository(connectionName)
{
    setInitialSort(NameColumn, Qt::AscendingOrder);
}

int MembersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MembersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MemberRepository::Row &row = rowAt(index.row());
    if (role == IdRole)
        return row.id;
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = index.column() >= PostsColumn && index.column() <= MentionsColumn;
        return QVariant::fromValue(Qt::Alignment(numeric ? Qt::AlignRight | Qt::AlignVCenter
                                                         : Qt::AlignLeft | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortValueRole)
        return {};
    const bool display = role != SortValueRole;
    auto date = [&](const QDateTime &time) -> QVariant {
        if (!display)
            return time;
        return time.isValid() ? QLocale().toString(time.toLocalTime().date(), QLocale::ShortFormat)
                              : QString();
    };
    switch (index.column()) {
    case NameColumn:
        return row.name;
    case HandlesColumn:
        return row.handles.join(QLatin1String(", "));
    case TagsColumn:
        return row.tags.join(QLatin1String(", "));
    case PostsColumn:
        return row.posts;
    case RepliesGivenColumn:
        return row.repliesGiven;
    case RepliesReceivedColumn:
        return row.repliesReceived;
    case MentionsColumn:
        return row.mentionsReceived;
    case FirstSeenColumn:
        return date(row.firstSeen);
    case LastSeenColumn:
        return date(row.lastSeen);
    case LevelColumn:
        if (!display)
            return row.engagementLevel;
        if (role == Qt::ToolTipRole)
            return tr("Engagement score %1").arg(QLocale().toString(row.engagementScore, 'g', 4));
        return EngagementFormula::levelName(row.engagementLevel);
    default:
        return {};
    }
}

QVariant MembersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case HandlesColumn:
        return tr("Handles");
    case TagsColumn:
        return tr("Tags");
    case PostsColumn:
        return tr("Posts");
    case RepliesGivenColumn:
        return tr("Replies given");
    case RepliesReceivedColumn:
        return tr("Replies received");
    case MentionsColumn:
        return tr("Mentions");
    case FirstSeenColumn:
        return tr("First seen");
    case LastSeenColumn:
        return tr("Last active");
    case LevelColumn:
        return tr("Engagement");
    default:
        return {};
    }
}

QList<MemberRepository::Row> MembersModel::readRows(int offset, int limit)
{
    using Key = MemberRepository::SortKey;
    Key key = Key::Name;
    switch (sortColumn()) {
    case PostsColumn:
        key = Key::Posts;
        break;
    case RepliesGivenColumn:
        key = Key::RepliesGiven;
        break;
    case RepliesReceivedColumn:
        key = Key::RepliesReceived;
        break;
    case MentionsColumn:
        key = Key::Mentions;
        break;
    case FirstSeenColumn:
        key = Key::FirstSeen;
        break;
    case LastSeenColumn:
        key = Key::LastSeen;
        break;
    case LevelColumn:
        key = Key::Level;
        break;
    default:
        key = Key::Name;
    }
    return m_repository.page(filterText(), key, sortOrder(), offset, limit, m_level);
}

void MembersModel::setLevelFilter(int level)
{
    if (level == m_level)
        return;
    m_level = level;
    reload();
}
