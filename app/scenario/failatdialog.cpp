#include "failatdialog.h"

#include "failurechip.h"
#include "timeaxis.h"

#include "designer/palettecatalog.h"

#include "core/model/schemas.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace topolab::app {

namespace {

QDoubleSpinBox *secondsBox(QWidget *parent, double maximum)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setDecimals(1);
    box->setRange(0, maximum);
    box->setSuffix(FailAtDialog::tr(" s"));
    box->setAlignment(Qt::AlignRight);
    box->setKeyboardTracking(false);
    return box;
}

QString modeTitle(const QString &mode, bool region)
{
    if (mode == QLatin1String("crash"))
        return region ? FailAtDialog::tr("Crash: every process in it dies")
                      : FailAtDialog::tr("Crash: the process dies, connections refused");
    if (mode == QLatin1String("blackhole"))
        return region ? FailAtDialog::tr("Lose region: silent, connections time out")
                      : FailAtDialog::tr("Blackhole: silent, connections time out");
    return FailAtDialog::tr("Degrade: serves slower");
}

} // namespace

FailAtDialog::FailAtDialog(const core::Topology &topology, const QString &target, double duration,
                           QWidget *parent)
    : QDialog(parent)
    , mTarget(target)
    , mDuration(duration)
    , mMode(new QComboBox(this))
    , mStart(secondsBox(this, 1e9))
    , mStartHint(new QLabel(this))
    , mLength(secondsBox(this, 1e9))
    , mLengthHint(new QLabel(this))
    , mSlowdown(new QDoubleSpinBox(this))
{
    setObjectName(QStringLiteral("failAtDialog"));
    const std::string id = target.toStdString();
    const core::Component *component = topology.component(id);
    const core::Region *region = topology.region(id);
    const bool vpn = component && component->kind == core::ComponentKind::Vpn;

    QString about;
    if (region) {
        setWindowTitle(tr("Lose Region %1").arg(target));
        about = tr("Every component of region <b>%1</b>%2 fails at once.")
                    .arg(target.toHtmlEscaped(),
                         region->label.empty()
                             ? QString()
                             : QStringLiteral(" (%1)").arg(
                                 QString::fromStdString(region->label).toHtmlEscaped()));
    } else if (vpn) {
        setWindowTitle(tr("Cut VPN %1").arg(target));
        about = tr("The tunnel <b>%1</b> goes down: replication across it stops.")
                    .arg(target.toHtmlEscaped());
    } else {
        setWindowTitle(tr("Fail %1").arg(target));
        about = tr("<b>%1</b>, %2.")
                    .arg(target.toHtmlEscaped(),
                         component ? PaletteCatalog::title(component->kind).toLower()
                                   : tr("not in the topology"));
    }
    auto *aboutLabel = new QLabel(about, this);
    aboutLabel->setWordWrap(true);

    const QStringList modes = FailureChip::modesFor(topology, target);
    for (const QString &mode : modes) {
        mMode->addItem(modeTitle(mode, region != nullptr), mode);
        mMode->setItemData(mMode->count() - 1, FailureChip::modeColour(mode), Qt::DecorationRole);
    }
    mMode->setObjectName(QStringLiteral("mode"));
    mMode->setCurrentIndex(std::max(
        0, mMode->findData(region ? QStringLiteral("blackhole") : QStringLiteral("crash"))));

    mStart->setObjectName(QStringLiteral("at_s"));
    mStart->setValue(TimeAxis::snap(duration / 4, TimeAxis::niceStep(duration / 24)));
    mStart->setToolTip(tr("Seconds after the warm-up, as the timeline counts them."));
    mLength->setObjectName(QStringLiteral("for_s"));
    mLength->setSpecialValueText(tr("until the end"));
    mLength->setValue(TimeAxis::niceStep(duration / 12));
    mLength->setToolTip(tr("How long it lasts; 0 = until the end of the run."));
    const core::ParamSpec *slowdown = core::scheduledFailureSchema().find("slowdown");
    mSlowdown->setObjectName(QStringLiteral("slowdown"));
    mSlowdown->setRange(slowdown->minimum, 1e6);
    mSlowdown->setValue(std::get<double>(slowdown->defaultValue));
    mSlowdown->setPrefix(QStringLiteral("× "));
    mSlowdown->setToolTip(QString::fromStdString(slowdown->description));
    for (QLabel *hint : {mStartHint, mLengthHint})
        hint->setForegroundRole(QPalette::PlaceholderText);

    auto *start = new QHBoxLayout;
    start->addWidget(mStart);
    start->addWidget(mStartHint, 1);
    auto *length = new QHBoxLayout;
    length->addWidget(mLength);
    length->addWidget(mLengthHint, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("&Mode"), mMode);
    // The fields sit in rows with their hints: their labels name them as buddies.
    auto *startName = new QLabel(tr("&Start"), this);
    startName->setBuddy(mStart);
    form->addRow(startName, start);
    auto *lengthName = new QLabel(tr("&Duration"), this);
    lengthName->setBuddy(mLength);
    form->addRow(lengthName, length);
    form->addRow(tr("S&lowdown"), mSlowdown);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Failure"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(aboutLabel);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(mMode, &QComboBox::currentIndexChanged, this, &FailAtDialog::updateHints);
    connect(mStart, &QDoubleSpinBox::valueChanged, this, &FailAtDialog::updateHints);
    connect(mLength, &QDoubleSpinBox::valueChanged, this, &FailAtDialog::updateHints);
    updateHints();
    mStart->setFocus();
    mStart->selectAll();
}

void FailAtDialog::updateHints()
{
    const double at = mStart->value();
    mStartHint->setText(at >= mDuration
                            ? tr("after the run ends (%1)").arg(TimeAxis::duration(mDuration))
                            : tr("= %1 into the run").arg(TimeAxis::duration(at)));
    mLengthHint->setText(mLength->value() > 0 ? tr("= %1, until %2")
                                                    .arg(TimeAxis::duration(mLength->value()),
                                                         TimeAxis::duration(at + mLength->value()))
                                              : QString());
    mSlowdown->setEnabled(mMode->currentData().toString() == QLatin1String("degrade"));
}

core::ScheduledFailure FailAtDialog::failure() const
{
    core::ScheduledFailure failure{core::ParamSet(core::scheduledFailureSchema())};
    failure.params.set("at_s", mStart->value());
    failure.params.set("target", mTarget.toStdString());
    const QString mode = mMode->currentData().toString();
    failure.params.set("mode", mode.toStdString());
    failure.params.set("for_s", mLength->value());
    if (mode == QLatin1String("degrade"))
        failure.params.set("slowdown", mSlowdown->value());
    return failure;
}

} // namespace topolab::app
