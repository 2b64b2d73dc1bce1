#include "inspectordock.h"

#include "palettecatalog.h"
#include "palettemimedata.h"
#include "parametereditor.h"
#include "parameterform.h"

#include "document/topologydocument.h"
#include "gui/kindicons.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

#include <set>

namespace topolab::app {

namespace {

constexpr int iconSize = 32;
constexpr int summaryIdLimit = 12; // ids listed before "and N more"

QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text;
}

} // namespace

InspectorDock::InspectorDock(QWidget *parent)
    : QDockWidget(tr("Inspector"), parent)
{
    setObjectName(QStringLiteral("inspectorDock"));
    setFeatures(DockWidgetMovable | DockWidgetFloatable | DockWidgetClosable);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(scroll);
    mBody = new QVBoxLayout(content);
    mBody->setContentsMargins(8, 8, 8, 8);
    mBody->setSpacing(8);

    // Header: icon and kind, then what is selected.
    mHeader = new QWidget(content);
    auto *headerLayout = new QHBoxLayout(mHeader);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    mIcon = new QLabel(mHeader);
    mIcon->setFixedSize(iconSize, iconSize);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    mTitle = new QLabel(mHeader);
    QFont titleFont = mTitle->font();
    titleFont.setBold(true);
    mTitle->setFont(titleFont);
    mSummary = new QLabel(mHeader);
    mSummary->setObjectName(QStringLiteral("summary"));
    mSummary->setWordWrap(true);
    mSummary->setForegroundRole(QPalette::PlaceholderText);
    mSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    titles->addWidget(mTitle);
    titles->addWidget(mSummary);
    headerLayout->addWidget(mIcon, 0, Qt::AlignTop);
    headerLayout->addLayout(titles, 1);
    mBody->addWidget(mHeader);

    // Identity of a single component: id (renames everywhere) and label.
    mIdentity = new QWidget(content);
    auto *identity = new QFormLayout(mIdentity);
    identity->setContentsMargins(0, 0, 0, 0);
    identity->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    mIdEdit = new QLineEdit(mIdentity);
    mIdEdit->setObjectName(QStringLiteral("id"));
    mIdEdit->setToolTip(tr("The id links, failures and deploy hosts refer to; renaming it "
                           "updates every reference."));
    mIdRefusal = new QLabel(mIdentity);
    mIdRefusal->setObjectName(QStringLiteral("id/refusal"));
    mIdRefusal->setWordWrap(true);
    mIdRefusal->hide();
    mLabelEdit = new QLineEdit(mIdentity);
    mLabelEdit->setObjectName(QStringLiteral("label"));
    mLabelEdit->setToolTip(tr("Free text shown on the canvas."));
    identity->setHorizontalSpacing(6);
    mIdName = new QLabel(tr("Id"), mIdentity);
    mLabelName = new QLabel(tr("Label"), mIdentity);
    identity->addRow(mIdName, mIdEdit);
    identity->addRow(QString(), mIdRefusal);
    identity->addRow(mLabelName, mLabelEdit);
    mBody->addWidget(mIdentity);
    connect(mIdEdit, &QLineEdit::editingFinished, this, &InspectorDock::commitId);
    connect(mLabelEdit, &QLineEdit::editingFinished, this, &InspectorDock::commitLabel);

    mMessage = new QLabel(content);
    mMessage->setObjectName(QStringLiteral("message"));
    mMessage->setWordWrap(true);
    mMessage->setForegroundRole(QPalette::PlaceholderText);
    mBody->addWidget(mMessage);
    mBody->addStretch(1);

    scroll->setWidget(content);
    setWidget(scroll);
    fitWidth();
    updateErrorColour();
    rebuild();
}

void InspectorDock::setDocument(TopologyDocument *document)
{
    if (mDocument == document)
        return;
    if (mDocument)
        mDocument->disconnect(this);
    mDocument = document;
    mSelection.clear();
    if (mDocument) {
        connect(mDocument, &TopologyDocument::componentChanged, this,
                &InspectorDock::componentChanged);
        connect(mDocument, &TopologyDocument::componentRemoved, this,
                &InspectorDock::componentRemoved);
        connect(mDocument, &TopologyDocument::idRenamed, this, &InspectorDock::idRenamed);
        connect(mDocument, &TopologyDocument::regionChanged, this, [this](const QString &id) {
            if (mSelection.contains(id))
                refresh();
        });
        connect(mDocument, &TopologyDocument::regionRemoved, this,
                &InspectorDock::componentRemoved);
        connect(mDocument, &TopologyDocument::topologyReset, this, &InspectorDock::topologyReset);
        connect(mDocument, &QObject::destroyed, this, [this] { setSelection({}); });
    }
    rebuild();
}

