#include "autosave.h"

#include "document/topologydocument.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>
#include <QUuid>

#include <algorithm>

#include <topolab/version.h>

namespace topolab::app {

namespace {

const QString copySuffix = QStringLiteral(".topolab.yaml");
const QString sidecarSuffix = QStringLiteral(".json");

QString keyOriginalPath()
{
    return QStringLiteral("originalPath");
}
QString keyDisplayName()
{
    return QStringLiteral("displayName");
}
QString keyWritten()
{
    return QStringLiteral("written");
}
QString keyVersion()
{
    return QStringLiteral("version");
}

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

// The sidecar at `path`, or nullopt when it is missing, not JSON or lacks a valid time.
std::optional<Autosave::Entry> readSidecar(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !json.isObject())
        return std::nullopt;
    const QJsonObject object = json.object();
    if (!object.value(keyOriginalPath()).isString() || !object.value(keyDisplayName()).isString()
        || !object.value(keyWritten()).isString())
        return std::nullopt;
    Autosave::Entry entry;
    entry.originalPath = object.value(keyOriginalPath()).toString();
    entry.displayName = object.value(keyDisplayName()).toString();
    entry.written = QDateTime::fromString(object.value(keyWritten()).toString(), Qt::ISODateWithMs);
    entry.version = object.value(keyVersion()).toString();
    if (!entry.written.isValid())
        return std::nullopt;
    const QString stem = path.chopped(sidecarSuffix.size());
    entry.autosavePath = stem + copySuffix;
    return entry;
}

} // namespace

Autosave::Autosave(TopologyDocument *document, const QString &directory, QObject *parent)
    : QObject(parent)
    , mDocument(document)
    , mDirectory(QDir::cleanPath(QDir(directory).absolutePath()))
    , mSessionId(QUuid::createUuid().toString(QUuid::Id128).left(12))
    , mTimer(new QTimer(this))
{
    mTimer->setInterval(defaultInterval);
    connect(mTimer, &QTimer::timeout, this, &Autosave::writeNow);
    connect(mDocument, &TopologyDocument::modifiedChanged, this, &Autosave::onModifiedChanged);
    connect(mDocument, &TopologyDocument::filePathChanged, this, &Autosave::onFilePathChanged);
    updateName();
    if (mDocument->isModified())
        mTimer->start();
}

Autosave::~Autosave() = default;

QString Autosave::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/autosave");
}

std::chrono::milliseconds Autosave::interval() const
{
    return mTimer->intervalAsDuration();
}

void Autosave::setInterval(std::chrono::milliseconds interval)
{
    mTimer->setInterval(interval);
}

QString Autosave::autosavePath() const
{
    return mDirectory + QLatin1Char('/') + mName + copySuffix;
}

QString Autosave::sidecarPath() const
{
    return mDirectory + QLatin1Char('/') + mName + sidecarSuffix;
}

bool Autosave::writeNow()
{
    if (!mDocument->isModified())
        return false;
    if (!QDir().mkpath(mDirectory)) {
        Q_EMIT writeFailed(
            tr("Cannot create the autosave folder %1.").arg(QDir::toNativeSeparators(mDirectory)));
        return false;
    }
    QJsonObject sidecar;
    sidecar.insert(keyOriginalPath(), mOriginalPath);
    sidecar.insert(keyDisplayName(), mDisplayName);
    sidecar.insert(keyWritten(), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    sidecar.insert(keyVersion(), QString::fromUtf8(topolab::versionString));
    QString error;
    // The copy first: a sidecar always names a complete copy.
    if (!writeAtomically(autosavePath(), QByteArray::fromStdString(mDocument->serialized()), &error)
        || !writeAtomically(sidecarPath(), QJsonDocument(sidecar).toJson(), &error)) {
        Q_EMIT writeFailed(tr("Cannot write the autosave copy of %1: %2").arg(mDisplayName, error));
        return false;
    }
    Q_EMIT written(autosavePath());
    return true;
}

void Autosave::discard()
{
    mTimer->stop();
    removeFiles();
}

QList<Autosave::Entry> Autosave::recoverable(const QString &directory)
{
    QList<Entry> entries;
    const QDir dir(directory);
    const QStringList sidecars
        = dir.entryList({QLatin1Char('*') + sidecarSuffix}, QDir::Files, QDir::Name);
    for (const QString &name : sidecars) {
        std::optional<Entry> entry = readSidecar(dir.filePath(name));
        if (entry && QFileInfo::exists(entry->autosavePath))
            entries.append(*entry);
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.written > b.written; });
    return entries;
}

bool Autosave::recover(const Entry &entry, TopologyDocument *document)
{
    // The document becomes the original file again (modified until saved), so Save writes
    // where the user's work belongs.
    return document->openAs(entry.autosavePath, entry.originalPath).empty();
}

void Autosave::remove(const Entry &entry)
{
    QFile::remove(entry.autosavePath);
    QFile::remove(entry.autosavePath.chopped(copySuffix.size()) + sidecarSuffix);
}

void Autosave::updateName()
{
    const QString path = mDocument->filePath();
    if (path.isEmpty()) {
        mName = QStringLiteral("untitled-") + mSessionId;
        mOriginalPath.clear();
        mDisplayName = mDocument->displayName();
    } else if (insideDirectory(path)) {
        // A recovered document: keep updating its leftover and what that leftover records.
        const QString fileName = QFileInfo(path).fileName();
        mName = fileName.endsWith(copySuffix) ? fileName.chopped(copySuffix.size()) : fileName;
        const std::optional<Entry> previous = readSidecar(sidecarPath());
        mOriginalPath = previous ? previous->originalPath : QString();
        mDisplayName = previous ? previous->displayName : mDocument->displayName();
    } else {
        const QFileInfo info(path);
        const QString canonical = info.canonicalFilePath();
        const QString key = canonical.isEmpty() ? info.absoluteFilePath() : canonical;
        const QByteArray hash
            = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
        QString base = info.fileName();
        if (base.endsWith(copySuffix))
            base.chop(copySuffix.size());
        mName = base + QLatin1Char('-') + QString::fromLatin1(hash);
        mOriginalPath = info.absoluteFilePath();
        mDisplayName = mDocument->displayName();
    }
}

void Autosave::onModifiedChanged(bool modified)
{
    if (modified) {
        mTimer->start();
        return;
    }
    mTimer->stop();
    // A document saved into the autosave folder must keep that file.
    if (!insideDirectory(mDocument->filePath()))
        removeFiles();
}

void Autosave::onFilePathChanged()
{
    // The old copy no longer belongs to this document, unless the document is that copy.
    if (mDocument->filePath() != autosavePath())
        removeFiles();
    updateName();
}

void Autosave::removeFiles()
{
    QFile::remove(autosavePath());
    QFile::remove(sidecarPath());
}

bool Autosave::insideDirectory(const QString &path) const
{
    return !path.isEmpty() && QFileInfo(path).absolutePath() == mDirectory;
}

} // namespace topolab::app
