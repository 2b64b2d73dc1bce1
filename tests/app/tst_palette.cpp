// The component palette: every kind listed with its icon, filtering, the drag payload and
// activation by mouse and keyboard, driven through the real widgets.

#include "designer/palettecatalog.h"
#include "designer/palettedock.h"
#include "designer/palettemimedata.h"
#include "designer/paletteview.h"

#include "core/model/componentkind.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QMouseEvent>
#include <QPalette>
#include <QSignalSpy>
#include <QTest>

using namespace topolab;
using namespace topolab::app;

namespace {

QString nameOf(core::ComponentKind kind)
{
    const std::string_view name = core::kindName(kind);
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

QStringList visibleHeaders(const PaletteDock &dock)
{
    QStringList headers;
    for (int i = 0; i < dock.view()->topLevelItemCount(); ++i) {
        if (!dock.view()->topLevelItem(i)->isHidden())
            headers << dock.view()->topLevelItem(i)->text(0);
    }
    return headers;
}

// Whether any pixel of `image` is painted.
bool hasInk(const QImage &image)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) > 0)
                return true;
        }
    }
    return false;
}

// A double click as the window system delivers it: press, release, double-click, release.
// (QTest::mouseDClick produced no double-click event on the offscreen platform here.)
void doubleClick(QWidget *widget, QPoint pos)
{
    QTest::mouseClick(widget, Qt::LeftButton, {}, pos);
    QMouseEvent event(QEvent::MouseButtonDblClick, pos, widget->mapToGlobal(pos), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, pos);
}

} // namespace

class TestPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsEveryKindWithIcon();
    void groupsHoldTheirKinds();
    void toolTipsComeFromTheRulesTable();
    void filters_data();
    void filters();
    void emptyFilterShowsMessage();
    void mimeDataRoundTrips();
    void mimeDataRefusesStrangers();
    void doubleClickActivates();
    void enterOnFilterActivatesSingleMatch();
    void enterOnFilterWithSeveralMatchesEntersList();
    void keyboardSkipsGroupHeaders();
    void screenshot();
};

void TestPalette::listsEveryKindWithIcon()
{
    PaletteDock dock;
    QStringList expected;
    for (const core::ComponentKind kind : core::allComponentKinds)
        expected << nameOf(kind);
    expected << QStringLiteral("region");

    QStringList listed = dock.visibleKinds();
    QCOMPARE(listed.size(), 10);
    listed.sort();
    expected.sort();
    QCOMPARE(listed, expected);

    for (const QString &kind : expected) {
        QTreeWidgetItem *item = dock.itemForKind(kind);
        QVERIFY2(item, qPrintable(kind));
        QVERIFY(!item->text(0).isEmpty());
        QVERIFY2(!item->icon(0).isNull(), qPrintable(kind));
        for (const qreal ratio : {1.0, 2.0}) {
            const QPixmap pixmap
                = item->icon(0).pixmap(QSize(PaletteDock::IconSize, PaletteDock::IconSize), ratio);
            QCOMPARE(pixmap.size(), QSize(PaletteDock::IconSize, PaletteDock::IconSize) * ratio);
            QVERIFY2(hasInk(pixmap.toImage()), qPrintable(kind));
        }
    }
    QCOMPARE(dock.view()->iconSize(), QSize(PaletteDock::IconSize, PaletteDock::IconSize));
}

void TestPalette::groupsHoldTheirKinds()
{
    PaletteDock dock;
    QCOMPARE(
        visibleHeaders(dock),
        (QStringList{QStringLiteral("Traffic"), QStringLiteral("Compute"), QStringLiteral("Data"),
                     QStringLiteral("Network"), QStringLiteral("Layout")}));
    QCOMPARE(dock.itemForKind(QStringLiteral("load_balancer"))->parent()->text(0),
             QStringLiteral("Traffic"));
    QCOMPARE(dock.itemForKind(QStringLiteral("shared_storage"))->parent()->text(0),
             QStringLiteral("Data"));
    QCOMPARE(dock.itemForKind(QStringLiteral("region"))->parent()->text(0),
             QStringLiteral("Layout"));
    // Headers are neither selectable nor dragged.
    for (int i = 0; i < dock.view()->topLevelItemCount(); ++i) {
        QTreeWidgetItem *header = dock.view()->topLevelItem(i);
        QVERIFY(!(header->flags() & Qt::ItemIsSelectable));
        QVERIFY(!dock.view()->dragMimeData(header));
    }
}

