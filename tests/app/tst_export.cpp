// Pictures of the canvas: PictureExport writes PNG, SVG and PDF files that other programs read,
// `topolab --export` writes the same pictures without a window, and both fail cleanly: exit
// codes, located errors and no half-written file. Runs on the offscreen platform.
#include "canvas/designscene.h"
#include "document/topologydocument.h"
#include "gui/componentitem.h"
#include "gui/designeractions.h"
#include "gui/mainwindow.h"
#include "gui/pictureexport.h"
#include "gui/regionitem.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>

using namespace topolab;
using namespace topolab::app;

namespace {

constexpr qreal pngRatio = 2;

QString topolabBinary()
{
    // The viewer is built next to topolab-cli, whose path the build hands to every test.
    QString name = QStringLiteral("topolab");
#ifdef Q_OS_WIN
    name += QStringLiteral(".exe");
#endif
    return QFileInfo(QStringLiteral(TOPOLAB_CLI)).dir().filePath(name);
}

QString dataFile(const QString &name)
{
    return QStringLiteral(TOPOLAB_TEST_DATA "/cli/") + name;
}

QStringList exampleFiles()
{
    const QDir dir(QStringLiteral(TOPOLAB_EXAMPLES));
    QStringList files;
    for (const QString &name : dir.entryList({QStringLiteral("*.topolab.yaml")}, QDir::Files))
        files.append(dir.filePath(name));
    return files;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QProcessEnvironment offscreenEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

Run runTopolab(const QStringList &arguments,
               const QProcessEnvironment &environment = offscreenEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(topolabBinary(), arguments);
    Run run;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
        run.err = QStringLiteral("topolab did not finish normally: ") + process.errorString();
        process.kill();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    run.err = QString::fromLocal8Bit(process.readAllStandardError());
    return run;
}

// A file loaded as the designer loads it, with the canvas built from it.
struct Canvas
{
    TopologyDocument document;
    DesignScene scene{&document};

    explicit Canvas(const QString &path) { loaded = document.open(path).empty(); }
    QString firstComponentId() const
    {
        return QString::fromStdString(document.topology().components.front().id);
    }
    int errorCount() const
    {
        int errors = 0;
        for (const core::Diagnostic &d : document.diagnostics())
            errors += d.severity == core::Severity::Error;
        return errors;
    }

    bool loaded = false;
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Checks a PNG of `logical` scene units: drawn at twice the resolution, in the same
// proportions, with the margin in the background colour and the topology in the middle.
void verifyPng(const QString &path, const QSizeF &logical)
{
    const QImage image(path);
    QVERIFY2(!image.isNull(), qPrintable(path));
    QCOMPARE(image.size(), QSize(int(std::ceil(logical.width() * pngRatio)),
                                 int(std::ceil(logical.height() * pngRatio))));
    const qreal aspect = qreal(image.width()) / image.height();
    QVERIFY2(std::abs(aspect - logical.width() / logical.height()) < 0.01,
             qPrintable(QStringLiteral("aspect %1").arg(aspect)));

    const QRgb background = image.pixel(0, 0);
    QCOMPARE(image.pixel(image.width() - 1, image.height() - 1), background);
    const QRect middle(image.width() / 4, image.height() / 4, image.width() / 2,
                       image.height() / 2);
    int drawn = 0;
    for (int y = middle.top(); y <= middle.bottom(); ++y) {
        for (int x = middle.left(); x <= middle.right(); ++x)
            drawn += image.pixel(x, y) != background;
    }
    QVERIFY2(drawn > middle.width() * middle.height() / 100,
             qPrintable(QStringLiteral("only %1 drawn pixels in the middle").arg(drawn)));
}

void verifySvg(const QString &path, const QSizeF &logical, const QString &componentId)
{
    QSvgRenderer renderer(path);
    QVERIFY2(renderer.isValid(), qPrintable(path));
    QVERIFY(!renderer.viewBoxF().isEmpty());
    QCOMPARE(renderer.viewBoxF(), QRectF(QPointF(0, 0), logical));
    const QByteArray svg = readAll(path);
    QVERIFY2(svg.contains('>' + componentId.toUtf8() + '<'),
             qPrintable(componentId + QStringLiteral(" is not a text element")));
    QVERIFY(svg.contains("<title>"));
}

void verifyPdf(const QString &path, const QSizeF &logical)
{
    const QByteArray pdf = readAll(path);
    QVERIFY2(pdf.startsWith("%PDF-"), qPrintable(path));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    QVERIFY2(pdf.size() > 1024, qPrintable(QString::number(pdf.size())));
    // One page the size of the picture, at 96 scene units to the inch.
    const QRegularExpression mediaBox(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
    const QRegularExpressionMatch match = mediaBox.match(QString::fromLatin1(pdf));
    QVERIFY2(match.hasMatch(), "no /MediaBox");
    QVERIFY(std::abs(match.captured(1).toDouble() - logical.width() * 72 / 96) < 1);
    QVERIFY(std::abs(match.captured(2).toDouble() - logical.height() * 72 / 96) < 1);
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void formatFromExtension();
    void exportEachExample_data();
    void exportEachExample();
    void commandLineEachExample_data();
    void commandLineEachExample();
    void commandLineDrawsWhatTheCanvasDraws();
    void selectionIsDrawnAlone();
    void regionSelectionTakesItsContents();
    void unknownExtension();
    void malformedTopology();
    void topologyBreakingRulesIsStillDrawn();
    void unreadableInput();
    void unwritableOutput();
    void headlessWithoutPlatform();
    void usage();
    void menuExportsSelectionOrCanvas();

private:
    QTemporaryDir mDir;
};

void TestExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(mDir.isValid());
    QVERIFY2(QFileInfo(topolabBinary()).isExecutable(),
             qPrintable(topolabBinary() + QStringLiteral(" is not built")));
    QVERIFY(exampleFiles().size() >= 2);
    // The pictures of this process and of the program must come from the same fonts.
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
}

void TestExport::formatFromExtension()
{
    using Format = PictureExport::Format;
    QCOMPARE(PictureExport::formatForPath(QStringLiteral("a/b.png")), Format::Png);
    QCOMPARE(PictureExport::formatForPath(QStringLiteral("B.PNG")), Format::Png);
    QCOMPARE(PictureExport::formatForPath(QStringLiteral("x.Svg")), Format::Svg);
    QCOMPARE(PictureExport::formatForPath(QStringLiteral("x.y.pdf")), Format::Pdf);
    QVERIFY(!PictureExport::formatForPath(QStringLiteral("x.jpg")));
    QVERIFY(!PictureExport::formatForPath(QStringLiteral("png")));
    QVERIFY(!PictureExport::formatForPath(QStringLiteral("x.png/")));
    QCOMPARE(PictureExport::nameFilters().size(), 3);
}

void TestExport::exportEachExample_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("suffix");
    for (const QString &file : exampleFiles()) {
        for (const char *suffix : {"png", "svg", "pdf"}) {
            const QByteArray tag = QFileInfo(file).fileName().toUtf8() + '.' + suffix;
            QTest::newRow(tag.constData()) << file << QString::fromLatin1(suffix);
        }
    }
}

void TestExport::exportEachExample()
{
    QFETCH(QString, file);
    QFETCH(QString, suffix);
    Canvas canvas(file);
    QVERIFY(canvas.loaded);
    PictureExport picture(canvas.scene);
    picture.describe(QString::fromStdString(canvas.document.topology().name),
                     canvas.document.displayName());
    // The whole canvas, plus the margin, plus the legend below it.
    const QSizeF logical = picture.size();
    QVERIFY(logical.width() >= canvas.scene.contentRect().width() + 2 * 24);
    QVERIFY(logical.height() >= canvas.scene.contentRect().height() + 2 * 24 + 20);

    const QString out
        = mDir.filePath(QStringLiteral("api-") + QFileInfo(file).fileName() + u'.' + suffix);
    QString error;
    QVERIFY2(picture.write(out, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    if (suffix == QLatin1String("png"))
        verifyPng(out, logical);
    else if (suffix == QLatin1String("svg"))
        verifySvg(out, logical, canvas.firstComponentId());
    else
        verifyPdf(out, logical);
}

void TestExport::commandLineEachExample_data()
{
    exportEachExample_data();
}

void TestExport::commandLineEachExample()
{
    QFETCH(QString, file);
    QFETCH(QString, suffix);
    // Upper case on purpose: the extension chooses the format in any letter case.
    const QString out = mDir.filePath(QStringLiteral("cli-") + QFileInfo(file).fileName() + u'.'
                                      + suffix.toUpper());
    const Run run = runTopolab({QStringLiteral("--export"), out, file});
    QCOMPARE(run.err, QString());
    QCOMPARE(run.out, QString());
    QCOMPARE(run.exitCode, 0);

    Canvas canvas(file);
    const QSizeF logical = PictureExport(canvas.scene).size();
    if (suffix == QLatin1String("png"))
        verifyPng(out, logical);
    else if (suffix == QLatin1String("svg"))
        verifySvg(out, logical, canvas.firstComponentId());
    else
        verifyPdf(out, logical);
}

void TestExport::commandLineDrawsWhatTheCanvasDraws()
{
    const QString file = exampleFiles().constFirst();
    const QString fromProgram = mDir.filePath(QStringLiteral("same-program.png"));
    QCOMPARE(runTopolab({QStringLiteral("--export=") + fromProgram, file}).exitCode, 0);

    Canvas canvas(file);
    const QString fromWindow = mDir.filePath(QStringLiteral("same-window.png"));
    QVERIFY(PictureExport(canvas.scene).write(fromWindow));
    const QImage a(fromProgram);
    const QImage b(fromWindow);
    QVERIFY(!a.isNull());
    QCOMPARE(a.convertToFormat(QImage::Format_RGB32), b.convertToFormat(QImage::Format_RGB32));
}

void TestExport::selectionIsDrawnAlone()
{
    Canvas canvas(exampleFiles().constFirst());
    ComponentItem *component = canvas.scene.componentItem(canvas.firstComponentId());
    QVERIFY(component);

    PictureExport picture(canvas.scene);
    picture.setItems({component});
    // The box and its outline, within what the item may paint.
    const QRectF source = picture.sourceRect();
    QVERIFY(source.contains(component->mapRectToScene(component->box())));
    QVERIFY(component->sceneBoundingRect().contains(source));
    // One box and no links: no legend, only the margin around the box.
    const QSizeF logical = picture.size();
    QCOMPARE(logical, QSizeF(std::ceil(source.width() + 48), std::ceil(source.height() + 48)));

    // A picture does not show the selection, and exporting does not change it.
    const QString plain = mDir.filePath(QStringLiteral("one-plain.png"));
    QVERIFY(picture.write(plain));
    component->setSelected(true);
    const QString selected = mDir.filePath(QStringLiteral("one-selected.png"));
    QVERIFY(picture.write(selected));
    QVERIFY(component->isSelected());
    QCOMPARE(canvas.scene.selectedItems().size(), 1);
    QCOMPARE(QImage(selected), QImage(plain));
    verifyPng(selected, logical);
}

void TestExport::regionSelectionTakesItsContents()
{
    Canvas canvas(exampleFiles().constFirst());
    QGraphicsItem *region = nullptr;
    for (QGraphicsItem *item : canvas.scene.items()) {
        if (item->type() == RegionItem::Type)
            region = item;
    }
    QVERIFY(region);
    PictureExport picture(canvas.scene);
    picture.setItems({region});
    // The region's components and links lie inside it; the legend explains the links.
    QCOMPARE(picture.sourceRect(), region->sceneBoundingRect());
    QVERIFY(picture.size().height() > region->sceneBoundingRect().height() + 48 + 20);
    QVERIFY(picture.size().width() < PictureExport(canvas.scene).size().width() + 1);

    const QString svgPath = mDir.filePath(QStringLiteral("region.svg"));
    QVERIFY(picture.write(svgPath));
    const QByteArray svg = readAll(svgPath);
    int inside = 0;
    for (QGraphicsItem *item : canvas.scene.items()) {
        const auto *component = qgraphicsitem_cast<ComponentItem *>(item);
        if (!component)
            continue;
        const bool within = region->sceneBoundingRect().contains(component->sceneBoundingRect());
        inside += within;
        QCOMPARE(svg.contains('>' + component->id().toUtf8() + '<'), within);
    }
    QVERIFY(inside > 0);
}

void TestExport::unknownExtension()
{
    Canvas canvas(exampleFiles().constFirst());
    const QString out = mDir.filePath(QStringLiteral("picture.jpg"));
    QString error;
    QVERIFY(!PictureExport(canvas.scene).write(out, &error));
    QVERIFY2(error.contains(QLatin1String(".png")) && error.contains(QLatin1String(".svg"))
                 && error.contains(QLatin1String(".pdf")),
             qPrintable(error));
    QVERIFY(!QFile::exists(out));

    const Run run = runTopolab({QStringLiteral("--export"), out, exampleFiles().constFirst()});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("picture.jpg"))
                 && run.err.contains(QLatin1String(".png, .svg or .pdf")),
             qPrintable(run.err));
    QVERIFY(!QFile::exists(out));
}

void TestExport::malformedTopology()
{
    const QString out = mDir.filePath(QStringLiteral("malformed.png"));
    // A picture from before stays as it was.
    {
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("earlier picture");
    }
    const QString file = dataFile(QStringLiteral("syntax-error.topolab.yaml"));
    const Run run = runTopolab({QStringLiteral("--export"), out, file});
    QCOMPARE(run.exitCode, 1);
    const QRegularExpression located(QRegularExpression::escape(file)
                                     + QStringLiteral(":\\d+:\\d+: error: "));
    QVERIFY2(located.match(run.err).hasMatch(), qPrintable(run.err));
    QCOMPARE(run.out, QString());
    QCOMPARE(readAll(out), QByteArray("earlier picture"));
}

void TestExport::topologyBreakingRulesIsStillDrawn()
{
    const QString file = dataFile(QStringLiteral("broken-rules.topolab.yaml"));
    Canvas canvas(file);
    QVERIFY(canvas.loaded);
    QVERIFY(canvas.errorCount() > 0);

    const QString out = mDir.filePath(QStringLiteral("broken-rules.svg"));
    const Run run = runTopolab({QStringLiteral("--export"), out, file});
    QCOMPARE(run.exitCode, 1);
    const QStringList lines = run.err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), canvas.errorCount());
    for (const QString &line : lines)
        QVERIFY2(line.startsWith(file + u':') && line.contains(QLatin1String(": error: ")),
                 qPrintable(line));
    QVERIFY(QSvgRenderer(out).isValid());
}

