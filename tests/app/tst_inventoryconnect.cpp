// Test connection in the hosts dialog against a real sshd on 127.0.0.1 (SshdFixture): an
// unknown host key shows its type and the fingerprint `ssh-keygen -lf` prints, Trust… asks
// first and then the engine stores the key and logs in; a changed key is refused with no
// Trust… button; a closed port is reported at once, a login without an accepted key as
// denied; the window keeps handling events while a host is slow, and a test is cancelled at
// once. The known_hosts file is the one TOPOLAB_KNOWN_HOSTS names.
#include "deploy/hostseditdialog.h"
#include "deploy/hostseditmodel.h"
#include "deploy/hostseditstatus.h"
#include "deploy/hostsedittrustdialog.h"
#include "document/deployhostedit.h"
#include "document/topologydocument.h"

#include "core/deploy/ssh/knownhosts.h"
#include "silentport.h"
#include "sshdfixture.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>

using namespace topolab;
using namespace topolab::app;
using State = InventoryProbeResult::State;

namespace {

QString str(const char *text)
{
    return QString::fromUtf8(text);
}


} // namespace

class TestInventoryConnect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void knownHostsFileComesFromTheEnvironment();
    void unknownKeyShowsItsFingerprintThenTrustLogsIn();
    void trustAsksFirst();
    void trustRetestsTheRowsOfTheSameHost();
    void changedKeyIsRefusedWithoutTrust();
    void closedPortIsReportedAtOnce();
    void refusedKeyIsLoginDenied();
    void windowKeepsWorkingAndTestsCancel();
    void editingAHostDropsItsResult();
    void testAllTestsEveryHost();

private:
    // app-1 deployed to the fixture's sshd, logging in with its client key.
    void deployToFixture(const char *component, int port = 0, const QString &keyFile = {});
    HostsEditStatus *status(const char *component) const
    {
        return mDialog->statusOf(str(component));
    }
    void waitForResult(const char *component, int timeoutMs = 8000);
    HostsEditTrustDialog *trustBox() const
    {
        return mDialog->findChild<HostsEditTrustDialog *>(str("trustConfirmation"));
    }
    void pinFixtureKey(); // trusts the fixture's current key through the dialog

    SshdFixture mSshd;
    QTemporaryDir mDir;
    QString mKnownHosts;
    std::unique_ptr<TopologyDocument> mDoc;
    std::unique_ptr<HostsEditDialog> mDialog;
};

void TestInventoryConnect::initTestCase()
{
    const QString missing = SshdFixture::missingPrerequisite();
    if (!missing.isEmpty())
        QFAIL(qPrintable(missing));
    QVERIFY2(mSshd.start(), qPrintable(mSshd.error()));
    QVERIFY(mDir.isValid());
}

void TestInventoryConnect::init()
{
    mKnownHosts = mDir.filePath(str("known_hosts-") + str(QTest::currentTestFunction()));
    QFile::remove(mKnownHosts);
    qputenv("TOPOLAB_KNOWN_HOSTS", QFile::encodeName(mKnownHosts));
    mDoc = std::make_unique<TopologyDocument>();
    QVERIFY(mDoc->open(str(TOPOLAB_EXAMPLES "/single-region.topolab.yaml")).empty());
    mDialog = std::make_unique<HostsEditDialog>(mDoc.get());
    mDialog->setConnectTimeout(5);
    mDialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(mDialog.get()));
}

void TestInventoryConnect::cleanup()
{
    mDialog.reset();
    mDoc.reset();
    qunsetenv("TOPOLAB_KNOWN_HOSTS");
}

void TestInventoryConnect::deployToFixture(const char *component, int port, const QString &keyFile)
{
    const QString id = str(component);
    const auto set = [&](const char *key, core::ParamValue value) {
        const auto refusal = DeployHostEdit::setValue(*mDoc, id, str(key), std::move(value));
        QVERIFY2(!refusal, refusal ? qPrintable(*refusal) : "");
    };
    set("address", mSshd.address().toStdString());
    set("port", std::int64_t(port ? port : mSshd.port()));
    set("user", mSshd.userName().toStdString());
    set("key_file", (keyFile.isEmpty() ? mSshd.clientKey() : keyFile).toStdString());
}

