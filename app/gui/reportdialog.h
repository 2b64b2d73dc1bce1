#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace topolab::app {

// A read-only report in a fixed-width font with Copy and Close: the topology analysis and the
// deploy order, as topolab-cli prints them. Owns its widgets.
class ReportDialog : public QDialog
{
    Q_OBJECT

public:
    ReportDialog(const QString &title, const QString &text, QWidget *parent = nullptr);

    QString text() const;

private:
    QPlainTextEdit *mText;
};

} // namespace topolab::app