void TestExport::unreadableInput()
{
    const QString out = mDir.filePath(QStringLiteral("missing.png"));
    const QString file = mDir.filePath(QStringLiteral("no-such.topolab.yaml"));
    const Run run = runTopolab({QStringLiteral("--export"), out, file});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith(file + QStringLiteral(": error: ")), qPrintable(run.err));
    QVERIFY(!QFile::exists(out));
}

void TestExport::unwritableOutput()
{
    const QString file = exampleFiles().constFirst();
    Canvas canvas(file);

    // A folder that does not exist.
    const QString missingFolder = mDir.filePath(QStringLiteral("no-folder/picture.pdf"));
    QString error;
    QVERIFY(!PictureExport(canvas.scene).write(missingFolder, &error));
    QVERIFY2(error.contains(QLatin1String("picture.pdf")), qPrintable(error));
    Run run = runTopolab({QStringLiteral("--export"), missingFolder, file});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("picture.pdf")), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(QFileInfo(missingFolder).path()));

    // A name taken by a folder.
    const QString taken = mDir.filePath(QStringLiteral("taken.png"));
    QVERIFY(QDir(mDir.path()).mkdir(QStringLiteral("taken.png")));
    run = runTopolab({QStringLiteral("--export"), taken, file});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(QFileInfo(taken).isDir());

    // A folder without write permission, unless this user writes anywhere regardless.
    const QString locked = mDir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir(mDir.path()).mkdir(QStringLiteral("locked")));
    QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
    QFile probe(locked + QStringLiteral("/probe"));
    if (probe.open(QIODevice::WriteOnly)) {
        probe.remove();
    } else {
        run = runTopolab({QStringLiteral("--export"), locked + QStringLiteral("/p.svg"), file});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("p.svg")), qPrintable(run.err));
    }
    // Nothing half-written anywhere: no picture, no temporary file.
    QCOMPARE(QDir(locked).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
    QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QStringList left = QDir(mDir.path()).entryList(QDir::Files | QDir::Hidden);
    for (const QString &name : left)
        QVERIFY2(!name.contains(QLatin1String("taken")) && !name.contains(QLatin1String("p.svg")),
                 qPrintable(name));
}

