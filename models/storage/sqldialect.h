// The one place where SQLite and PostgreSQL differ: column types in migrations, connection
// set-up, backups and the statement splitter for migration files.
#pragma once

#include "databaselocation.h"

#include <QStringList>
#include <QVariantList>

class SearchQuery;

class SqlDialect final
{
public:
    using Backend = DatabaseLocation::Backend;

    // Replaces the portable type placeholders used in migration files:
    //   {{PK}}   auto-numbered 64-bit primary key
    //   {{BLOB}} binary data
    [[nodiscard]] static QString expandMigration(const QString &sql, Backend backend);

    // Splits a migration file into single statements. Understands quotes, comments,
    // CREATE TRIGGER ... BEGIN ... END blocks and PostgreSQL $$ bodies.
    [[nodiscard]] static QStringList splitStatements(const QString &sql);

    // Statements run on every new connection (SQLite: WAL, foreign keys, busy timeout).
    [[nodiscard]] static QStringList connectionSetup(Backend backend);

    // Run once on a connection that only reads small pages for a view (the search worker's).
    // PostgreSQL starts no parallel workers there, whose start-up takes longer than a page of
    // 200 rows does to read, and costs an index lookup as the cached read it nearly always is
    // (random_page_cost 1.1, as for SSDs): with the default of 4 it would rather read every post
    // newest first than look up the few posts of a hashtag. Empty when nothing is needed.
    [[nodiscard]] static QStringList pageReaderSetup(Backend backend);

    // A read that fails on a file that is not a database of this backend, before anything is
    // written to it.
    [[nodiscard]] static QString probeStatement(Backend backend);

    // SQLite only: writes a consistent copy of the database (WAL content included) to the file
    // bound as its one value.
    [[nodiscard]] static QString sqliteBackupStatement();

    // PostgreSQL only: one boolean, whether the current role may write community data (roles
    // granted SELECT only get false and open the database read-only).
    [[nodiscard]] static QString postgreSqlWriteAccessStatement();
    // PostgreSQL only: one boolean, whether the current role may upgrade the schema: it owns the
    // tables (or is a member of the owning role), or may create them in a database without them.
    [[nodiscard]] static QString postgreSqlUpgradeAccessStatement();

    // One text value: the server's (or library's) version, e.g. "15.4 (Debian 15.4-1)".
    [[nodiscard]] static QString serverVersionStatement(Backend backend);

    // SQLite: a number that changes whenever another connection commits (PostgreSQL sends
    // notifications instead, see migration 0002, and has no such statement: empty).
    [[nodiscard]] static QString changeCounterStatement(Backend backend);

    // The backend of an open connection.
    [[nodiscard]] static Backend backendOf(const QString &connectionName);

    // A statement returning count (bound) unused ids of table, one a row, for rows inserted
    // with explicit ids. On SQLite they stay unused only until the next insert into the table:
    // insert the rows first.
    [[nodiscard]] static QString newIdsStatement(Backend backend, const QString &table);

    // Run first in a transaction of a few very large statements: PostgreSQL's JIT compiles
    // each one for about a second, longer than it saves; empty when nothing is needed.
    [[nodiscard]] static QString bulkStatementsSetup(Backend backend);

    // Run on a connection before it commits many write transactions in a row (a feed sync),
    // and after them. SQLite copies its write-ahead log into the database less often in between
    // (pages that every transaction changes, such as index pages, are copied once per
    // checkpoint, not once per transaction; every commit stays as durable as before) and
    // checkpoints at the end, so the next writer does not pay for it. Empty when nothing is
    // needed.
    [[nodiscard]] static QStringList manyWritesBegin(Backend backend);
    [[nodiscard]] static QStringList manyWritesEnd(Backend backend);
    // Around one large transaction (a file import): SQLite keeps up to 256 MiB of its pages in
    // memory instead of 32 MiB, so that the indexes written need not be spilled to the log and
    // read again; the end gives the memory back.
    [[nodiscard]] static QStringList largeTransactionBegin(Backend backend);
    [[nodiscard]] static QStringList largeTransactionEnd(Backend backend);
    // A checkpoint another connection runs beside the writer during many writes, so that the
    // writer's commits do not copy the log into the database themselves (SQLite); empty when
    // there is nothing to do.
    [[nodiscard]] static QString concurrentCheckpoint(Backend backend);

    // The SQL driver name for QSqlDatabase::addDatabase().
    [[nodiscard]] static QString driverName(Backend backend);

