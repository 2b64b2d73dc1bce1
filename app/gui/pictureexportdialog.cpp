#include "pictureexportdialog.h"

#include "pictureexport.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

namespace topolab::app {

QString PictureExportDialog::run(QWidget *parent, const QGraphicsScene &scene,
                                 const QList<QGraphicsItem *> &selection,
                                 const QString &topologyName, const QString &filePath)
{
    QFileDialog dialog(parent, selection.isEmpty() ? tr("Export Picture")
                                                   : tr("Export Selection as Picture"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    const QStringList filters = PictureExport::nameFilters();
    dialog.setNameFilters(filters);
    // The format chosen last time, remembered by its extension so a new language keeps it.
    QSettings settings;
    const QString formatKey = QStringLiteral("export/format");
    const PictureExport::Format format
        = PictureExport::formatForPath(u'.' + settings.value(formatKey).toString())
              .value_or(PictureExport::Format::Png);
    dialog.selectNameFilter(filters.at(int(format)));
    dialog.setDefaultSuffix(PictureExport::suffix(format));

    const QFileInfo source(filePath);
    QString base = source.fileName();
    if (base.endsWith(QLatin1String(".topolab.yaml")))
        base.chop(13);
    else
        base = source.completeBaseName();
    if (base.isEmpty())
        base = topologyName.isEmpty() ? QStringLiteral("topology") : topologyName;
    dialog.setDirectory(filePath.isEmpty()
                            ? QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)
                            : source.absolutePath());
    dialog.selectFile(base + u'.' + dialog.defaultSuffix());
    // Choosing another format changes the extension of the name being typed with it, since
    // the extension is what decides the format.
    QObject::connect(&dialog, &QFileDialog::filterSelected, &dialog,
                     [&dialog, &filters](const QString &f) {
                         const int index = int(filters.indexOf(f));
                         if (index < 0)
                             return;
                         const QString suffix = PictureExport::suffix(PictureExport::Format(index));
                         dialog.setDefaultSuffix(suffix);
                         const QFileInfo typed(dialog.selectedFiles().value(0));
                         if (PictureExport::formatForPath(typed.fileName()))
                             dialog.selectFile(typed.completeBaseName() + u'.' + suffix);
                     });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    const QString path = dialog.selectedFiles().constFirst();
    if (PictureExport::formatForPath(path))
        settings.setValue(formatKey, QFileInfo(path).suffix().toLower());
    PictureExport picture(scene);
    picture.setItems(selection);
    picture.describe(topologyName, source.fileName());
    QString problem;
    if (!picture.write(path, &problem)) {
        QMessageBox::warning(parent, dialog.windowTitle(), problem);
        return {};
    }
    return path;
}

} // namespace topolab::app
