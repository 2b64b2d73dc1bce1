#pragma once

// The Ansible side of bench_deploy: ansible-core pushing the same files to the same rig with the
// `copy` module, ansible-playbook run in the rig's client namespace and timed from its start to
// its exit.
#include <QString>

namespace topolab::test {
class Rig;
}

namespace topolab::bench {

// ansible-playbook's version line ("ansible-playbook [core 2.14.18]"); empty when it is missing.
QString ansibleVersion();

// The playbook, the inventory (from the rig: address, root@, the rig's key, its known_hosts with
// strict checking) and the payload files, under the rig's directory.
class AnsiblePush
{
public:
    explicit AnsiblePush(const topolab::test::Rig &rig);
    QString problem() const { return mProblem; } // empty when the files were written

    struct Run
    {
        double seconds = 0;
        QString problem; // empty when every host reported what it should
    };
    // One ansible-playbook run, with or without pipelining. `cold`: the files are removed first
    // and every host must report a change; otherwise none may. Each run opens its own SSH
    // connections: the ControlPersist masters it started are closed when it ends.
    Run once(bool pipelining, bool cold);

private:
    const topolab::test::Rig &mRig;
    QString mDir;
    QString mProblem;
    int mRuns = 0;
};

} // namespace topolab::bench
