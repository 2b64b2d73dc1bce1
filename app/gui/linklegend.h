#pragma once

#include "core/model/linkkind.h"

#include <QWidget>

namespace topolab::app {

// The key to the link pens, floating in a corner of the canvas. Lets mouse events through to
// the canvas beneath; owns nothing.
class LinkLegend : public QWidget
{
    Q_OBJECT

public:
    explicit LinkLegend(QWidget *parent = nullptr);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString label(core::LinkKind kind) const;
};

} // namespace topolab::app
