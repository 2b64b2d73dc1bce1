#include "failurespanel.h"

#include "failurechipbar.h"
#include "failureform.h"
#include "failuretimeline.h"
#include "timeaxis.h"

#include "designer/parametereditor.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace topolab::app {

FailuresPanel::FailuresPanel(TopologyDocument *document, QWidget *parent)
    : QWidget(parent)
    , mChips(new FailureChipBar(this))
    , mMessage(new QLabel(this))
    , mTimeline(new FailureTimeline(document))
    , mForm(new FailureForm(document, this))
{
    setObjectName(QStringLiteral("failures"));
    mMessage->setObjectName(QStringLiteral("failureMessage"));
    mMessage->setWordWrap(true);
    QPalette messagePalette = mMessage->palette();
    messagePalette.setColor(QPalette::WindowText, ParameterEditor::errorColour(palette()));
    mMessage->setPalette(messagePalette);
    mMessage->hide();

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("timelineScroll"));
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(mTimeline);

    auto *left = new QVBoxLayout;
    left->setSpacing(4);
    left->addWidget(mMessage);
    left->addWidget(scroll, 1);

    auto *separator = new QFrame(this);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);

    mForm->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 44);
    mForm->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 48);

    auto *formScroll = new QScrollArea(this);
    formScroll->setObjectName(QStringLiteral("failureFormScroll"));
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    formScroll->setWidget(mForm);
    formScroll->setMinimumWidth(mForm->minimumWidth() + 16);
    formScroll->setMaximumWidth(mForm->maximumWidth() + 16);

    auto *row = new QHBoxLayout;
    row->setSpacing(8);
    row->addLayout(left, 1);
    row->addWidget(separator);
    row->addWidget(formScroll);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(mChips);
    layout->addLayout(row, 1);

    connect(mTimeline, &FailureTimeline::selectionChanged, mForm, &FailureForm::setFailure);
    connect(mTimeline, &FailureTimeline::refused, this, &FailuresPanel::showMessage);
    connect(mTimeline, &FailureTimeline::targetActivated, this, &FailuresPanel::targetActivated);
    connect(mForm, &FailureForm::removeRequested, mTimeline, &FailureTimeline::removeSelected);
    connect(mChips, &FailureChipBar::chipActivated, this, [this](FailureChip::Kind kind) {
        // From a click or the keyboard: a quarter into the run, on a round time.
        const double duration = mTimeline->duration();
        const double at = TimeAxis::snap(duration / 4, TimeAxis::niceStep(duration / 24));
        if (!mTimeline->addFailure(kind, at))
            mTimeline->setFocus(Qt::OtherFocusReason);
    });
    connect(mTimeline, &FailureTimeline::selectionChanged, this, [this] { mMessage->hide(); });
}

void FailuresPanel::refresh()
{
    mTimeline->refresh();
    mForm->setFailure(mTimeline->selectedFailure());
}

void FailuresPanel::showMessage(const QString &text)
{
    mMessage->setText(text);
    mMessage->setVisible(!text.isEmpty());
    Q_EMIT message(text);
}

} // namespace topolab::app
