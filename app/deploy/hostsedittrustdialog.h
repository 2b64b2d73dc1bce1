#pragma once

#include <QDialog>

class QPushButton;

namespace topolab::app {

// Asks whether to trust the unknown host key a connection test found: names the component and
// where it is reached, shows the key's type and fingerprint in full on one line, and says to
// compare it with the fingerprint the host's administrator gives before trusting it. Trust
// accepts; Cancel, the default, rejects. Owns its widgets.
class HostsEditTrustDialog : public QDialog
{
    Q_OBJECT

public:
    HostsEditTrustDialog(const QString &component, const QString &endpoint, const QString &keyType,
                         const QString &fingerprint, const QString &knownHostsPath,
                         QWidget *parent = nullptr);

    QString fingerprint() const { return mFingerprint; }
    QPushButton *trustButton() const { return mTrust; }
    QPushButton *cancelButton() const { return mCancel; }

private:
    QString mFingerprint;
    QPushButton *mTrust;
    QPushButton *mCancel;
};

} // namespace topolab::app
