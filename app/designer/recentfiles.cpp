#include "recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace topolab::app {

namespace {

QString settingsKey()
{
    return QStringLiteral("recentFiles");
}

// The canonical path of an existing file, else its absolute path.
QString normalized(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

QStringList existing(const QStringList &paths)
{
    QStringList result;
    for (const QString &path : paths) {
        if (QFileInfo(path).isFile())
            result.append(path);
    }
    return result;
}

} // namespace

RecentFiles::RecentFiles(QSettings &settings, QObject *parent)
    : QObject(parent)
    , mSettings(settings)
{
}

QStringList RecentFiles::list() const
{
    return existing(stored());
}

void RecentFiles::add(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString key = normalized(path);
    QStringList paths = existing(stored());
    paths.removeIf([&key](const QString &p) { return normalized(p) == key; });
    paths.prepend(key);
    if (paths.size() > maxCount)
        paths.resize(maxCount);
    store(paths);
}

void RecentFiles::remove(const QString &path)
{
    const QString key = normalized(path);
    QStringList paths = stored();
    if (paths.removeIf([&key](const QString &p) { return normalized(p) == key; }) == 0)
        return;
    store(paths);
}

void RecentFiles::clear()
{
    if (!mSettings.contains(settingsKey()))
        return;
    mSettings.remove(settingsKey());
    Q_EMIT changed();
}

QStringList RecentFiles::stored() const
{
    return mSettings.value(settingsKey()).toStringList();
}

void RecentFiles::store(const QStringList &paths)
{
    if (paths == stored())
        return;
    mSettings.setValue(settingsKey(), paths);
    Q_EMIT changed();
}

} // namespace topolab::app
