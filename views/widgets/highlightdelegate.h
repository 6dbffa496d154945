// Draws a cell's rich text (a role holding escaped HTML with <b> around matched words), so
// search snippets show what matched.
#pragma once

#include <QStyledItemDelegate>

class HighlightDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit HighlightDelegate(int htmlRole, QObject *parent = nullptr);

    void paint(QPainter *painter,
               const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int m_htmlRole;
};