void TestPalette::toolTipsComeFromTheRulesTable()
{
    PaletteDock dock;
    const QString lb = dock.itemForKind(QStringLiteral("load_balancer"))->toolTip(0);
    QVERIFY(lb.contains(QStringLiteral("Connects to: App server (requests)")));
    QVERIFY(lb.contains(QStringLiteral("Linked from: DNS (requests)")));
    const QString db = dock.itemForKind(QStringLiteral("database"))->toolTip(0);
    QVERIFY(db.contains(QStringLiteral("Database (replication)")));
    QVERIFY(db.contains(QStringLiteral("VPN (VPN tunnel)")));
    const QString dns = dock.itemForKind(QStringLiteral("dns"))->toolTip(0);
    QVERIFY(dns.contains(QStringLiteral("Linked from: nothing")));
    const QString region = dock.itemForKind(QStringLiteral("region"))->toolTip(0);
    QVERIFY(region.contains(QStringLiteral("Stay outside: DNS, VPN")));
}

void TestPalette::filters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("kinds");
    QTest::addColumn<QStringList>("headers");

    const QString data = QStringLiteral("Data");
    QTest::newRow("data") << QStringLiteral("data")
                          << QStringList{QStringLiteral("database"), QStringLiteral("volume"),
                                         QStringLiteral("backup"), QStringLiteral("object_storage"),
                                         QStringLiteral("shared_storage")}
                          << QStringList{data};
    QTest::newRow("bal") << QStringLiteral("bal") << QStringList{QStringLiteral("load_balancer")}
                         << QStringList{QStringLiteral("Traffic")};
    QTest::newRow("case") << QStringLiteral("  BAL ")
                          << QStringList{QStringLiteral("load_balancer")}
                          << QStringList{QStringLiteral("Traffic")};
    QTest::newRow("kind name") << QStringLiteral("app_server")
                               << QStringList{QStringLiteral("app_server")}
                               << QStringList{QStringLiteral("Compute")};
    QTest::newRow("description") << QStringLiteral("tinc") << QStringList{QStringLiteral("vpn")}
                                 << QStringList{QStringLiteral("Network")};
    QTest::newRow("two terms") << QStringLiteral("storage shared")
                               << QStringList{QStringLiteral("shared_storage")}
                               << QStringList{data};
    QTest::newRow("region") << QStringLiteral("region")
                            << QStringList{QStringLiteral("vpn"), QStringLiteral("region")}
                            << QStringList{QStringLiteral("Network"), QStringLiteral("Layout")};
    QTest::newRow("zzz") << QStringLiteral("zzz") << QStringList{} << QStringList{};
}

void TestPalette::filters()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, kinds);
    QFETCH(QStringList, headers);

    PaletteDock dock;
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QTest::keyClicks(dock.filterEdit(), filter);
    QCOMPARE(dock.filterEdit()->text(), filter);
    QCOMPARE(dock.visibleKinds(), kinds);
    QCOMPARE(visibleHeaders(dock), headers);
    QCOMPARE(dock.emptyLabel()->isVisible(), kinds.isEmpty());
    QCOMPARE(dock.view()->isVisible(), !kinds.isEmpty());

    // Clearing brings everything back.
    dock.filterEdit()->clear();
    QCOMPARE(dock.visibleKinds().size(), 10);
    QVERIFY(!dock.emptyLabel()->isVisible());
}

void TestPalette::emptyFilterShowsMessage()
{
    PaletteDock dock;
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    dock.setFilter(QStringLiteral("zzz"));
    QVERIFY(dock.emptyLabel()->isVisible());
    QVERIFY(dock.emptyLabel()->text().startsWith(QStringLiteral("No component matches")));
    QVERIFY(dock.emptyLabel()->text().contains(QStringLiteral("zzz")));
    QVERIFY(visibleHeaders(dock).isEmpty());
}

void TestPalette::mimeDataRoundTrips()
{
    PaletteDock dock;
    for (const QString &kind : dock.visibleKinds()) {
        QTreeWidgetItem *item = dock.itemForKind(kind);
        std::unique_ptr<QMimeData> data(dock.view()->dragMimeData(item));
        QVERIFY(data);
        QVERIFY(data->hasFormat(QStringLiteral("application/x-topolab-kind")));
        QVERIFY(PaletteMimeData::canDecode(data.get()));
        QCOMPARE(PaletteMimeData::decode(data.get()), kind);
        QCOMPARE(data->text(), kind);

        const QPixmap image = dock.view()->dragPixmap(item);
        QCOMPARE(image.deviceIndependentSize().toSize(),
                 QSize(PaletteView::DragIconSize, PaletteView::DragIconSize));
        QVERIFY(hasInk(image.toImage()));
    }
}

