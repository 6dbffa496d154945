// A QTextBrowser for sanitised feed HTML that loads nothing from the network unless allowed.
#pragma once

#include <QHash>
#include <QImage>
#include <QSet>
#include <QTextBrowser>
#include <QUrl>

class QNetworkAccessManager;

class FeedReader final : public QTextBrowser
{
    Q_OBJECT

public:
    explicit FeedReader(QWidget *parent = nullptr);

    // Shows an item; remote images load only when allowed (per feed, decided by the caller).
    void showHtml(const QString &html, bool remoteImagesAllowed);
    // Loads the remote images of the item shown now, and of every later one until showHtml()
    // says otherwise.
    void allowRemoteImages();
    [[nodiscard]] bool remoteImagesAllowed() const { return m_allowed; }
    // Remote images the item shown now asked for and did not get.
    [[nodiscard]] int blockedCount() const { return int(m_blocked.size()); }

    QVariant loadResource(int type, const QUrl &name) override;

Q_SIGNALS:
    // The item shown now has remote images that were not loaded.
    void remoteImagesBlocked(int count);
    // A link was clicked; http(s) and mailto links open outside the app.
    void linkActivated(const QUrl &url);

private:
    void fetch(const QUrl &url);
    void relayout();

    QNetworkAccessManager *m_network = nullptr;
    QHash<QUrl, QImage> m_images;
    QSet<QUrl> m_pending;
    QSet<QUrl> m_blocked;
    QString m_html;
    bool m_allowed = false;
    bool m_reporting = false;
};
