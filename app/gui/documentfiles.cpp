#include "documentfiles.h"

#include "designer/autosave.h"
#include "designer/recentfiles.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>

namespace topolab::app {

namespace {

const QString lastDirectoryKey = QStringLiteral("files/lastDirectory");

QString fileFilter()
{
    return DocumentFiles::tr("Topolab topologies (*.topolab.yaml *.yaml);;All files (*)");
}

} // namespace

DocumentFiles::DocumentFiles(TopologyDocument *document, RecentFiles *recent, QWidget *window,
                             const QString &autosaveDirectory)
    : QObject(window)
    , mDocument(document)
    , mRecent(recent)
    , mWindow(window)
    , mAutosave(new Autosave(document, autosaveDirectory, this))
{
    connect(mAutosave, &Autosave::writeFailed, this, [this](const QString &reason) {
        Q_EMIT message(tr("Autosave failed: %1").arg(reason));
    });
}

QString DocumentFiles::startDirectory() const
{
    if (!mDocument->filePath().isEmpty())
        return QFileInfo(mDocument->filePath()).absolutePath();
    const QString last = QSettings().value(lastDirectoryKey).toString();
    if (!last.isEmpty() && QDir(last).exists())
        return last;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void DocumentFiles::rememberDirectory(const QString &path)
{
    QSettings().setValue(lastDirectoryKey, QFileInfo(path).absolutePath());
}

bool DocumentFiles::maybeSave()
{
    if (!mDocument->isModified())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                    tr("Save the changes to %1?").arg(mDocument->displayName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, mWindow);
    box.setInformativeText(tr("Your changes are lost if you don't save them."));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        mAutosave->discard();
        return true;
    default:
        return false;
    }
}

bool DocumentFiles::open(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const std::vector<core::Diagnostic> errors = mDocument->open(absolute);
    if (errors.empty()) {
        mRecent->add(absolute);
        rememberDirectory(absolute);
        Q_EMIT message(tr("Opened %1").arg(QDir::toNativeSeparators(absolute)));
        return true;
    }
    if (!QFileInfo::exists(absolute))
        mRecent->remove(absolute);
    Q_EMIT loadFailed(absolute, errors);
    QStringList lines;
    for (const core::Diagnostic &error : errors)
        lines.append(TopologyDocument::formatDiagnostic(error, absolute));
    // Not modal: the errors stay listed in the Issues dock as well, and the window stays usable.
    const QString fileName = QDir::toNativeSeparators(absolute);
    const QString summary
        = errors.size() == 1
              ? tr("%1 could not be opened: 1 problem found.").arg(fileName)
              : tr("%1 could not be opened: %2 problems found.").arg(fileName).arg(errors.size());
    // One box, kept when closed: a later failure replaces what an earlier one said.
    const QString boxName = QStringLiteral("loadErrorBox");
    auto *box = mWindow->findChild<QMessageBox *>(boxName, Qt::FindDirectChildrenOnly);
    if (!box) {
        box = new QMessageBox(QMessageBox::Critical, QString(), QString(), QMessageBox::Ok,
                              mWindow);
        box->setObjectName(boxName);
        // Shown with show(), not QDialog::open(), which would make it window modal.
        box->setWindowModality(Qt::NonModal);
    }
    box->setWindowTitle(tr("Cannot open %1").arg(QFileInfo(absolute).fileName()));
    box->setText(summary + u' ' + tr("The current topology is unchanged."));
    QString shown = lines.mid(0, 5).join(u'\n');
    if (lines.size() > 5)
        shown += u'\n' + tr("… and %1 more").arg(lines.size() - 5);
    box->setInformativeText(shown);
    box->setDetailedText(lines.join(QLatin1Char('\n')));
    box->show();
    box->raise();
    return false;
}

void DocumentFiles::showOpenDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(mWindow, tr("Open Topology"),
                                                      startDirectory(), fileFilter());
    if (!path.isEmpty())
        open(path);
}

