// Downloads feeds over HTTP: conditional requests, redirects, timeouts and size limits.
#pragma once

#include "fetchresult.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;

class FeedFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedFetcher)

public:
    static constexpr int DefaultTimeoutMs = 30 * 1000;
    static constexpr qint64 DefaultMaximumSize = 50 * 1024 * 1024;
    static constexpr int MaximumRedirects = 5;

    explicit FeedFetcher(QObject *parent = nullptr);
    ~FeedFetcher() override;

    // Applies to each request of a redirect chain: connecting and every pause in the transfer.
    void setTimeout(int milliseconds);
    [[nodiscard]] int timeout() const { return m_timeoutMs; }
    // Bodies larger than this (announced or received) are abandoned with an error.
    void setMaximumSize(qint64 bytes);
    [[nodiscard]] qint64 maximumSize() const { return m_maximumSize; }

    // Starts a download; finished() reports it, unless abortAll() ends it first.
    void fetch(const FetchRequest &request);
    // Ends every running download without reporting them.
    void abortAll();
    [[nodiscard]] int runningCount() const { return int(m_transfers.size()); }

Q_SIGNALS:
    void finished(const FetchResult &result);

private:
    struct Transfer
    {
        FetchRequest request;
        FetchResult result;
        QList<QUrl> visited;
        bool permanentSoFar = true;
        bool tooLarge = false;
        QElapsedTimer timer;
    };

    void startRequest(Transfer transfer, const QUrl &url);
    void onReadyRead(QNetworkReply *reply);
    void onFinished(QNetworkReply *reply);
    void finish(Transfer &transfer);
    void abortTooLarge(QNetworkReply *reply, Transfer &transfer);

    QNetworkAccessManager *m_network = nullptr;
    QHash<QNetworkReply *, Transfer> m_transfers;
    int m_timeoutMs = DefaultTimeoutMs;
    qint64 m_maximumSize = DefaultMaximumSize;
};
