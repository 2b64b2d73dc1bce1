#include "hostseditstatus.h"

#include "hostseditspinner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace topolab::app {

using State = InventoryProbeResult::State;

HostsEditStatus::HostsEditStatus(QWidget *parent)
    : QWidget(parent)
    , mSpinner(new HostsEditSpinner(this))
    , mText(new QLabel(this))
    , mTest(new QToolButton(this))
    , mTrust(new QToolButton(this))
{
    setAutoFillBackground(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(3, 1, 3, 1);
    layout->setSpacing(6);
    mTest->setObjectName(QStringLiteral("test"));
    mTest->setText(tr("Test"));
    mTrust->setObjectName(QStringLiteral("trust"));
    mTrust->setText(tr("Trust…"));
    mTrust->setToolTip(tr("Check this fingerprint with the host's administrator, then trust it"));
    mText->setObjectName(QStringLiteral("state"));
    mText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mText->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    mText->installEventFilter(this);
    mSpinner->hide();
    mTrust->hide();
    layout->addWidget(mTest);
    layout->addWidget(mSpinner);
    layout->addWidget(mText, 1);
    layout->addWidget(mTrust);
    connect(mTest, &QToolButton::clicked, this, [this] {
        if (mRunning)
            Q_EMIT cancelRequested();
        else
            Q_EMIT testRequested();
    });
    connect(mTrust, &QToolButton::clicked, this, &HostsEditStatus::trustRequested);
    setTestable(false);
}

void HostsEditStatus::setTestable(bool testable, const QString &why)
{
    mTestable = testable;
    mWhyNot = why;
    mTest->setEnabled(testable || mRunning);
    mTest->setToolTip(testable ? tr("Log in to the host and run `true`") : why);
}

void HostsEditStatus::setRunning()
{
    mRunning = true;
    mTest->setText(tr("Cancel"));
    mTest->setEnabled(true);
    mTest->setToolTip(tr("Stop this test"));
    mSpinner->show();
    mTrust->hide();
    showText(tr("Connecting…"), palette().color(QPalette::PlaceholderText), {});
}

void HostsEditStatus::clear()
{
    mRunning = false;
    mTest->setText(tr("Test"));
    setTestable(mTestable, mWhyNot);
    mSpinner->hide();
    mTrust->hide();
    showText({}, palette().color(QPalette::WindowText), {});
}

void HostsEditStatus::setResult(const InventoryProbeResult &result)
{
    clear();
    QString tip = result.message;
    if (!result.hint.isEmpty())
        tip += QStringLiteral("\n\n") + result.hint;
    if (result.state == State::Ok) {
        tip = tr("Logged in within %1 ms; `true` ran in %2 ms.")
                  .arg(result.loginMs)
                  .arg(result.roundTripMs);
    }
    showText(summary(result), colour(result.state, palette()), tip);
    mTrust->setVisible(result.state == State::HostKeyUnknown && !result.fingerprint.isEmpty());
}

QString HostsEditStatus::text() const
{
    return mFullText;
}

bool HostsEditStatus::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mText && event->type() == QEvent::Resize)
        elide();
    return QWidget::eventFilter(watched, event);
}

void HostsEditStatus::elide()
{
    const QString shown
        = mText->fontMetrics().elidedText(mFullText, Qt::ElideRight, mText->width());
    mText->setText(shown);
    QString tip = mTip;
    if (shown != mFullText)
        tip = mFullText + (tip.isEmpty() ? QString() : QStringLiteral("\n\n") + tip);
    mText->setToolTip(tip);
}

QString HostsEditStatus::summary(const InventoryProbeResult &result)
{
    switch (result.state) {
    case State::Ok:
        return tr("OK · %1 ms").arg(result.roundTripMs);
    case State::Unreachable:
        return tr("Unreachable");
    case State::LoginDenied:
        return tr("Login denied");
    case State::HostKeyUnknown:
        return tr("Unknown key %1").arg(result.fingerprint);
    case State::HostKeyChanged:
        return tr("Host key CHANGED: refused");
    case State::Failed:
        return tr("Failed");
    case State::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QColor HostsEditStatus::colour(InventoryProbeResult::State state, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    switch (state) {
    case State::Ok:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case State::HostKeyUnknown:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb2, 0x5e, 0x00);
    case State::Cancelled:
        return palette.color(QPalette::PlaceholderText);
    case State::Unreachable:
    case State::LoginDenied:
    case State::HostKeyChanged:
    case State::Failed:
        break;
    }
    return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
}

void HostsEditStatus::showText(const QString &text, const QColor &colour, const QString &tip)
{
    QPalette palette = mText->palette();
    // In a table cell a label draws with Text, the role that contrasts with the cell's Base.
    palette.setColor(QPalette::WindowText, colour);
    palette.setColor(QPalette::Text, colour);
    mText->setPalette(palette);
    mFullText = text;
    mTip = tip;
    elide();
}

} // namespace topolab::app
