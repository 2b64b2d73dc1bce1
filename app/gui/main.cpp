// topolab: the desktop application. `topolab [FILE]` opens FILE in the viewer.
#include "gui/mainwindow.h"

#include <topolab/version.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Topolab"));
    QApplication::setApplicationVersion(QString::fromUtf8(topolab::versionString));
    QApplication::setOrganizationName(QStringLiteral("Topolab"));
    QApplication::setDesktopFileName(QStringLiteral("topolab"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Design, simulate and deploy web infrastructure topologies."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("FILE"), QApplication::translate("main", "The *.topolab.yaml file to open."),
        QStringLiteral("[FILE]"));
    parser.process(app);

    topolab::app::MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty())
        window.openFile(files.first());
    else
        QTimer::singleShot(0, &window, &topolab::app::MainWindow::showOpenDialog);
    return app.exec();
}
