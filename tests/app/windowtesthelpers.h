#pragma once

// What the main window suites share: where the examples and test files are, dialogs answered as
// a user answers them, and the fixture that gives each suite its own settings and each test a
// fresh autosave folder and a folder for the files it writes.

#include "document/topologydocument.h"
#include "gui/mainwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCoreApplication>
#include <QDialog>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace windowtest {

using namespace topolab::app;

inline QString examplePath(const QString &name)
{
    return QStringLiteral(TOPOLAB_EXAMPLES "/") + name + QStringLiteral(".topolab.yaml");
}

inline QString dataPath(const QString &name)
{
    return QStringLiteral(TOPOLAB_TEST_DATA "/cli/") + name + QStringLiteral(".topolab.yaml");
}

inline QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The multi-region example with a scenario of `duration` seconds and `replications` runs, written
// into `dir`: a simulation the tests wait for in a second or two.
inline QString shortenedExample(const QString &dir, int duration, int replications)
{
    QByteArray text = fileBytes(examplePath(QStringLiteral("multi-region")));
    text.replace("duration_s: 3600", "duration_s: " + QByteArray::number(duration));
    text.replace("replications: 5", "replications: " + QByteArray::number(replications));
    const QString path = dir + QStringLiteral("/shortened.topolab.yaml");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

inline QByteArray bytes(const TopologyDocument *document)
{
    return QByteArray::fromStdString(document->serialized());
}

// A menu title or button text as read, without its mnemonic.
inline QString plain(QString text)
{
    return text.remove(QLatin1Char('&'));
}

// What a modal dialog shown by an action came to.
struct Modal
{
    bool answered = false; // a dialog of the expected type was shown and answered
    QStringList others;    // the titles of modal dialogs of another type (rejected)
};

// Runs `trigger`. The first modal dialog of type Dialog it shows goes to `answer`, which should
// close it (it is rejected if it does not); any other modal dialog, also one that `answer`
// brings up, is rejected and reported, so that a test never hangs on a box it did not expect.
template<typename Dialog>
Modal answerModal(const std::function<void()> &trigger, const std::function<void(Dialog *)> &answer)
{
    Modal modal;
    QPointer<QWidget> pending; // answered once the poll has returned
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        QWidget *active = QApplication::activeModalWidget();
        if (!active || active == pending)
            return;
        auto *expected = qobject_cast<Dialog *>(active);
        if (expected && !modal.answered) {
            modal.answered = true;
            pending = expected;
            // Not from this slot: a timer does not fire again while its slot runs, and the
            // answer may open a modal box of its own.
            QTimer::singleShot(0, expected, [expected, &answer, &pending] {
                pending = nullptr;
                answer(expected);
            });
            return;
        }
        modal.others.append(active->windowTitle());
        if (auto *dialog = qobject_cast<QDialog *>(active))
            dialog->reject();
        else
            active->close();
    });
    poll.start();
    trigger();
    poll.stop();
    return modal;
}

// Clicks the button of a message box whose text, without mnemonic, is `text`.
inline bool clickButton(QMessageBox *box, const QString &text)
{
    for (QAbstractButton *button : box->buttons()) {
        if (plain(button->text()) == text) {
            button->click();
            return true;
        }
    }
    return false;
}

// Answers a file dialog with `path`, typed into its name field. (selectFile() leaves the field
// alone while it has the focus.)
inline void chooseFile(QFileDialog *dialog, const QString &path)
{
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    if (name)
        name->setText(path);
    else
        dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept();
}

// A suite's settings, in a folder of its run, and each test's autosave folder and folder for the
// files it writes. A suite derives from it and calls startSuite() from its initTestCase(),
// startTest() from its init() and closeDialogs() from its cleanup().
class WindowFixture
{
protected:
    // Standard paths in test mode, the suite's own organisation and application name, and
    // settings that go to a folder of this run, never to the user's.
    void startSuite(const QString &application)
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("topolab-tests"));
        QCoreApplication::setApplicationName(application);
        QVERIFY(mSettingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, mSettingsDir.path());
        QVERIFY2(QSettings().fileName().startsWith(mSettingsDir.path()),
                 qPrintable(QSettings().fileName()));
    }

    // Settings cleared, and new empty folders for autosaves and files.
    void startTest()
    {
        QSettings().clear();
        mAutosaveDir = std::make_unique<QTemporaryDir>();
        mFilesDir = std::make_unique<QTemporaryDir>();
        QVERIFY(mAutosaveDir->isValid());
        QVERIFY(mFilesDir->isValid());
    }

    // Message boxes left open by a failed check.
    static void closeDialogs()
    {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (qobject_cast<QDialog *>(widget))
                widget->close();
        }
    }

    // A shown window on this suite's autosave folder.
    std::unique_ptr<MainWindow> makeWindow()
    {
        auto window = std::make_unique<MainWindow>(mAutosaveDir->path());
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        window->activateWindow();
        return window;
    }

    QTemporaryDir mSettingsDir;
    std::unique_ptr<QTemporaryDir> mAutosaveDir;
    std::unique_ptr<QTemporaryDir> mFilesDir;
};

} // namespace windowtest