void TestInventoryConnect::waitForResult(const char *component, int timeoutMs)
{
    QTRY_VERIFY_WITH_TIMEOUT(!status(component)->isRunning(), timeoutMs);
}

void TestInventoryConnect::pinFixtureKey()
{
    mDialog->test(str("app-1"));
    waitForResult("app-1");
    QVERIFY(status("app-1")->trustButton()->isVisible());
    QTest::mouseClick(status("app-1")->trustButton(), Qt::LeftButton);
    QTRY_VERIFY(trustBox());
    QTest::mouseClick(trustBox()->findChild<QPushButton *>(str("confirmTrust")), Qt::LeftButton);
    waitForResult("app-1");
    QVERIFY2(status("app-1")->text().startsWith(str("OK")), qPrintable(status("app-1")->text()));
}

void TestInventoryConnect::knownHostsFileComesFromTheEnvironment()
{
    QCOMPARE(mDialog->knownHostsPath(), mKnownHosts);
    QCOMPARE(QString::fromStdString(core::defaultKnownHostsPath()), mKnownHosts);
    QVERIFY(mDialog->findChild<QLabel *>(str("knownHosts"))->text().contains(mKnownHosts));
    qunsetenv("TOPOLAB_KNOWN_HOSTS");
    QVERIFY(QString::fromStdString(core::defaultKnownHostsPath())
                .endsWith(str("/topolab/known_hosts")));
}

void TestInventoryConnect::unknownKeyShowsItsFingerprintThenTrustLogsIn()
{
    deployToFixture("app-1");
    HostsEditStatus *cell = status("app-1");
    QVERIFY(cell->testButton()->isEnabled());
    QVERIFY(!status("app-2")->testButton()->isEnabled()); // no host: nothing to test

    QTest::mouseClick(cell->testButton(), Qt::LeftButton);
    waitForResult("app-1");
    const QString fingerprint = mSshd.hostFingerprint(); // as ssh-keygen -lf prints it
    QVERIFY(fingerprint.startsWith(str("SHA256:")));
    QVERIFY2(cell->text().contains(fingerprint), qPrintable(cell->text()));
    QVERIFY(cell->trustButton()->isVisible());
    mDialog->table()->setCurrentIndex(
        mDialog->model()->index(mDialog->model()->rowOf(str("app-1")), 1));
    QVERIFY2(mDialog->details().contains(str("ssh-ed25519 ") + fingerprint),
             qPrintable(mDialog->details()));
    QVERIFY(mDialog->details().contains(str("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub")));
    QVERIFY(!QFile::exists(mKnownHosts)); // nothing stored before the user says so

    QTest::mouseClick(cell->trustButton(), Qt::LeftButton);
    QTRY_VERIFY(trustBox());
    QCOMPARE(trustBox()->fingerprint(), fingerprint);
    QCOMPARE(trustBox()->findChild<QLabel *>(str("fingerprint"))->text(),
             str("ssh-ed25519 ") + fingerprint);
    QVERIFY(trustBox()->cancelButton()->isDefault());
    QTest::mouseClick(trustBox()->findChild<QPushButton *>(str("confirmTrust")), Qt::LeftButton);
    waitForResult("app-1");
    QVERIFY2(QRegularExpression(str("^OK · \\d+ ms$")).match(cell->text()).hasMatch(),
             qPrintable(cell->text() + str(" / ") + mDialog->details()));
    QVERIFY(!cell->trustButton()->isVisible());
    const auto *state = cell->findChild<QLabel *>(str("state"));
    QCOMPARE(state->palette().color(state->foregroundRole()),
             HostsEditStatus::colour(State::Ok, state->palette()));

    // The engine stored exactly that key; the next test needs no trust.
    const auto stored = core::knownHostKeys(mKnownHosts.toStdString(), "127.0.0.1", mSshd.port());
    QCOMPARE(stored.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(stored.front().fingerprint), fingerprint);
    mDialog->test(str("app-1"));
    QVERIFY(cell->isRunning());
    waitForResult("app-1");
    QVERIFY(cell->text().startsWith(str("OK · ")));
}

