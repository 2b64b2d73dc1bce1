// topolab: the desktop application. `topolab [FILE]` opens FILE in the designer; `topolab --export
// OUT FILE` draws the canvas of FILE into the picture OUT and exits without opening a window.
#include "canvas/designscene.h"
#include "document/topologydocument.h"
#include "gui/appearance.h"
#include "gui/mainwindow.h"
#include "gui/pictureexport.h"

#include <topolab/version.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QIcon>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {

// The exit codes of --export, the same as topolab-cli's (SPEC §4).
enum ExitCode : int {
    ExitOk = 0,
    ExitInvalid = 1, // FILE has errors
    ExitUsage = 2,   // the command line is wrong, FILE is unreadable or OUT unwritable
};

// The translation context of the command line: "main", as before --export existed.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(main)
};

void printError(const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stderr);
}

// Whether the command line asks for an export, help or the version, none of which opens a
// window. Read before QApplication exists, because that is when the platform is chosen.
bool windowless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (std::strcmp(arg, "--") == 0)
            return false;
        if (std::strcmp(arg, "--export") == 0 || std::strncmp(arg, "--export=", 9) == 0)
            return true;
        for (const char *option : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (std::strcmp(arg, option) == 0)
                return true;
        }
    }
    return false;
}

// Without a display the default platform plugin aborts the program, yet these runs open no
// window: on a headless server they use the offscreen platform. With a display the real platform is
// kept, so that fonts and palette match the canvas the user sees.
void useOffscreenWithoutDisplay()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
}

QtMessageHandler defaultMessageHandler = nullptr;

// A run without a window prints only its own output and errors, so that a script reads a clean
// stderr: Qt's notes about the environment, such as a server without XDG_RUNTIME_DIR, are
// dropped.
void keepSeriousMessages(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    if (type == QtCriticalMsg || type == QtFatalMsg)
        defaultMessageHandler(type, context, text);
}

// Loads FILE as the designer does and writes OUT. A topology that loads but breaks rules is still
// drawn, badges and all, as topolab-cli still writes its graph, yet the exit code says so.
int exportPicture(const QString &out, const QString &file)
{
    using namespace topolab;
    if (!app::PictureExport::formatForPath(out)) {
        printError(CommandLine::tr("topolab: error: %1")
                       .arg(app::PictureExport::unknownFormatMessage(out)));
        return ExitUsage;
    }
    const QFileInfo input(file);
    if (!input.isFile() || !input.isReadable()) {
        printError(CommandLine::tr("%1: error: cannot read the file: %2")
                       .arg(file, input.exists()
                                      ? CommandLine::tr("permission denied or not a file")
                                      : CommandLine::tr("no such file")));
        return ExitUsage;
    }

    // The same document and canvas the window uses, so the picture is what the user sees.
    app::TopologyDocument document;
    const std::string fileName = file.toStdString();
    const std::vector<core::Diagnostic> loadErrors = document.open(file);
    for (const core::Diagnostic &d : loadErrors)
        printError(QString::fromStdString(core::formatDiagnostic(d, fileName)));
    if (!loadErrors.empty())
        return ExitInvalid;
    bool errors = false;
    for (const core::Diagnostic &d : document.diagnostics()) {
        if (d.severity != core::Severity::Error)
            continue;
        printError(QString::fromStdString(core::formatDiagnostic(d, fileName)));
        errors = true;
    }
    const core::Topology *topology = &document.topology();

    app::DesignScene scene(&document);
    app::PictureExport picture(scene);
    picture.describe(QString::fromStdString(topology->name), input.fileName());
    QString problem;
    if (!picture.write(out, &problem)) {
        printError(CommandLine::tr("topolab: error: %1").arg(problem));
        return ExitUsage;
    }
    return errors ? ExitInvalid : ExitOk;
}

} // namespace

int main(int argc, char **argv)
{
    if (windowless(argc, argv)) {
        useOffscreenWithoutDisplay();
        // Whoever turns logging on wants to see it.
        if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
            defaultMessageHandler = qInstallMessageHandler(keepSeriousMessages);
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Topolab"));
    QApplication::setApplicationVersion(QString::fromUtf8(topolab::versionString));
    QApplication::setOrganizationName(QStringLiteral("Topolab"));
    // The installed desktop entry and icon (installer/packaging.cmake) carry this id.
    QApplication::setDesktopFileName(QStringLiteral("org.topolab.Topolab"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.topolab.Topolab"),
                                                 QIcon(QStringLiteral(":/app/topolab.svg"))));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        CommandLine::tr("Design, simulate and deploy web infrastructure topologies.\n"
                        "\n"
                        "With --export, draws the canvas of FILE into the picture OUT without\n"
                        "opening a window; the extension of OUT chooses PNG, SVG or PDF.\n"
                        "Exit status of --export:\n"
                        "  0  the picture is written\n"
                        "  1  FILE has errors, listed on stderr as FILE:LINE:COL; a topology\n"
                        "     that loads but breaks rules is still drawn\n"
                        "  2  wrong usage, FILE unreadable or OUT unwritable"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption exportOption(
        QStringLiteral("export"),
        CommandLine::tr("Draw the canvas of FILE into OUT (.png, .svg or .pdf) and exit."),
        QStringLiteral("OUT"));
    parser.addOption(exportOption);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 CommandLine::tr("The *.topolab.yaml file to open."),
                                 QStringLiteral("[FILE]"));

    if (!parser.parse(QApplication::arguments())) {
        printError(CommandLine::tr("topolab: error: %1\nTry 'topolab --help' for more information.")
                       .arg(parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(helpOption))
        parser.showHelp(ExitOk);
    if (parser.isSet(versionOption))
        parser.showVersion();

    const QStringList files = parser.positionalArguments();
    if (parser.isSet(exportOption)) {
        if (files.size() != 1) {
            printError(CommandLine::tr("topolab: error: --export OUT draws exactly one FILE.\n"
                                       "Try 'topolab --help' for more information."));
            return ExitUsage;
        }
        return exportPicture(parser.value(exportOption), files.first());
    }

    topolab::app::Appearance::apply(topolab::app::Appearance::stored());
    topolab::app::MainWindow window;
    window.show();
    if (!files.isEmpty())
        window.openFile(files.first());
    else
        QTimer::singleShot(0, &window, &topolab::app::MainWindow::offerRecovery);
    return app.exec();
}
