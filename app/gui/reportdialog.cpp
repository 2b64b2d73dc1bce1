#include "reportdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace topolab::app {

ReportDialog::ReportDialog(const QString &title, const QString &text, QWidget *parent)
    : QDialog(parent)
    , mText(new QPlainTextEdit(this))
{
    setWindowTitle(title);
    mText->setReadOnly(true);
    mText->setLineWrapMode(QPlainTextEdit::NoWrap);
    mText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    mText->setPlainText(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(mText->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(mText);
    layout->addWidget(buttons);
    const QFontMetrics metrics(mText->font());
    resize(metrics.horizontalAdvance(QLatin1Char('m')) * 100, metrics.lineSpacing() * 36);
}

QString ReportDialog::text() const
{
    return mText->toPlainText();
}

} // namespace topolab::app
