#include "randomfailurespanel.h"

#include "failurechip.h"

#include "designer/palettecatalog.h"
#include "designer/parametereditor.h"
#include "document/topologydocument.h"

#include "core/model/schemas.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace topolab::app {

namespace {

using K = core::ComponentKind;

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString number(double value)
{
    return QString::fromStdString(core::formatParamValue(value));
}

// "MTBF (h)" with the schema's title and description in the tooltip.
QTableWidgetItem *headerItem(const QString &text, const char *key)
{
    auto *item = new QTableWidgetItem(text);
    const core::ParamSpec *spec = core::randomFailureSchema().find(key);
    item->setToolTip(QString::fromStdString(spec->title + ": " + spec->description)
                     + QLatin1Char('\n')
                     + RandomFailuresPanel::tr("Key in the file: %1").arg(QString::fromUtf8(key)));
    return item;
}

} // namespace

RandomFailuresPanel::RandomFailuresPanel(TopologyDocument *document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mTable(new QTableWidget(0, 4, this))
    , mAdd(new QToolButton(this))
    , mRemove(new QToolButton(this))
    , mMessage(new QLabel(this))
{
    setObjectName(QStringLiteral("randomFailures"));
    mTable->setObjectName(QStringLiteral("randomFailureTable"));
    mTable->setHorizontalHeaderItem(KindColumn, headerItem(tr("Kind"), "kind"));
    mTable->setHorizontalHeaderItem(MtbfColumn, headerItem(tr("MTBF (h)"), "mtbf_h"));
    mTable->setHorizontalHeaderItem(MttrColumn, headerItem(tr("MTTR (min)"), "mttr_min"));
    mTable->setHorizontalHeaderItem(ModeColumn, headerItem(tr("Mode"), "mode"));
    mTable->verticalHeader()->hide();
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    // Columns as wide as a kind's name, a number and a mode need; the table no wider than them.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    QHeaderView *header = mTable->horizontalHeader();
    header->setStretchLastSection(true);
    header->resizeSection(KindColumn, em * 13);
    header->resizeSection(MtbfColumn, em * 7);
    header->resizeSection(MttrColumn, em * 7);
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    mTable->setFixedWidth(em * 37 + scrollBar + 2 * mTable->frameWidth());
    mTable->setAlternatingRowColors(true);
    // An edit refreshes the table, which must not happen inside the item's own commit: the
    // cell's place and text are taken now, the edit is made once the event loop is back.
    connect(mTable, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (mFilling)
            return;
        const int row = item->row();
        const int column = item->column();
        const QString text = item->text();
        QTimer::singleShot(0, this, [this, row, column, text] { cellEdited(row, column, text); });
    });
    connect(mTable, &QTableWidget::itemSelectionChanged, this, &RandomFailuresPanel::updateButtons);

    mAdd->setObjectName(QStringLiteral("addRandomFailure"));
    mAdd->setText(tr("Add"));
    mAdd->setToolTip(tr("Add random failures for every component of a kind."));
    connect(mAdd, &QToolButton::clicked, this, [this] { addRow(); });
    mRemove->setObjectName(QStringLiteral("removeRandomFailure"));
    mRemove->setText(tr("Remove"));
    mRemove->setToolTip(tr("Remove the selected row."));
    connect(mRemove, &QToolButton::clicked, this, [this] { removeRow(mTable->currentRow()); });

    mMessage->setObjectName(QStringLiteral("randomFailureMessage"));
    mMessage->setWordWrap(true);
    QPalette messagePalette = mMessage->palette();
    messagePalette.setColor(QPalette::WindowText, ParameterEditor::errorColour(palette()));
    mMessage->setPalette(messagePalette);
    mMessage->hide();

    auto *hint = new QLabel(tr("Every component of the kind fails now and then, at random, with "
                               "these mean times; each replication draws its own."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(mAdd);
    buttons->addWidget(mRemove);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(hint);
    layout->addWidget(mTable, 1, Qt::AlignLeft);
    layout->addWidget(mMessage);
    layout->addLayout(buttons);
    refresh();
}

QWidget *RandomFailuresPanel::choiceBox(int row, int column)
{
    if (auto *existing = qobject_cast<QComboBox *>(mTable->cellWidget(row, column)))
        return existing;
    auto *box = new QComboBox(mTable);
    box->setFrame(false);
    if (column == KindColumn) {
        box->setObjectName(QStringLiteral("kind"));
        for (K kind : core::allComponentKinds) {
            const QString name = fromView(core::kindName(kind));
            box->addItem(PaletteCatalog::icon(name), PaletteCatalog::title(kind), name);
        }
    } else {
        box->setObjectName(QStringLiteral("mode"));
        for (const std::string &mode : core::randomFailureSchema().find("mode")->choices) {
            const QString name = QString::fromStdString(mode);
            box->addItem(name, name);
            box->setItemData(box->count() - 1, FailureChip::modeColour(name), Qt::ForegroundRole);
        }
    }
    // The row is read when the choice is made: rows above may have gone meanwhile.
    connect(box, &QComboBox::activated, this, [this, box, column](int index) {
        for (int r = 0; r < mTable->rowCount(); ++r) {
            if (mTable->cellWidget(r, column) == box) {
                mTable->setCurrentCell(r, column);
                apply(r, column == KindColumn ? "kind" : "mode",
                      box->itemData(index).toString().toStdString());
                return;
            }
        }
    });
    mTable->setCellWidget(row, column, box);
    return box;
}

void RandomFailuresPanel::refresh()
{
    mFilling = true;
    const int current = mTable->currentRow();
    const core::Topology &t = mDocument->topology();
    const auto *rows = t.scenario ? &t.scenario->randomFailures : nullptr;
    const int count = rows ? int(rows->size()) : 0;
    mTable->setRowCount(count);
    for (int r = 0; r < count; ++r) {
        const core::ParamSet &p = (*rows)[std::size_t(r)].params;
        for (int column : {KindColumn, ModeColumn}) {
            auto *box = static_cast<QComboBox *>(choiceBox(r, column));
            const QString value
                = QString::fromStdString(p.text(column == KindColumn ? "kind" : "mode"));
            box->setCurrentIndex(box->findData(value));
        }
        for (auto [column, key] : {std::pair{MtbfColumn, "mtbf_h"}, {MttrColumn, "mttr_min"}}) {
            QTableWidgetItem *item = mTable->item(r, column);
            if (!item) {
                item = new QTableWidgetItem;
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                mTable->setItem(r, column, item);
            }
            item->setText(number(p.number(key)));
            const core::ParamSpec *spec = core::randomFailureSchema().find(key);
            item->setToolTip(QString::fromStdString(spec->description) + QLatin1Char('\n')
                             + tr("Allowed: %1.").arg(ParameterEditor::rangeText(*spec)));
        }
    }
    // A row is always current while there is one, so that Remove says what it removes.
    if (count > 0)
        mTable->setCurrentCell(std::clamp(current, 0, count - 1),
                               std::max(mTable->currentColumn(), int(MtbfColumn)));
    mFilling = false;
    updateButtons();
}

void RandomFailuresPanel::updateButtons()
{
    mRemove->setEnabled(mTable->currentRow() >= 0 && mTable->rowCount() > 0);
}

int RandomFailuresPanel::addRow()
{
    const core::Topology &t = mDocument->topology();
    std::vector<std::string> taken;
    if (t.scenario) {
        for (const core::RandomFailure &f : t.scenario->randomFailures)
            taken.push_back(f.params.text("kind"));
    }
    // The kinds that fail most often in practice, among those the topology has.
    std::string kind = "app_server";
    for (K k : {K::AppServer, K::LoadBalancer, K::Database, K::Volume, K::ObjectStorage,
                K::SharedStorage, K::Vpn, K::Backup, K::Dns}) {
        const std::string name(core::kindName(k));
        if (!t.componentsOfKind(k).empty()
            && std::find(taken.begin(), taken.end(), name) == taken.end()) {
            kind = name;
            break;
        }
    }
    core::RandomFailure failure{core::ParamSet(core::randomFailureSchema())};
    failure.params.set("kind", kind);
    failure.params.set("mtbf_h", core::randomFailureSchema().find("mtbf_h")->defaultValue);
    failure.params.set("mttr_min", core::randomFailureSchema().find("mttr_min")->defaultValue);
    const auto refusal = mDocument->editSections(
        tr("Add random failures of %1").arg(QString::fromStdString(kind)),
        [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
            if (!s.scenario)
                s.scenario = core::Scenario{core::ParamSet(core::scenarioSchema()), {}, {}};
            s.scenario->randomFailures.push_back(failure);
            return std::nullopt;
        });
    if (refusal)
        return -1;
    refresh();
    const int row = mTable->rowCount() - 1;
    mTable->setCurrentCell(row, MtbfColumn);
    return row;
}

bool RandomFailuresPanel::removeRow(int row)
{
    const auto refusal = mDocument->editSections(
        tr("Remove random failures"),
        [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
            if (!s.scenario || row < 0 || row >= int(s.scenario->randomFailures.size()))
                return std::string("no such row");
            s.scenario->randomFailures.erase(s.scenario->randomFailures.begin() + row);
            return std::nullopt;
        });
    return !refusal;
}

void RandomFailuresPanel::cellEdited(int row, int column, const QString &text)
{
    if (row < 0 || row >= mTable->rowCount())
        return;
    const char *key = column == MtbfColumn ? "mtbf_h" : "mttr_min";
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok) {
        mMessage->setText(tr("“%1” is not a number.").arg(text.trimmed()));
        mMessage->show();
        refresh();
        return;
    }
    apply(row, key, value);
}

void RandomFailuresPanel::apply(int row, const std::string &key, const core::ParamValue &value)
{
    const auto refusal = mDocument->editSections(
        tr("Set %1 of random failures").arg(QString::fromStdString(key)),
        [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
            if (!s.scenario || row < 0 || row >= int(s.scenario->randomFailures.size()))
                return std::string("no such row");
            return s.scenario->randomFailures[std::size_t(row)].params.set(key, value);
        });
    if (refusal) {
        QString text = *refusal;
        if (!text.isEmpty())
            text[0] = text[0].toUpper();
        mMessage->setText(text.endsWith(QLatin1Char('.')) ? text : text + QLatin1Char('.'));
        mMessage->show();
    } else {
        mMessage->hide();
    }
    refresh();
}

} // namespace topolab::app
