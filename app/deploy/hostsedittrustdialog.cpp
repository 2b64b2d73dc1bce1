#include "hostsedittrustdialog.h"

#include "hostsedittests.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace topolab::app {

HostsEditTrustDialog::HostsEditTrustDialog(const QString &component, const QString &endpoint,
                                           const QString &keyType, const QString &fingerprint,
                                           const QString &knownHostsPath, QWidget *parent)
    : QDialog(parent)
    , mFingerprint(fingerprint)
    , mTrust(new QPushButton(tr("Trust"), this))
    , mCancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("trustConfirmation"));
    setWindowTitle(tr("Trust Host Key"));
    auto *layout = new QGridLayout(this);
    layout->setHorizontalSpacing(16);

    auto *icon = new QLabel(this);
    const int side = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(side, side));
    icon->setAlignment(Qt::AlignTop);
    layout->addWidget(icon, 0, 0, 3, 1);

    auto *question
        = new QLabel(tr("Trust this host key for %1 (%2)?").arg(component, endpoint), this);
    QFont bold = question->font();
    bold.setBold(true);
    question->setFont(bold);
    layout->addWidget(question, 0, 1);

    auto *key = new QLabel(keyType + QLatin1Char(' ') + fingerprint, this);
    key->setObjectName(QStringLiteral("fingerprint"));
    key->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    key->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // On one line, whole, with room to spare.
    key->setMinimumWidth(key->sizeHint().width() + 2 * key->fontMetrics().averageCharWidth());
    key->setContentsMargins(0, 6, 0, 6);
    layout->addWidget(key, 1, 1);

    auto *advice = new QLabel(
        tr("Trust it only if the host's administrator gives you the same fingerprint (on the "
           "host: ssh-keygen -lf %1): another machine may be answering at this address. Once "
           "trusted, the key is stored in %2 and checked on every connection.")
            .arg(HostsEditTests::hostKeyFile(keyType), knownHostsPath),
        this);
    advice->setWordWrap(true);
    advice->setMinimumWidth(key->sizeHint().width());
    layout->addWidget(advice, 2, 1);

    auto *buttons = new QDialogButtonBox(this);
    mTrust->setObjectName(QStringLiteral("confirmTrust"));
    mCancel->setObjectName(QStringLiteral("cancelTrust"));
    buttons->addButton(mTrust, QDialogButtonBox::AcceptRole);
    buttons->addButton(mCancel, QDialogButtonBox::RejectRole);
    mCancel->setDefault(true);
    mCancel->setFocus();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons, 3, 0, 1, 2);
    layout->setSizeConstraint(QLayout::SetFixedSize);
}

} // namespace topolab::app