void TestExport::headlessWithoutPlatform()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    const QString out = mDir.filePath(QStringLiteral("headless.png"));
    const Run run = runTopolab({QStringLiteral("--export"), out, exampleFiles().constLast()}, env);
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!QImage(out).isNull());

    const Run help = runTopolab({QStringLiteral("--help")}, env);
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QLatin1String("--export")));
}

void TestExport::usage()
{
    const QString file = exampleFiles().constFirst();
    const QString out = mDir.filePath(QStringLiteral("usage.png"));
    Run run = runTopolab({QStringLiteral("--export"), out});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("--help")), qPrintable(run.err));
    run = runTopolab({QStringLiteral("--export"), out, file, file});
    QCOMPARE(run.exitCode, 2);
    run = runTopolab({QStringLiteral("--export")});
    QCOMPARE(run.exitCode, 2);
    run = runTopolab({QStringLiteral("--export"), out, QStringLiteral("--no-such-option"), file});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!QFile::exists(out));

    run = runTopolab({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("--export <OUT>")), qPrintable(run.out));
    QVERIFY(run.out.contains(QLatin1String("Exit status of --export")));
}

void TestExport::menuExportsSelectionOrCanvas()
{
    MainWindow window;
    QAction *action = window.actions()->exportPicture;
    // A blank canvas has nothing to draw.
    QVERIFY(!action->isEnabled());
    QMenu *fileMenu = window.menuBar()->findChild<QMenu *>();
    QVERIFY(fileMenu);
    QVERIFY(fileMenu->actions().contains(action));
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));

    const QString file = exampleFiles().constFirst();
    QVERIFY(window.openFile(file));
    QVERIFY(action->isEnabled());

    // Answers the save dialog that the action opens.
    const auto exportTo = [action](const QString &path) {
        bool answered = false;
        QTimer::singleShot(0, action, [&answered, path] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            QCOMPARE(dialog->nameFilters(), PictureExport::nameFilters());
            dialog->selectFile(path);
            static_cast<QDialog *>(dialog)->accept();
            answered = true;
        });
        action->trigger();
        return answered;
    };

    const QString whole = mDir.filePath(QStringLiteral("menu-whole.png"));
    QVERIFY(exportTo(whole));
    verifyPng(whole, PictureExport(*window.scene()).size());

    ComponentItem *component = window.scene()->componentItem(QStringLiteral("www"));
    QVERIFY(component);
    component->setSelected(true);
    const QString part = mDir.filePath(QStringLiteral("menu-selection.svg"));
    QVERIFY(exportTo(part));
    QSvgRenderer renderer(part);
    QVERIFY(renderer.isValid());
    PictureExport selection(*window.scene());
    selection.setItems({component});
    QCOMPARE(renderer.viewBoxF().size(), selection.size());
    QVERIFY(selection.size().width() < PictureExport(*window.scene()).size().width() / 2);
    QVERIFY(component->isSelected());
}

QTEST_MAIN(TestExport)
#include "tst_export.moc"