void TestPalette::mimeDataRefusesStrangers()
{
    QVERIFY(PaletteMimeData::decode(nullptr).isEmpty());
    QMimeData plain;
    plain.setText(QStringLiteral("database")); // text alone is not a palette drag
    QVERIFY(!PaletteMimeData::canDecode(&plain));
    QMimeData unknown;
    unknown.setData(PaletteMimeData::mimeType(), QByteArrayLiteral("mainframe"));
    QVERIFY(PaletteMimeData::decode(&unknown).isEmpty());
    std::unique_ptr<QMimeData> region(PaletteMimeData::encode(PaletteMimeData::regionKind()));
    QCOMPARE(PaletteMimeData::decode(region.get()), QStringLiteral("region"));
}

void TestPalette::doubleClickActivates()
{
    PaletteDock dock;
    dock.resize(240, 520);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QSignalSpy spy(&dock, &PaletteDock::kindActivated);

    PaletteView *view = dock.view();
    const QRect rect = view->visualItemRect(dock.itemForKind(QStringLiteral("database")));
    QVERIFY(rect.isValid());
    doubleClick(view->viewport(), rect.center());
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("database"));

    // A group header does nothing.
    const QRect header = view->visualItemRect(view->topLevelItem(0));
    doubleClick(view->viewport(), header.center());
    QCOMPARE(spy.size(), 1);
}

void TestPalette::enterOnFilterActivatesSingleMatch()
{
    PaletteDock dock;
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QSignalSpy spy(&dock, &PaletteDock::kindActivated);

    QTest::keyClicks(dock.filterEdit(), QStringLiteral("bal"));
    QTest::keyClick(dock.filterEdit(), Qt::Key_Return);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("load_balancer"));

    // Nothing matches: Enter does nothing.
    dock.filterEdit()->clear();
    QTest::keyClicks(dock.filterEdit(), QStringLiteral("zzz"));
    QTest::keyClick(dock.filterEdit(), Qt::Key_Enter);
    QCOMPARE(spy.size(), 1);
}

void TestPalette::enterOnFilterWithSeveralMatchesEntersList()
{
    PaletteDock dock;
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QSignalSpy spy(&dock, &PaletteDock::kindActivated);

    QTest::keyClicks(dock.filterEdit(), QStringLiteral("storage"));
    QTest::keyClick(dock.filterEdit(), Qt::Key_Return);
    QCOMPARE(spy.size(), 0);
    QCOMPARE(dock.view()->currentItem(), dock.itemForKind(QStringLiteral("object_storage")));
    QTest::keyClick(dock.view(), Qt::Key_Down);
    QCOMPARE(dock.view()->currentItem(), dock.itemForKind(QStringLiteral("shared_storage")));
    QTest::keyClick(dock.view(), Qt::Key_Return);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("shared_storage"));
}

void TestPalette::keyboardSkipsGroupHeaders()
{
    PaletteDock dock;
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QSignalSpy spy(&dock, &PaletteDock::kindActivated);

    QTest::keyClick(dock.filterEdit(), Qt::Key_Down);
    QCOMPARE(dock.view()->currentItem(), dock.itemForKind(QStringLiteral("dns")));
    QTest::keyClick(dock.view(), Qt::Key_Down);
    QCOMPARE(dock.view()->currentItem(), dock.itemForKind(QStringLiteral("load_balancer")));
    QTest::keyClick(dock.view(), Qt::Key_Down); // over the "Compute" header
    QCOMPARE(dock.view()->currentItem(), dock.itemForKind(QStringLiteral("app_server")));
    QVERIFY(dock.view()->currentItem()->isSelected());
    QTest::keyClick(dock.view(), Qt::Key_End);
    QCOMPARE(dock.view()->currentItem(), dock.itemForKind(QStringLiteral("region")));
    QTest::keyClick(dock.view(), Qt::Key_Enter);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("region"));
}

void TestPalette::screenshot()
{
    PaletteDock dock;
    dock.resize(230, 470);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    dock.view()->setCurrentItem(dock.itemForKind(QStringLiteral("app_server")));
    QVERIFY(dock.grab().save(QStringLiteral("/tmp/palette.png")));

    dock.setFilter(QStringLiteral("stor"));
    QVERIFY(dock.grab().save(QStringLiteral("/tmp/palette-filtered.png")));
    dock.setFilter(QStringLiteral("zzz"));
    QVERIFY(dock.grab().save(QStringLiteral("/tmp/palette-empty.png")));
    dock.setFilter(QString());

    // A dark palette: the group headers follow it.
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    dock.setPalette(dark);
    QCOMPARE(dock.view()->topLevelItem(0)->foreground(0).color(), QColor(0x9a, 0x9a, 0x9a));
    QVERIFY(dock.grab().save(QStringLiteral("/tmp/palette-dark.png")));
}

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
