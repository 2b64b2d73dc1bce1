#pragma once

#include <QDialog>

class QMessageBox;
class QPushButton;

namespace topolab::app {

struct HostPlanView;

// Asks whether to trust a host key a plan met for the first time: names the host, its address
// and port, the key's type and fingerprint, and tells the user to compare the fingerprint with
// the one the host's administrator gives them before trusting it. Trust accepts the dialog,
// Cancel (the default) rejects it. Owns its widgets.
class DeployTrustDialog : public QDialog
{
    Q_OBJECT

public:
    // `trustedBefore`: a fingerprint trusted earlier for this address whose key the host no
    // longer offers; empty when none. `knownHostsPath`: where a trusted key is stored.
    // `position`: which of `count` unknown keys of this plan it is (1-based), for the title.
    DeployTrustDialog(const HostPlanView &host, const QString &trustedBefore,
                      const QString &knownHostsPath, int position = 1, int count = 1,
                      QWidget *parent = nullptr);

    QString fingerprint() const { return mFingerprint; }
    QPushButton *trustButton() const { return mTrust; }

private:
    QString mFingerprint;
    QPushButton *mTrust;
};

// The refusal shown for a host whose key changed: what it may mean and what to do, with no way
// to trust the new key from here. The caller opens it; it deletes itself when closed.
QMessageBox *changedKeyRefusal(const HostPlanView &host, const QString &knownHostsPath,
                               QWidget *parent);

} // namespace topolab::app
