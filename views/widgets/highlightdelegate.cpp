// Rich text in item views: the style draws the cell, a QTextDocument the text.
#include "highlightdelegate.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>
#include <QTextOption>

namespace {

// Matched words stand out by weight and by a soft marker colour, readable when selected too.
const char highlightStyle[] = "b { background-color: #fde68a; color: #1f2937; }";

} // namespace

HighlightDelegate::HighlightDelegate(int htmlRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_htmlRole(htmlRole)
{}

void HighlightDelegate::paint(QPainter *painter,
                              const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString html = index.data(m_htmlRole).toString();
    opt.text.clear();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
    QTextDocument document;
    document.setDefaultFont(opt.font);
    document.setDefaultStyleSheet(QLatin1String(highlightStyle));
    document.setDocumentMargin(0);
    QTextOption noWrap;
    noWrap.setWrapMode(QTextOption::NoWrap);
    document.setDefaultTextOption(noWrap);
    document.setHtml(html);

    QAbstractTextDocumentLayout::PaintContext context;
    const bool selected = opt.state & QStyle::State_Selected;
    context.palette = opt.palette;
    context.palette.setColor(QPalette::Text,
                             opt.palette.color(selected ? QPalette::HighlightedText
                                                        : QPalette::Text));
    painter->save();
    // One line per row: centred vertically, cut at the cell's edge.
    const int lineHeight = opt.fontMetrics.height();
    const int top = textRect.top() + std::max(0, (textRect.height() - lineHeight) / 2);
    painter->translate(textRect.left(), top);
    painter->setClipRect(QRect(0, 0, textRect.width(), textRect.height()));
    document.documentLayout()->draw(painter, context);
    painter->restore();
}
