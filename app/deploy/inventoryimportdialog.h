#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace topolab::app {

class TopologyDocument;

// "Fill from…" of the hosts dialog: an inventory (`deploy: {hosts: [...]}`, the file
// `topolab-cli --inventory` reads) pasted or opened from a file, read with core's inventory
// reader and filled into the document's hosts as one undo step: its hosts replace those of the
// same components, the others stay. Refuses an inventory with any error, each shown with its
// line and column. Owns its widgets.
class InventoryImportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit InventoryImportDialog(TopologyDocument *document, QWidget *parent = nullptr);

    // Puts the text of `path` in the editor, to be filled from; false when it cannot be read.
    bool loadFile(const QString &path);
    void setText(const QString &text);
    // Reads the text and fills the hosts; false, changing nothing, with the errors shown.
    bool fill();
    QString errorText() const;
    int filledHosts() const { return mFilled; }

    void accept() override; // fills first; stays open on errors

private:
    void openFile();
    void showErrors(const QStringList &lines);

    TopologyDocument *mDocument;
    QPlainTextEdit *mText;
    QLabel *mErrors;
    QPushButton *mFill;
    QString mSource; // the file name the text came from, until it is edited
    bool mLoading = false;
    int mFilled = 0;
};

} // namespace topolab::app
