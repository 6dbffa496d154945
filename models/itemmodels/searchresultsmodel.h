// Posts found by full-text search, most recently added first, paged from SQL: the search text is the paged
// model's filter text, narrowed by DiscussionRepository::Filters.
#pragma once

#include "discussionrepository.h"
#include "pagedrowmodel.h"

class SearchResultsModel final : public PagedRowModel<DiscussionRepository::Hit>
{
    Q_OBJECT

public:
    enum Column { SnippetColumn, DiscussionColumn, AuthorColumn, PostedColumn, ColumnCount };
    enum Role {
        DiscussionIdRole = SortValueRole + 1,
        AuthorIdRole,
        // The snippet as rich text: escaped, each matched word in <b>.
        HighlightedSnippetRole,
        // The matched words' places in the snippet: a list of QPoint(start, length).
        HighlightsRole,
        NeedsResponseRole
    };

    explicit SearchResultsModel(const QString &connectionName, QObject *parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section,
                                      Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] const DiscussionRepository::Filters &filters() const { return m_filters; }
    void setFilters(const DiscussionRepository::Filters &filters);

    // Escapes text and wraps the ranges in <b>.
    [[nodiscard]] static QString highlightedHtml(
        const QString &text, const QList<std::pair<qsizetype, qsizetype>> &highlights);

protected:
    QList<DiscussionRepository::Hit> readRows(int offset, int limit) override;

private:
    DiscussionRepository m_repository;
    DiscussionRepository::Filters m_filters;
};
