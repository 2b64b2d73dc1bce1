#include "deploydiffview.h"

#include <QFontDatabase>
#include <QSyntaxHighlighter>

namespace topolab::app {

// Colours the lines of a unified diff by their first character.
class DeployDiffView::Highlighter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;
    bool enabled = false;
    bool dark = false; // light text on a dark base

protected:
    void highlightBlock(const QString &text) override
    {
        if (!enabled || text.isEmpty())
            return;
        QTextCharFormat format;
        if (text.startsWith(QLatin1String("+++")) || text.startsWith(QLatin1String("---"))) {
            format.setFontWeight(QFont::Bold);
        } else if (text.startsWith(QLatin1Char('+'))) {
            format.setBackground(QColor(0x2e, 0x9a, 0x47, dark ? 0x50 : 0x38));
            format.setForeground(dark ? QColor(0xa5, 0xd6, 0xa7) : QColor(0x1b, 0x5e, 0x20));
        } else if (text.startsWith(QLatin1Char('-'))) {
            format.setBackground(QColor(0xd3, 0x2f, 0x2f, dark ? 0x50 : 0x30));
            format.setForeground(dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xb7, 0x1c, 0x1c));
        } else if (text.startsWith(QLatin1String("@@"))) {
            format.setForeground(dark ? QColor(0x90, 0xca, 0xf9) : QColor(0x1f, 0x6f, 0xd1));
        } else if (text.startsWith(QLatin1Char('\\'))) {
            format.setFontItalic(true);
        } else {
            return;
        }
        setFormat(0, int(text.size()), format);
    }
};

DeployDiffView::DeployDiffView(QWidget *parent)
    : QPlainTextEdit(parent)
    , mHighlighter(new Highlighter(document()))
{
    setObjectName(QStringLiteral("deployDiff"));
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setPlaceholderText(tr("Select a file of the plan to see what changes in it."));
}

void DeployDiffView::showDiff(const QString &diff)
{
    mDiff = true;
    mHighlighter->enabled = true;
    mHighlighter->dark = palette().color(QPalette::Base).lightness() < 128;
    setPlainText(diff);
}

void DeployDiffView::showNote(const QString &text)
{
    mDiff = false;
    mHighlighter->enabled = false;
    setPlainText(text);
}

} // namespace topolab::app
