#include "deploytrustdialog.h"

#include "deploysnapshot.h"

#include "core/deploy/ssh/knownhosts.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace topolab::app {

namespace {

QString hostAndPort(const HostPlanView &host)
{
    const bool v6 = host.address.contains(QLatin1Char(':'));
    return (v6 ? QLatin1Char('[') + host.address + QLatin1Char(']') : host.address)
           + QLatin1Char(':') + QString::number(host.port);
}

QLabel *selectable(const QString &text, bool mono = false)
{
    auto *label = new QLabel(text);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (mono)
        label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return label;
}

} // namespace

DeployTrustDialog::DeployTrustDialog(const HostPlanView &host, const QString &trustedBefore,
                                     const QString &knownHostsPath, int position, int count,
                                     QWidget *parent)
    : QDialog(parent)
    , mFingerprint(host.unknownKeyFingerprint)
    , mTrust(new QPushButton(tr("Trust")))
{
    setObjectName(QStringLiteral("deployTrustDialog"));
    setWindowTitle(count > 1 ? tr("Unknown Host Key (%1 of %2)").arg(position).arg(count)
                             : tr("Unknown Host Key"));

    auto *icon = new QLabel;
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);

    auto *heading = new QLabel(tr("<b>Is this really %1?</b>").arg(host.host.toHtmlEscaped()));
    auto *intro = new QLabel(
        tr("%1 at %2 offered a host key Topolab has not seen before. Nothing was sent to it.")
            .arg(host.host, hostAndPort(host)));
    intro->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    form->addRow(tr("Host:"), selectable(host.host));
    form->addRow(tr("Address:"), selectable(hostAndPort(host), true));
    form->addRow(tr("Key type:"), selectable(host.unknownKeyType, true));
    auto *fingerprint = selectable(host.unknownKeyFingerprint, true);
    fingerprint->setObjectName(QStringLiteral("fingerprint"));
    QFont big = fingerprint->font();
    big.setBold(true);
    fingerprint->setFont(big);
    auto *copy = new QToolButton;
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy the fingerprint"));
    connect(copy, &QToolButton::clicked, this,
            [text = host.unknownKeyFingerprint] { QApplication::clipboard()->setText(text); });
    auto *fingerprintRow = new QHBoxLayout;
    fingerprintRow->addWidget(fingerprint, 1);
    fingerprintRow->addWidget(copy);
    form->addRow(tr("Fingerprint:"), fingerprintRow);

    const QString keyFile
        = QString::fromStdString(core::hostKeyFile(host.unknownKeyType.toStdString()));
    QString advice
        = tr("Compare this fingerprint with the one the host's administrator gives you (on the "
             "host: <code>ssh-keygen -lf %1</code>) or your provider's console shows. Trust it "
             "only if they are the same: if they differ, another machine may be answering in "
             "its place.")
              .arg(keyFile.toHtmlEscaped());
    if (!trustedBefore.isEmpty()) {
        advice = tr("<b>You trusted %1 for this address before, but the host now offers another "
                    "key.</b> ")
                     .arg(trustedBefore.toHtmlEscaped())
                 + advice;
    }
    auto *compare = new QLabel(advice);
    compare->setWordWrap(true);
    auto *stored = new QLabel(tr("A trusted key is stored in %1 and checked on every later plan "
                                 "and deploy.")
                                  .arg(knownHostsPath.toHtmlEscaped()));
    stored->setWordWrap(true);
    stored->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox;
    mTrust->setObjectName(QStringLiteral("trustButton"));
    mTrust->setAutoDefault(false);
    buttons->addButton(mTrust, QDialogButtonBox::AcceptRole);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->setSpacing(10);
    text->addWidget(heading);
    text->addWidget(intro);
    text->addLayout(form);
    text->addWidget(compare);
    text->addWidget(stored);
    auto *row = new QHBoxLayout;
    row->setSpacing(14);
    row->addWidget(icon);
    row->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addSpacing(6);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

QMessageBox *changedKeyRefusal(const HostPlanView &host, const QString &knownHostsPath,
                               QWidget *parent)
{
    auto *box = new QMessageBox(
        QMessageBox::Critical, DeployTrustDialog::tr("Host Key Changed"),
        DeployTrustDialog::tr("The host key of %1 at %2 has changed. Refused: nothing was sent "
                              "to it.")
            .arg(host.host, hostAndPort(host)),
        QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("deployKeyChanged"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        DeployTrustDialog::tr(
            "The host offers another key than the one stored for it in %1. That happens when a "
            "host was reinstalled, and when another machine answers at its address. A changed "
            "key is never trusted from here.\n\nAsk the host's administrator whether its key was "
            "replaced. Only if it was: remove the old line from the known_hosts file, plan again "
            "and trust the new key after comparing its fingerprint. The other hosts are "
            "planned and deployed as usual.")
            .arg(knownHostsPath));
    box->setDetailedText(host.error
                         + (host.hint.isEmpty() ? QString() : QStringLiteral("\n\n") + host.hint));
    return box;
}

} // namespace topolab::app
