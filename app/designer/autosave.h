#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>

class QTimer;

namespace topolab::app {

class TopologyDocument;

// Keeps a crash copy of one document: while the document is modified it writes the bytes a
// save would write, every interval(), to `<directory>/<name>.topolab.yaml` with a sidecar
// `<name>.json` (original path, display name, time written, application version); both are
// written atomically. The name is stable per document: derived from a hash of its file path,
// or from an id of this session for an untitled document. The files go away when the document
// becomes clean (saved, or undone back to its saved state) and on discard(); destroying an
// Autosave leaves them, so a crash or a kill leaves a leftover that recoverable() lists at the
// next start. Owns its timer only; the document and the files it writes are not owned.
//
// Recovery: recover() reads the autosaved copy into a document as the document of its original
// file (TopologyDocument::openAs), modified until saved, so Save writes the original file and an
// untitled one asks for a path. An Autosave attached to a recovered document of a file keeps
// updating the same leftover (its name comes from the same path) until the document is saved.
class Autosave : public QObject
{
    Q_OBJECT

public:
    // A leftover found by recoverable().
    struct Entry
    {
        QString originalPath; // empty for a document that was never saved
        QString displayName;
        QDateTime written; // UTC
        QString version;   // of the application that wrote it
        QString autosavePath;
    };

    static constexpr std::chrono::milliseconds defaultInterval{60 * 1000};

    Autosave(TopologyDocument *document, const QString &directory = defaultDirectory(),
             QObject *parent = nullptr);
    ~Autosave() override;

    // QStandardPaths' AppDataLocation + "/autosave".
    static QString defaultDirectory();

    QString directory() const { return mDirectory; }
    std::chrono::milliseconds interval() const;
    void setInterval(std::chrono::milliseconds interval);

    // Where this document's copy and sidecar go (they need not exist).
    QString autosavePath() const;
    QString sidecarPath() const;

    // Writes the copy now when the document is modified; false when nothing was written.
    bool writeNow();
    // Removes this document's copy and sidecar: the user closed it without keeping changes.
    void discard();

    // The leftovers in `directory`, newest first; corrupt or orphaned sidecars are skipped.
    static QList<Entry> recoverable(const QString &directory);
    // Reads the autosaved copy into `document` as its original file, modified.
    static bool recover(const Entry &entry, TopologyDocument *document);
    // Deletes a leftover the user chose not to recover.
    static void remove(const Entry &entry);

Q_SIGNALS:
    void written(const QString &path);
    void writeFailed(const QString &reason);

private:
    void updateName();
    void onModifiedChanged(bool modified);
    void onFilePathChanged();
    void removeFiles();
    bool insideDirectory(const QString &path) const;

    TopologyDocument *mDocument;
    QString mDirectory;
    QString mSessionId;
    QString mName;         // the stable file name stem
    QString mOriginalPath; // written to the sidecar
    QString mDisplayName;  // written to the sidecar
    QTimer *mTimer;
};

} // namespace topolab::app