    // Tables the database engine keeps for itself (SQLite's sqlite_sequence), not the schema's.
    [[nodiscard]] static bool isInternalTable(Backend backend, const QString &table);
    // Tables and columns computed from other data (SQLite's full-text index posts_fts and its
    // shadow tables, PostgreSQL's posts.search_vector): never copied, the target computes them.
    [[nodiscard]] static bool isDerivedTable(Backend backend, const QString &table);
    [[nodiscard]] static bool isDerivedColumn(Backend backend,
                                              const QString &table,
                                              const QString &column);

    // Full-text search over posts (migration 6): SQLite's FTS5 index posts_fts, PostgreSQL's
    // search_vector column with the 'simple' configuration. The query must not be empty. User
    // text only ever reaches the engine as quoted FTS5 strings or bound tsquery input, so no
    // text gives a syntax error.
    // A FROM item that names the posts table p (joined with the index where that is needed).
    [[nodiscard]] static QString postSearchSource(Backend backend);
    // The order of the hits, most recently added post first: the order in which the index
    // hands out matches on SQLite, so a page stops after its last row instead of sorting every
    // match (a common word matches tens of thousands of posts).
    [[nodiscard]] static QString postSearchOrder(Backend backend);
    // The condition that p matches; appends the values it binds, in order.
    [[nodiscard]] static QString postSearchCondition(Backend backend,
                                                     const SearchQuery &query,
                                                     QVariantList *values);
    // Whether a search with these words, ordered by postSearchOrder(), should read the newest
    // posts first and the rest through the index (DiscussionRepository::search()). PostgreSQL
    // estimates how often several words (or a word without another) match together as if they
    // were independent; when they are not, its plan of reading posts newest first until the
    // page is full can read every post. Single words it estimates well.
    [[nodiscard]] static bool searchesNewestWindowFirst(Backend backend, const SearchQuery &query);
    // An order equal to p.id DESC that no index provides, so the database finds the matches
    // through the search index and sorts those few.
    [[nodiscard]] static QString postSearchIndexOrder(Backend backend);
    // The same condition for a plan that reads a few posts first (one member's, say) and checks
    // each against the index, with posts p alone as the source and p.id DESC as the order.
    [[nodiscard]] static QString postInSearchCondition(Backend backend,
                                                       const SearchQuery &query,
                                                       QVariantList *values);
    // A statement reading (post id, snippet) for the matching posts among idCount ids bound
    // after its own values (appended to values); on SQLite the smallest and the largest id come
    // first, then the ids (see postSnippetIdValues). The snippet is a piece of the post around the
    // matches with every matched word between highlightStart and highlightEnd.
    [[nodiscard]] static QString postSnippetStatement(Backend backend,
                                                      const SearchQuery &query,
                                                      int idCount,
                                                      QVariantList *values);
    // Bulk inserts of posts on SQLite drop the index's insert trigger for the transaction (it
    // flushes the index at every statement) and index the new posts with one statement at its
    // end; PostgreSQL's generated column costs the same either way, so these are empty there.
    // The trigger's definition (one row, one column), to create it again after the inserts.
    [[nodiscard]] static QString postSearchInsertTriggerStatement(Backend backend);
    [[nodiscard]] static QString dropPostSearchInsertTriggerStatement(Backend backend);
    // Indexes the posts whose id is above the bound value.
    [[nodiscard]] static QString postSearchCatchUpStatement(Backend backend);
    // The values bound after postSnippetStatement's own: the ids, on SQLite after their range.
    [[nodiscard]] static QVariantList postSnippetIdValues(Backend backend, const QList<qint64> &ids);
    static constexpr char16_t highlightStart = 0xE000; // private use: never in a tokenized word
    static constexpr char16_t highlightEnd = 0xE001;
    // The FTS5 query of a SearchQuery: every term a quoted string (public for its tests).
    [[nodiscard]] static QString fts5Query(const SearchQuery &query);

    // Run first in a transaction that reads a whole community, so every table is read as of
    // one moment (SQLite's read transactions already are); empty when nothing is needed.
    [[nodiscard]] static QString snapshotReadStatement(Backend backend);

    // After rows were inserted with explicit ids: moves the table's id generator past the
    // largest id so the next insert does not collide. PostgreSQL only (its identity sequence
    // does not follow explicit ids; SQLite's AUTOINCREMENT does); empty for SQLite.
    [[nodiscard]] static QString resetIdentityStatement(Backend backend, const QString &table);
};
