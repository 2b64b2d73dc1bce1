#pragma once

#include <QPlainTextEdit>

namespace topolab::app {

// A read-only monospace view of a unified diff: added lines on green, removed lines on red,
// hunk headers in blue, file headers in bold; or of a plain note ("contents not shown").
// Owns its highlighter.
class DeployDiffView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit DeployDiffView(QWidget *parent = nullptr);

    void showDiff(const QString &diff);
    // Text that is not a diff, in the same font, uncoloured.
    void showNote(const QString &text);
    bool showsDiff() const { return mDiff; }

private:
    class Highlighter;
    Highlighter *mHighlighter;
    bool mDiff = false;
};

} // namespace topolab::app
