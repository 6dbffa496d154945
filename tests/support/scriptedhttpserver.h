// An HTTP server on 127.0.0.1 that answers each path with exact bytes, or not at all: for what
// QHttpServer cannot send (a cut body, silence, a false charset, damaged compression).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QTcpServer>
#include <QUrl>

class ScriptedHttpServer final : public QTcpServer
{
public:
    ScriptedHttpServer();

    // A whole response: status line, headers (Content-Length is added unless given, and the
    // connection closes after it) and body.
    [[nodiscard]] static QByteArray response(const QByteArray &status,
                                             const QList<QByteArray> &headers,
                                             const QByteArray &body = {});

    // What a request for path gets: these bytes, after which the connection closes.
    void answer(const QByteArray &path, const QByteArray &bytes);
    // A request for path is taken and never answered.
    void stayQuiet(const QByteArray &path);
    void clear();

    [[nodiscard]] QUrl url(const QByteArray &path) const;
    [[nodiscard]] int requests(const QByteArray &path) const { return m_requests.value(path); }
    // The headers of the last request for path, names in lower case.
    [[nodiscard]] QByteArray lastHeader(const QByteArray &path, const QByteArray &name) const;

private:
    void onRequest(QTcpSocket *socket, const QByteArray &head);

    QHash<QByteArray, QByteArray> m_answers;
    QSet<QByteArray> m_quiet;
    QHash<QByteArray, int> m_requests;
    QHash<QByteArray, QHash<QByteArray, QByteArray>> m_lastHeaders;
};