void InspectorDock::setSelection(const QStringList &componentIds)
{
    QStringList ids;
    QStringList regions;
    if (mDocument) {
        for (const QString &id : componentIds) {
            if (mDocument->component(id) && !ids.contains(id))
                ids.append(id);
            else if (mDocument->region(id) && !regions.contains(id))
                regions.append(id);
        }
    }
    // A region alone shows its id and label; with components selected, the components count.
    if (ids.isEmpty() && regions.size() == 1)
        ids = regions;
    if (ids == mSelection)
        return;
    mSelection = ids;
    mIdRefusal->hide();
    rebuild();
}

void InspectorDock::rebuild()
{
    std::set<core::ComponentKind> kinds;
    if (mDocument) {
        for (const QString &id : std::as_const(mSelection)) {
            if (const core::Component *component = mDocument->component(id))
                kinds.insert(component->kind);
        }
    }
    const bool oneKind = kinds.size() == 1;
    if (mForm && (!oneKind || mForm->kind() != *kinds.begin())) {
        delete mForm;
        mForm = nullptr;
    }
    if (oneKind && !mForm) {
        mForm = new ParameterForm(mDocument, *kinds.begin(), mMessage->parentWidget());
        mForm->setObjectName(QStringLiteral("parameters"));
        mBody->insertWidget(mBody->indexOf(mMessage), mForm);
        mForm->show(); // now, not when the layout's queued show runs: fields take focus at once
    }
    showSelectionInForm();
}

void InspectorDock::showSelectionInForm()
{
    if (mForm) {
        mForm->setComponents(mSelection);
        // The id and label fields start where the parameter fields do.
        mIdName->setMinimumWidth(mForm->fieldIndent() - 6);
        mLabelName->setMinimumWidth(mForm->fieldIndent() - 6);
    }
    fitWidth();
    updateHeader();
}

void InspectorDock::fitWidth()
{
    // The dock never gets narrower than its fields need: no clipped names, values or units.
    // It is as wide as the widest kind's form needs from the start, so that selecting another
    // kind does not shift the canvas beside it.
    if (mWidestForm == 0) {
        for (const core::ComponentKind kind : core::allComponentKinds) {
            ParameterForm form(nullptr, kind);
            mWidestForm = std::max(mWidestForm, form.minimumSizeHint().width());
        }
    }
    auto *scroll = static_cast<QScrollArea *>(widget());
    const QMargins margins = mBody->contentsMargins();
    const int fields = std::max(scroll->widget()->minimumSizeHint().width(),
                                mWidestForm + margins.left() + margins.right());
    scroll->setMinimumWidth(fields + scroll->verticalScrollBar()->sizeHint().width());
}

void InspectorDock::refresh()
{
    if (mForm)
        mForm->refresh();
    updateHeader();
}

void InspectorDock::updateHeader()
{
    const int count = int(mSelection.size());
    mHeader->setVisible(count > 0);
    mIdentity->setVisible(count == 1);
    mMessage->setVisible(!mForm);
    if (count == 0) {
        mMessage->setText(tr("Select a component on the canvas to see and edit its parameters. "
                             "Select several of one kind to edit them together."));
        return;
    }

    if (const core::Region *region = mDocument->region(mSelection.front())) {
        showRegion(*region);
        return;
    }
    const core::Component *first = mDocument->component(mSelection.front());
    if (mForm) {
        const qreal ratio = devicePixelRatioF();
        QPixmap icon = KindIcons::pixmap(first->kind, qRound(iconSize * ratio));
        icon.setDevicePixelRatio(ratio);
        mIcon->setPixmap(icon);
        mTitle->setText(fromStd(core::kindTitle(first->kind)));
    } else {
        mIcon->clear();
        mTitle->setText(tr("%n components", nullptr, count));
        mMessage->setText(tr("Parameters of different kinds cannot be edited together. "
                             "Select components of one kind to edit their parameters."));
    }

    if (count == 1) {
        mSummary->setText(first->label.empty() ? fromStd(first->id) : fromStd(first->label));
        const QString id = fromStd(first->id);
        if (!(mIdEdit->hasFocus() && mIdEdit->isModified()) && mIdEdit->text() != id)
            mIdEdit->setText(id);
        const QString label = fromStd(first->label);
        if (!(mLabelEdit->hasFocus() && mLabelEdit->isModified()) && mLabelEdit->text() != label)
            mLabelEdit->setText(label);
        mLabelEdit->setPlaceholderText(tr("No label"));
        return;
    }
    QStringList shown = mSelection.mid(0, summaryIdLimit);
    QString summary = tr("%n selected: %1", nullptr, count).arg(shown.join(QStringLiteral(", ")));
    if (count > summaryIdLimit)
        summary += tr(" and %n more", nullptr, count - summaryIdLimit);
    mSummary->setText(summary);
}

