#include "findbar.h"

#include "document/topologydocument.h"

#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QStyle>
#include <QToolButton>

namespace topolab::app {

FindBar::FindBar(const TopologyDocument *document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mEdit(new QLineEdit(this))
    , mResult(new QLabel(this))
    , mPrevious(new QToolButton(this))
    , mNext(new QToolButton(this))
    , mClose(new QToolButton(this))
    , mCompleter(new QCompleter(this))
    , mCompletions(new QStringListModel(this))
{
    setObjectName(QStringLiteral("findBar"));
    mEdit->setObjectName(QStringLiteral("findEdit"));
    mEdit->setPlaceholderText(tr("Find a component or region by id, label or kind"));
    mEdit->setClearButtonEnabled(true);
    mEdit->setMinimumWidth(320);
    mCompleter->setModel(mCompletions);
    mCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    mCompleter->setFilterMode(Qt::MatchContains);
    mEdit->setCompleter(mCompleter);
    mPrevious->setArrowType(Qt::UpArrow);
    mPrevious->setToolTip(tr("Previous match"));
    mNext->setArrowType(Qt::DownArrow);
    mNext->setToolTip(tr("Next match (Enter)"));
    mClose->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    mClose->setToolTip(tr("Close (Escape)"));
    mClose->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(new QLabel(tr("Find:"), this));
    layout->addWidget(mEdit);
    layout->addWidget(mPrevious);
    layout->addWidget(mNext);
    layout->addWidget(mResult);
    layout->addStretch();
    layout->addWidget(mClose);

    connect(mEdit, &QLineEdit::textChanged, this, &FindBar::textChanged);
    connect(mEdit, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(mCompleter, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &text) {
                mEdit->setText(text);
                mCurrent = -1;
                findNext();
            });
    for (auto signal : {&TopologyDocument::componentAdded, &TopologyDocument::componentRemoved,
                        &TopologyDocument::componentChanged, &TopologyDocument::regionAdded,
                        &TopologyDocument::regionRemoved, &TopologyDocument::regionChanged})
        connect(document, signal, this, &FindBar::documentChanged);
    connect(document, &TopologyDocument::idRenamed, this, &FindBar::documentChanged);
    connect(document, &TopologyDocument::topologyReset, this, &FindBar::documentChanged);
    connect(mNext, &QToolButton::clicked, this, &FindBar::findNext);
    connect(mPrevious, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(mClose, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
}

QStringList FindBar::matches(const QString &text) const
{
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return {};
    QStringList exact;
    QStringList prefix;
    QStringList other;
    auto consider = [&](const std::string &stdId, const std::string &label, std::string_view kind) {
        const QString id = QString::fromStdString(stdId);
        if (id.compare(needle, Qt::CaseInsensitive) == 0)
            exact.append(id);
        else if (id.startsWith(needle, Qt::CaseInsensitive))
            prefix.append(id);
        else if (id.contains(needle, Qt::CaseInsensitive)
                 || QString::fromStdString(label).contains(needle, Qt::CaseInsensitive)
                 || QString::fromUtf8(kind.data(), qsizetype(kind.size()))
                        .contains(needle, Qt::CaseInsensitive))
            other.append(id);
    };
    const core::Topology &topology = mDocument->topology();
    for (const core::Region &region : topology.regions)
        consider(region.id, region.label, "region");
    for (const core::Component &component : topology.components)
        consider(component.id, component.label, core::kindTitle(component.kind));
    return exact + prefix + other;
}

void FindBar::activate()
{
    // Hidden, the bar does not follow the document.
    const bool wasHidden = isHidden();
    QWidget::show();
    if (wasHidden)
        documentChanged();
    mEdit->setFocus(Qt::ShortcutFocusReason);
    mEdit->selectAll();
}

void FindBar::refreshCompletions()
{
    QStringList ids;
    const core::Topology &topology = mDocument->topology();
    for (const core::Region &region : topology.regions)
        ids.append(QString::fromStdString(region.id));
    for (const core::Component &component : topology.components)
        ids.append(QString::fromStdString(component.id));
    mCompletions->setStringList(ids);
}

void FindBar::textChanged(const QString &text)
{
    mMatches = matches(text);
    mCurrent = -1;
    showCount();
}

void FindBar::showCount()
{
    if (mEdit->text().trimmed().isEmpty())
        mResult->clear();
    else if (mMatches.isEmpty())
        mResult->setText(tr("No match"));
    else
        mResult->setText(mMatches.size() == 1 ? tr("1 match")
                                              : tr("%1 matches").arg(mMatches.size()));
}

void FindBar::documentChanged()
{
    if (isHidden())
        return;
    refreshCompletions();
    const QString shown = mCurrent >= 0 ? mMatches.value(mCurrent) : QString();
    const QStringList previous = mMatches;
    mMatches = matches(mEdit->text());
    if (shown.isEmpty() || mMatches.isEmpty()) {
        mCurrent = -1;
        showCount();
        return;
    }
    mCurrent = int(mMatches.indexOf(shown));
    if (mCurrent >= 0) {
        mResult->setText(tr("%1 of %2").arg(mCurrent + 1).arg(mMatches.size()));
        return;
    }
    // Gone: Next goes on with the match that came after it.
    for (qsizetype i = previous.indexOf(shown) - 1; i >= 0 && mCurrent < 0; --i)
        mCurrent = int(mMatches.indexOf(previous.at(i)));
    showCount();
}

void FindBar::findNext()
{
    if (mMatches.isEmpty())
        mMatches = matches(mEdit->text());
    if (!mMatches.isEmpty())
        show((mCurrent + 1) % int(mMatches.size()));
}

void FindBar::findPrevious()
{
    if (mMatches.isEmpty())
        mMatches = matches(mEdit->text());
    // From a new search, Previous starts at the last match.
    if (!mMatches.isEmpty())
        show(mCurrent < 0 ? int(mMatches.size()) - 1
                          : (mCurrent - 1 + int(mMatches.size())) % int(mMatches.size()));
}

void FindBar::show(int index)
{
    mCurrent = index;
    mResult->setText(tr("%1 of %2").arg(index + 1).arg(mMatches.size()));
    Q_EMIT elementFound(mMatches.at(index));
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        Q_EMIT closed();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace topolab::app