void TestInventoryConnect::trustAsksFirst()
{
    deployToFixture("app-1");
    mDialog->test(str("app-1"));
    waitForResult("app-1");
    QTest::mouseClick(status("app-1")->trustButton(), Qt::LeftButton);
    QTRY_VERIFY(trustBox());
    QTest::mouseClick(trustBox()->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY(!trustBox());
    QVERIFY(!status("app-1")->isRunning());
    QVERIFY(status("app-1")->text().startsWith(str("Unknown key SHA256:")));
    QVERIFY(!QFile::exists(mKnownHosts));
}

void TestInventoryConnect::trustRetestsTheRowsOfTheSameHost()
{
    // Two components on one machine: trusting its key for one tests the other again.
    deployToFixture("app-1");
    deployToFixture("app-2");
    mDialog->testAll();
    waitForResult("app-1");
    waitForResult("app-2");
    QVERIFY(status("app-2")->text().startsWith(str("Unknown key")));
    QTest::mouseClick(status("app-1")->trustButton(), Qt::LeftButton);
    QTRY_VERIFY(trustBox());
    QTest::mouseClick(trustBox()->trustButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status("app-2")->text().startsWith(str("OK · ")), 8000);
    QVERIFY(status("app-1")->text().startsWith(str("OK · ")));
    QVERIFY(!status("app-2")->trustButton()->isVisible());
}

void TestInventoryConnect::changedKeyIsRefusedWithoutTrust()
{
    deployToFixture("app-1");
    pinFixtureKey();
    const QString old = mSshd.hostFingerprint();
    QVERIFY(mSshd.regenerateHostKey());
    QVERIFY2(mSshd.restart(), qPrintable(mSshd.error()));
    QVERIFY(mSshd.hostFingerprint() != old);

    mDialog->test(str("app-1"));
    waitForResult("app-1");
    HostsEditStatus *cell = status("app-1");
    QVERIFY2(cell->text().contains(str("CHANGED")), qPrintable(cell->text()));
    QVERIFY(!cell->trustButton()->isVisible());
    mDialog->trust(str("app-1")); // not even when asked directly
    QVERIFY(!trustBox());
    mDialog->table()->setCurrentIndex(
        mDialog->model()->index(mDialog->model()->rowOf(str("app-1")), 1));
    const QString details = mDialog->details();
    QVERIFY2(details.contains(mSshd.hostFingerprint()), qPrintable(details));
    QVERIFY2(details.contains(str("ssh-keygen -R")), qPrintable(details));
    // The stored key is still the old one.
    const auto stored = core::knownHostKeys(mKnownHosts.toStdString(), "127.0.0.1", mSshd.port());
    QCOMPARE(stored.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(stored.front().fingerprint), old);
}

void TestInventoryConnect::closedPortIsReportedAtOnce()
{
    deployToFixture("app-1", SshdFixture::freePort());
    QElapsedTimer timer;
    timer.start();
    mDialog->test(str("app-1"));
    waitForResult("app-1", 3000);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(status("app-1")->text(), str("Unreachable"));
    mDialog->table()->setCurrentIndex(
        mDialog->model()->index(mDialog->model()->rowOf(str("app-1")), 1));
    QVERIFY2(mDialog->details().contains(str("firewall")), qPrintable(mDialog->details()));
}

void TestInventoryConnect::refusedKeyIsLoginDenied()
{
    deployToFixture("app-1");
    pinFixtureKey();
    const QString stranger = mDir.filePath(str("stranger_ed25519"));
    QVERIFY(SshdFixture::generateKey(stranger));
    QVERIFY(!DeployHostEdit::setValue(*mDoc, str("app-1"), str("key_file"),
                                      core::ParamValue(stranger.toStdString())));
    mDialog->test(str("app-1"));
    waitForResult("app-1");
    QCOMPARE(status("app-1")->text(), str("Login denied"));
}

void TestInventoryConnect::windowKeepsWorkingAndTestsCancel()
{
    SilentPort silent;
    QVERIFY(silent.port() > 0);
    deployToFixture("app-1", silent.port());
    int ticks = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
    timer.start(10);
    QElapsedTimer clock;
    clock.start();
    mDialog->test(str("app-1"));
    QVERIFY(status("app-1")->isRunning());
    QCOMPARE(status("app-1")->testButton()->text(), str("Cancel"));
    QCOMPARE(mDialog->findChild<QPushButton *>(str("testAll"))->text(), str("Cancel All"));
    QTest::qWait(600);
    QVERIFY(status("app-1")->isRunning()); // the host has not answered yet
    QVERIFY2(ticks >= 20, qPrintable(QString::number(ticks)));

    QTest::mouseClick(status("app-1")->testButton(), Qt::LeftButton);
    QVERIFY(!status("app-1")->isRunning());
    QCOMPARE(status("app-1")->text(), str("Cancelled"));
    QVERIFY(!mDialog->probe()->isBusy());
    QCOMPARE(mDialog->findChild<QPushButton *>(str("testAll"))->text(), str("Test All"));
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    // The thread of the cancelled test ends on its own; closing the dialog waits for nobody.
    QElapsedTimer closing;
    closing.start();
    mDialog.reset();
    QVERIFY2(closing.elapsed() < 1000, qPrintable(QString::number(closing.elapsed())));
}

void TestInventoryConnect::editingAHostDropsItsResult()
{
    deployToFixture("app-1", SshdFixture::freePort());
    mDialog->test(str("app-1"));
    waitForResult("app-1", 3000);
    QCOMPARE(status("app-1")->text(), str("Unreachable"));
    QVERIFY(!DeployHostEdit::setValue(*mDoc, str("app-1"), str("port"),
                                      core::ParamValue(std::int64_t(mSshd.port()))));
    QVERIFY(status("app-1")->text().isEmpty()); // a result for another host no longer shows
    // A change that does not touch how it is reached keeps it.
    mDialog->test(str("app-1"));
    waitForResult("app-1");
    QVERIFY(!DeployHostEdit::setValue(*mDoc, str("app-1"), str("root"),
                                      core::ParamValue(std::string("/srv/app-1"))));
    QVERIFY(status("app-1")->text().contains(str("Unknown key")));
}

void TestInventoryConnect::testAllTestsEveryHost()
{
    deployToFixture("app-1");
    deployToFixture("db-1", SshdFixture::freePort());
    // Object storage's host only names its endpoint: there is nothing to log in to.
    QVERIFY(!DeployHostEdit::setValue(*mDoc, str("static"), str("address"),
                                      core::ParamValue(std::string("127.0.0.1"))));
    QVERIFY(!status("static")->testButton()->isEnabled());
    QTest::mouseClick(mDialog->findChild<QPushButton *>(str("testAll")), Qt::LeftButton);
    QVERIFY(status("app-1")->isRunning());
    QVERIFY(status("db-1")->isRunning());
    QVERIFY(!status("static")->isRunning());
    waitForResult("app-1");
    waitForResult("db-1");
    QVERIFY(status("app-1")->text().contains(str("Unknown key")));
    QCOMPARE(status("db-1")->text(), str("Unreachable"));
    QVERIFY(status("static")->text().isEmpty());
}

QTEST_MAIN(TestInventoryConnect)
#include "tst_inventoryconnect.moc"
