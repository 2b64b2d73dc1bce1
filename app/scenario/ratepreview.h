#pragma once

#include "ratecurve.h"

#include <QWidget>

namespace topolab::app {

// A small painting of a client group's request rate over the run: the curve its rate profile
// gives from 0 to the run's duration, filled beneath, the base rate as a dashed line, the peak
// and the time axis labelled. Holds a copy of the curve; owns nothing else.
class RatePreview : public QWidget
{
    Q_OBJECT

public:
    explicit RatePreview(QWidget *parent = nullptr);

    void setCurve(const RateCurve &curve, double duration);
    const RateCurve &curve() const { return mCurve; }
    double duration() const { return mDuration; }
    // The rates painted, one per pixel column of the plot: what the tests read back.
    std::vector<double> samples(int count) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    RateCurve mCurve;
    double mDuration = 3600;
};

} // namespace topolab::app