bool DocumentFiles::newFromTemplate(TopologyDocument::Template kind)
{
    if (!maybeSave())
        return false;
    const std::vector<core::Diagnostic> errors = mDocument->newFromTemplate(kind);
    if (!errors.empty()) {
        QMessageBox::critical(mWindow, tr("New Topology"),
                              tr("The template could not be read: %1")
                                  .arg(QString::fromStdString(errors.front().message)));
        return false;
    }
    return true;
}

bool DocumentFiles::save()
{
    if (mDocument->filePath().isEmpty())
        return saveAs();
    if (auto problem = mDocument->save()) {
        QMessageBox::critical(mWindow, tr("Save"),
                              tr("Could not save %1: %2").arg(mDocument->filePath(), *problem));
        return false;
    }
    mRecent->add(mDocument->filePath());
    Q_EMIT message(tr("Saved %1").arg(QDir::toNativeSeparators(mDocument->filePath())));
    return true;
}

bool DocumentFiles::saveAs()
{
    QString suggested = mDocument->filePath();
    if (suggested.isEmpty()) {
        const std::string &name = mDocument->topology().name;
        suggested = QDir(startDirectory())
                        .filePath((name.empty() ? QStringLiteral("untitled")
                                                : QString::fromStdString(name))
                                  + QStringLiteral(".topolab.yaml"));
    }
    QFileDialog dialog(mWindow, tr("Save Topology As"), QFileInfo(suggested).absolutePath(),
                       fileFilter());
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.selectFile(QFileInfo(suggested).fileName());
    // Added by the dialog, so that it asks before replacing a file of the completed name.
    dialog.setDefaultSuffix(QStringLiteral("topolab.yaml"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return false;
    QString path = dialog.selectedFiles().constFirst();
    if (!path.endsWith(QStringLiteral(".yaml"), Qt::CaseInsensitive))
        path += QStringLiteral(".topolab.yaml");
    if (auto problem = mDocument->saveAs(path)) {
        QMessageBox::critical(mWindow, tr("Save As"),
                              tr("Could not save %1: %2").arg(path, *problem));
        return false;
    }
    mRecent->add(path);
    rememberDirectory(path);
    Q_EMIT message(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void DocumentFiles::offerRecovery()
{
    for (const Autosave::Entry &entry : Autosave::recoverable(mAutosave->directory())) {
        const QString written
            = QLocale().toString(entry.written.toLocalTime(), QLocale::LongFormat);
        QMessageBox box(QMessageBox::Question, tr("Recover unsaved work"),
                        tr("Topolab stopped before %1 was saved.").arg(entry.displayName),
                        QMessageBox::NoButton, mWindow);
        box.setInformativeText(
            entry.originalPath.isEmpty()
                ? tr("A copy of the untitled topology was kept at %1. Recover it?").arg(written)
                : tr("A copy of the changes to %1 was kept at %2. Recover it?")
                      .arg(QDir::toNativeSeparators(entry.originalPath), written));
        QPushButton *recover = box.addButton(tr("&Recover"), QMessageBox::AcceptRole);
        QPushButton *discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
        box.addButton(tr("&Later"), QMessageBox::RejectRole);
        box.setDefaultButton(recover);
        box.exec();
        if (box.clickedButton() == discard) {
            Autosave::remove(entry);
        } else if (box.clickedButton() == recover) {
            if (!Autosave::recover(entry, mDocument)) {
                QMessageBox::warning(mWindow, tr("Recover unsaved work"),
                                     tr("The copy at %1 could not be read; it is kept.")
                                         .arg(QDir::toNativeSeparators(entry.autosavePath)));
                continue;
            }
            // The recovered work is now autosaved under this session's name, so the old copy
            // can go.
            if (mAutosave->writeNow() && mAutosave->autosavePath() != entry.autosavePath)
                Autosave::remove(entry);
            Q_EMIT message(tr("Recovered %1: save it to keep it").arg(entry.displayName));
            // One document per window: the rest wait for the next start.
            return;
        }
    }
}

} // namespace topolab::app