void InspectorDock::showRegion(const core::Region &region)
{
    const qreal ratio = devicePixelRatioF();
    QPixmap icon = PaletteCatalog::icon(PaletteMimeData::regionKind())
                       .pixmap(QSize(iconSize, iconSize), ratio);
    mIcon->setPixmap(icon);
    mTitle->setText(tr("Region"));
    const QString id = fromStd(region.id);
    const QString label = fromStd(region.label);
    mSummary->setText(label.isEmpty() ? id : label);
    if (!(mIdEdit->hasFocus() && mIdEdit->isModified()) && mIdEdit->text() != id)
        mIdEdit->setText(id);
    if (!(mLabelEdit->hasFocus() && mLabelEdit->isModified()) && mLabelEdit->text() != label)
        mLabelEdit->setText(label);
    mLabelEdit->setPlaceholderText(tr("No label: the id is shown"));
    const auto members = mDocument->componentsInRegion(id).size();
    mMessage->setText((members == 1 ? tr("1 member.") : tr("%1 members.").arg(members)) + u' '
                      + tr("Drop components inside it to place them in this region; drag its "
                           "bottom-right grip to resize it. Deleting a region deletes its "
                           "members."));
    mMessage->setVisible(true);
}

void InspectorDock::commitId()
{
    if (!mDocument || mSelection.size() != 1)
        return;
    const QString oldId = mSelection.front();
    const QString newId = mIdEdit->text().trimmed();
    if (newId == oldId) {
        mIdEdit->setText(oldId);
        return;
    }
    if (const auto refusal = mDocument->renameId(oldId, newId)) {
        mIdRefusal->setText(sentence(*refusal));
        mIdRefusal->show();
        mIdEdit->setText(oldId); // the field reverts; the reason stays until the next edit
        return;
    }
    mIdRefusal->hide();
}

void InspectorDock::commitLabel()
{
    if (!mDocument || mSelection.size() != 1)
        return;
    mDocument->setLabel(mSelection.front(), mLabelEdit->text());
    mLabelEdit->setModified(false);
}

void InspectorDock::componentChanged(const QString &id)
{
    if (mSelection.contains(id))
        refresh();
}

void InspectorDock::componentRemoved(const QString &id)
{
    if (!mSelection.contains(id))
        return;
    QStringList rest = mSelection;
    rest.removeAll(id);
    setSelection(rest);
}

void InspectorDock::idRenamed(const QString &oldId, const QString &newId)
{
    const qsizetype index = mSelection.indexOf(oldId);
    if (index < 0)
        return;
    mSelection[index] = newId;
    showSelectionInForm();
}

void InspectorDock::topologyReset()
{
    // Ids that survive (an Open of the same file) stay selected; the form is built anew.
    const QStringList previous = mSelection;
    mSelection.clear();
    delete mForm;
    mForm = nullptr;
    setSelection(previous);
    if (mSelection.isEmpty())
        rebuild();
}

void InspectorDock::changeEvent(QEvent *event)
{
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateErrorColour();
}

void InspectorDock::updateErrorColour()
{
    QPalette palette = mIdRefusal->palette();
    palette.setColor(QPalette::WindowText, ParameterEditor::errorColour(this->palette()));
    mIdRefusal->setPalette(palette);
}

} // namespace topolab::app
