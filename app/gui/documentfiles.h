#pragma once

#include "document/topologydocument.h"

#include <QObject>
#include <QString>

class QWidget;

namespace topolab::app {

class Autosave;
class RecentFiles;

// The File menu's flow for one window: New from a template, Open (with a clear message listing
// the file:line:col errors of a file that fails to load), Save and Save As, asking to save
// changes before they would be lost, recent files, and the crash copies: autosave while
// modified and, at start-up, the offer to recover what a crash left. Dialogs are parented to
// the window. Owns the autosave; the document and recent files are the window's.
class DocumentFiles : public QObject
{
    Q_OBJECT

public:
    DocumentFiles(TopologyDocument *document, RecentFiles *recent, QWidget *window,
                  const QString &autosaveDirectory);

    Autosave *autosave() const { return mAutosave; }

    // Whether the user agreed to go on: the document was saved, or its changes discarded.
    bool maybeSave();
    // Opens `path`; on failure shows the errors and keeps the current document.
    bool open(const QString &path);
    bool newFromTemplate(TopologyDocument::Template kind);
    bool save();
    bool saveAs();
    // Asks about each crash copy left in the autosave directory: recover, discard or later.
    void offerRecovery();
    // The directory file dialogs start in: the current file's, else the last one used.
    QString startDirectory() const;

public Q_SLOTS:
    void showOpenDialog();

Q_SIGNALS:
    // Something to tell the user in the status bar.
    void message(const QString &text);
    // The load errors of a file that failed to open, for the Issues dock.
    void loadFailed(const QString &path, const std::vector<core::Diagnostic> &errors);

private:
    void rememberDirectory(const QString &path);

    TopologyDocument *mDocument;
    RecentFiles *mRecent;
    QWidget *mWindow;
    Autosave *mAutosave;
};

} // namespace topolab::app
