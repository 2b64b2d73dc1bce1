#include "ansiblepush.h"

#include "deploypush.h"
#include "rigfixture.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <chrono>

namespace topolab::bench {

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(content) == content.size();
}

} // namespace

QString ansibleVersion()
{
    const test::RigRun version
        = test::Rig::run(QStringLiteral("ansible-playbook"), {QStringLiteral("--version")});
    return version.ok() ? version.out.section(QLatin1Char('\n'), 0, 0).trimmed() : QString();
}

AnsiblePush::AnsiblePush(const test::Rig &rig)
    : mRig(rig)
    , mDir(rig.dir() + QStringLiteral("/ansible"))
{
    QDir().mkpath(mDir + QStringLiteral("/payload"));
    QByteArray loop;
    for (const PushFile &file : pushFiles()) {
        const QString name = QString::fromStdString(file.path).section(QLatin1Char('/'), -1);
        const QString source = mDir + QStringLiteral("/payload/") + name;
        if (!writeFile(source, QByteArray::fromStdString(file.content)))
            mProblem = QStringLiteral("cannot write ") + source;
        loop += "        - " + source.toUtf8() + "\n";
    }

    QByteArray inventory = "[rig]\n";
    for (int slot = 1; slot <= rig.hostCount(); ++slot)
        inventory += QStringLiteral("%1 ansible_host=%2 root_dir=%3\n")
                         .arg(rig.slotName(slot), rig.address(slot), rig.rootDir(slot))
                         .toUtf8();
    inventory += "\n[rig:vars]\nansible_user=root\n";
    inventory += "ansible_ssh_private_key_file=" + rig.clientKeyPath().toUtf8() + "\n";
    inventory += "ansible_ssh_common_args='-o UserKnownHostsFile=" + rig.knownHostsPath().toUtf8()
                 + " -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes'\n";
    // Interpreter discovery would cost every host one more round trip per run.
    inventory += "ansible_python_interpreter=/usr/bin/python3\n";

    const QByteArray playbook = "- name: push the benchmark files\n"
                                "  hosts: rig\n"
                                "  gather_facts: false\n"
                                "  tasks:\n"
                                "    - name: copy the files\n"
                                "      ansible.builtin.copy:\n"
                                "        src: \"{{ item }}\"\n"
                                "        dest: \"{{ root_dir }}/srv/{{ item | basename }}\"\n"
                                "        mode: \"0644\"\n"
                                "      loop:\n"
                                + loop;

    const int forks = std::max(5, rig.hostCount());
    for (const bool pipelining : {false, true}) {
        const QByteArray config
            = "[defaults]\n"
              "inventory = "
              + mDir.toUtf8() + "/inventory.ini\nforks = " + QByteArray::number(forks)
              + "\nhost_key_checking = True\nretry_files_enabled = False\nnocows = True\n"
                "local_tmp = "
              + mDir.toUtf8()
              + "/local-tmp\n"
                "\n[ssh_connection]\npipelining = "
              + (pipelining ? "True" : "False") + "\n";
        const QString name
            = mDir
              + (pipelining ? QStringLiteral("/pipelining.cfg") : QStringLiteral("/plain.cfg"));
        if (!writeFile(name, config))
            mProblem = QStringLiteral("cannot write ") + name;
    }
    if (!writeFile(mDir + QStringLiteral("/inventory.ini"), inventory)
        || !writeFile(mDir + QStringLiteral("/push.yml"), playbook))
        mProblem = QStringLiteral("cannot write the playbook or the inventory in ") + mDir;
}

AnsiblePush::Run AnsiblePush::once(bool pipelining, bool cold)
{
    Run result;
    if (cold) {
        for (int slot = 1; slot <= mRig.hostCount(); ++slot)
            wipePush(mRig.rootDir(slot).toStdString());
    }
    const QString controlDir = mDir + QStringLiteral("/cp-%1").arg(++mRuns);
    QDir().mkpath(controlDir);
    const QStringList command{
        QStringLiteral("env"),
        QStringLiteral("ANSIBLE_CONFIG=") + mDir
            + (pipelining ? QStringLiteral("/pipelining.cfg") : QStringLiteral("/plain.cfg")),
        QStringLiteral("ANSIBLE_SSH_CONTROL_PATH_DIR=") + controlDir,
        QStringLiteral("ANSIBLE_NOCOLOR=1"),
        QStringLiteral("ansible-playbook"),
        mDir + QStringLiteral("/push.yml")};

    const auto start = std::chrono::steady_clock::now();
    const test::RigRun run = mRig.runInClient(command, {}, 900000);
    result.seconds
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    // Close the masters this run left for ControlPersist, so the next run connects afresh.
    for (const QString &socket : QDir(controlDir).entryList(QDir::System | QDir::Files)) {
        test::Rig::run(QStringLiteral("ssh"),
                       {QStringLiteral("-o"),
                        QStringLiteral("ControlPath=") + controlDir + QLatin1Char('/') + socket,
                        QStringLiteral("-O"), QStringLiteral("exit"), QStringLiteral("rig")});
    }
    QDir(controlDir).removeRecursively();

    if (!run.ok()) {
        result.problem = run.describe(command);
        return result;
    }
    // PLAY RECAP: one line per host.
    static const QRegularExpression recap(
        QStringLiteral(
            R"(^(h\d+)\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+))"),
        QRegularExpression::MultilineOption);
    int hosts = 0;
    for (auto match = recap.globalMatch(run.out); match.hasNext();) {
        const QRegularExpressionMatch m = match.next();
        ++hosts;
        const int changed = m.captured(3).toInt();
        if (m.captured(4).toInt() != 0 || m.captured(5).toInt() != 0 || (changed > 0) != cold)
            result.problem += QStringLiteral("unexpected: ") + m.captured(0) + QLatin1Char('\n');
    }
    if (hosts != mRig.hostCount())
        result.problem += QStringLiteral("the recap names %1 hosts of %2:\n%3")
                              .arg(hosts)
                              .arg(mRig.hostCount())
                              .arg(run.out.right(3000));
    for (int slot = 1; slot <= mRig.hostCount(); ++slot) {
        if (const std::string wrong = checkPush(mRig.rootDir(slot).toStdString()); !wrong.empty())
            result.problem += QString::fromStdString(wrong) + QLatin1Char('\n');
    }
    return result;
}

} // namespace topolab::bench
