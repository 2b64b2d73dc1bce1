#pragma once

#include <QObject>
#include <QStringList>

class QSettings;

namespace topolab::app {

// The recently opened files, newest first, kept in QSettings under "recentFiles": add() moves
// a file to the front (one entry per canonical path), at most maxCount are kept, and files
// that no longer exist are left out of list() and dropped at the next change. Does not own
// the settings, which must outlive it.
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    static constexpr int maxCount = 10;

    explicit RecentFiles(QSettings &settings, QObject *parent = nullptr);

    QStringList list() const; // existing files only, newest first
    void add(const QString &path);
    void remove(const QString &path); // e.g. a file that failed to open
    void clear();

Q_SIGNALS:
    void changed();

private:
    QStringList stored() const;
    void store(const QStringList &paths);

    QSettings &mSettings;
};

} // namespace topolab::app
