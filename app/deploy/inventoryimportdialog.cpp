#include "inventoryimportdialog.h"

#include "document/deployhostedit.h"
#include "document/stdstrings.h"
#include "document/topologydocument.h"

#include "core/io/inventoryreader.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QVBoxLayout>

#include <algorithm>

namespace topolab::app {

namespace {

const char *const example = "deploy:\n"
                            "  hosts:\n"
                            "    - {component: lb-1, address: 203.0.113.11, user: deploy}\n"
                            "    - {component: app-1, address: 10.0.0.21, key_file: ~/.ssh/id}\n";

} // namespace

InventoryImportDialog::InventoryImportDialog(TopologyDocument *document, QWidget *parent)
    : QDialog(parent)
    , mDocument(document)
    , mText(new QPlainTextEdit(this))
    , mErrors(new QLabel(this))
{
    setObjectName(QStringLiteral("inventoryImport"));
    setWindowTitle(tr("Fill Hosts from an Inventory"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Paste an inventory, or open one: the file topolab-cli reads with --inventory. Its "
           "hosts replace those of the same components; the other components keep theirs."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    mText->setObjectName(QStringLiteral("inventoryText"));
    mText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    mText->setPlaceholderText(QString::fromUtf8(example));
    mText->setLineWrapMode(QPlainTextEdit::NoWrap);
    mText->setMinimumSize(QSize(mText->fontMetrics().horizontalAdvance(QLatin1Char('m')) * 96,
                                mText->fontMetrics().lineSpacing() * 12));
    layout->addWidget(mText, 1);
    connect(mText, &QPlainTextEdit::textChanged, this, [this] {
        if (!mLoading)
            mSource.clear(); // the lines no longer are the file's
    });

    mErrors->setObjectName(QStringLiteral("inventoryErrors"));
    mErrors->setWordWrap(true);
    mErrors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = mErrors->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    palette.setColor(QPalette::WindowText,
                     dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28));
    mErrors->setPalette(palette);
    mErrors->hide();
    layout->addWidget(mErrors);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *open = buttons->addButton(tr("Open File…"), QDialogButtonBox::ActionRole);
    open->setObjectName(QStringLiteral("openFile"));
    mFill = buttons->addButton(tr("Fill"), QDialogButtonBox::AcceptRole);
    mFill->setObjectName(QStringLiteral("fill"));
    mFill->setDefault(true);
    connect(open, &QPushButton::clicked, this, &InventoryImportDialog::openFile);
    connect(buttons, &QDialogButtonBox::accepted, this, &InventoryImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &InventoryImportDialog::reject);
    layout->addWidget(buttons);
}

void InventoryImportDialog::openFile()
{
    // Inventories usually sit beside the topology they deploy.
    const QString beside = mDocument->filePath().isEmpty()
                               ? QString()
                               : QFileInfo(mDocument->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Inventory"), beside, tr("Inventories (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

bool InventoryImportDialog::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showErrors({tr("%1: cannot open: %2").arg(QFileInfo(path).fileName(), file.errorString())});
        return false;
    }
    mLoading = true;
    mText->setPlainText(QString::fromUtf8(file.readAll()));
    mLoading = false;
    mSource = QFileInfo(path).fileName();
    mErrors->hide();
    return true;
}

void InventoryImportDialog::setText(const QString &text)
{
    mText->setPlainText(text);
}

bool InventoryImportDialog::fill()
{
    mFilled = 0;
    const core::InventoryResult read
        = core::readInventory(toStd(mText->toPlainText()), mDocument->topology());
    QStringList errors;
    for (const core::Diagnostic &d : read.diagnostics) {
        if (d.severity != core::Severity::Error)
            continue;
        const QString where
            = d.location.known()
                  ? QStringLiteral("%1:%2").arg(d.location.line).arg(d.location.column)
                  : QString();
        const QString prefix
            = mSource.isEmpty() ? where
                                : (where.isEmpty() ? mSource : mSource + QLatin1Char(':') + where);
        errors.append(prefix.isEmpty() ? toQString(d.message)
                                       : prefix + QStringLiteral(": ") + toQString(d.message));
    }
    if (!read.topology || !errors.isEmpty()) {
        if (errors.isEmpty())
            errors.append(tr("This is not an inventory."));
        showErrors(errors);
        // The cursor goes to the first problem.
        if (!read.diagnostics.empty() && read.diagnostics.front().location.known()) {
            const core::Diagnostic &first = read.diagnostics.front();
            QTextCursor cursor(mText->document()->findBlockByNumber(first.location.line - 1));
            cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                                std::max(0, first.location.column - 1));
            mText->setTextCursor(cursor);
        }
        return false;
    }
    if (auto refusal = DeployHostEdit::fill(*mDocument, read.topology->deployHosts, mSource)) {
        showErrors({*refusal});
        return false;
    }
    mFilled = int(read.topology->deployHosts.size());
    mErrors->hide();
    return true;
}

void InventoryImportDialog::accept()
{
    if (fill())
        QDialog::accept();
}

QString InventoryImportDialog::errorText() const
{
    return mErrors->isHidden() ? QString() : mErrors->text();
}

void InventoryImportDialog::showErrors(const QStringList &lines)
{
    mErrors->setText(lines.join(QLatin1Char('\n')));
    mErrors->show();
}

} // namespace topolab::app
