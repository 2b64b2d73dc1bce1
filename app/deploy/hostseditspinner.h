#pragma once

#include <QTimer>
#include <QWidget>

namespace topolab::app {

// A small turning wheel that says "working on it" beside a row of the hosts table. Owns the
// timer that turns it, which runs only while the wheel is shown.
class HostsEditSpinner : public QWidget
{
    Q_OBJECT

public:
    explicit HostsEditSpinner(QWidget *parent = nullptr);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QTimer mTimer;
    int mStep = 0;
};

} // namespace topolab::app
