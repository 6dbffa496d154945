// Posts found by full-text search, most recently added first, paged from SQL: the search text is the paged
// model's filter text, narrowed by DiscussionRepository::Filters. Pages are read on a worker thread
// with its own connection; a new query, filter or reload supersedes a read still running, whose
// rows are then dropped.
#pragma once

#include "discussionrepository.h"
#include "pagedrowmodel.h"

#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>

class Database;

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

    explicit SearchResultsModel(const Database &database, QObject *parent = nullptr);
    ~SearchResultsModel() override;

    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section,
                                      Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] const DiscussionRepository::Filters &filters() const { return m_filters; }
    void setFilters(const DiscussionRepository::Filters &filters);

    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    // Starts reading the next page in the background; its rows are inserted when it is read.
    void fetchMore(const QModelIndex &parent) override;
    // A page is being read for the current query.
    [[nodiscard]] bool isSearching() const { return m_searching; }

    // Escapes text and wraps the ranges in <b>.
    [[nodiscard]] static QString highlightedHtml(
        const QString &text, const QList<std::pair<qsizetype, qsizetype>> &highlights);

Q_SIGNALS:
    void searchingChanged(bool searching);

protected:
    // The page the worker read (PagedTableModel inserts it); throws the worker's StorageError.
    QList<DiscussionRepository::Hit> readRows(int offset, int limit) override;

private:
    struct Page
    {
        quint64 generation = 0;
        QList<DiscussionRepository::Hit> hits;
        QString error; // non-empty when the read failed
    };

    void setSearching(bool searching);
    void deliver(const Page &page);

    const Database &m_database;
    DiscussionRepository::Filters m_filters;
    QThreadPool m_pool;
    // Bumped by every reset: a read of an older generation is stale. Shared with the worker so a
    // queued read that is already superseded does not run at all.
    std::shared_ptr<std::atomic<quint64>> m_generation;
    // Whether the worker's connection ran SqlDialect::pageReaderSetup(); only the worker uses it.
    std::shared_ptr<bool> m_workerPrepared;
    std::optional<Page> m_delivered;
    bool m_pending = false;   // a page of the current rows is being read
    bool m_searching = false; // as last signalled
};
