// The read-only viewer window: what it draws for a file, what it lists for a broken one, and
// what clicking an issue does. Runs on the offscreen platform.
#include "gui/canvasview.h"
#include "gui/componentitem.h"
#include "gui/issuesdock.h"
#include "gui/kindicons.h"
#include "gui/linkitem.h"
#include "gui/mainwindow.h"
#include "gui/regionitem.h"
#include "gui/statussummary.h"
#include "gui/topologyscene.h"
#include "gui/vieweractions.h"
#include "gui/viewerdocument.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace topolab;
using namespace topolab::app;

namespace {

const QByteArray smallTopology = R"(topolab: 1
name: Small
regions:
  - {id: fra1, label: Frankfurt 1}
components:
  - {id: www, kind: dns}
  - {id: lb-1, kind: load_balancer, region: fra1}
  - {id: app-1, kind: app_server, region: fra1}
  - {id: app-2, kind: app_server, region: fra1}
  - {id: db-1, kind: database, region: fra1, role: primary}
  - {id: vol-1, kind: volume, region: fra1}
links:
  - {from: www, to: lb-1}
  - {from: lb-1, to: app-1}
  - {from: lb-1, to: app-2}
  - {from: app-1, to: db-1}
  - {from: app-2, to: db-1}
  - {from: db-1, to: vol-1}
)";

// Line 4 has an unknown key at column 26, line 5 an unknown kind at column 22.
const QByteArray brokenTopology = R"(topolab: 1
name: Broken
components:
  - {id: www, kind: dns, colour: red}
  - {id: lb-1, kind: load_balancr}
)";

// lb-orphan forwards to nothing: an error about that component.
const QByteArray topologyWithIssues = R"(topolab: 1
name: With issues
regions:
  - {id: fra1, label: Frankfurt 1}
components:
  - {id: www, kind: dns}
  - {id: lb-1, kind: load_balancer, region: fra1}
  - {id: lb-orphan, kind: load_balancer, region: fra1}
  - {id: app-1, kind: app_server, region: fra1, db_queries: 0}
links:
  - {from: www, to: lb-1}
  - {from: lb-1, to: app-1}
)";

template<typename Item> QList<Item *> itemsOfType(const QGraphicsScene &scene)
{
    QList<Item *> out;
    for (QGraphicsItem *item : scene.items()) {
        if (item->type() == Item::Type)
            out.append(static_cast<Item *>(item));
    }
    return out;
}

QStringList issueTexts(const MainWindow &window)
{
    QStringList out;
    const QTreeWidget *list = window.issuesDock()->list();
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        out.append(list->topLevelItem(i)->text(IssuesDock::MessageColumn));
    return out;
}

bool boxesOverlap(const QList<ComponentItem *> &items)
{
    for (int i = 0; i < items.size(); ++i) {
        for (int j = i + 1; j < items.size(); ++j) {
            if (items[i]
                    ->mapRectToScene(items[i]->box())
                    .intersects(items[j]->mapRectToScene(items[j]->box())))
                return true;
        }
    }
    return false;
}

} // namespace

class TestViewer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;

    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = mDir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            qFatal("cannot write the test file");
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(mDir.isValid()); }

    void everyKindHasAnIcon()
    {
        for (core::ComponentKind kind : core::allComponentKinds) {
            QSvgRenderer renderer(KindIcons::resourcePath(kind));
            QVERIFY2(renderer.isValid(), qPrintable(KindIcons::resourcePath(kind)));
            QCOMPARE(renderer.viewBox(), QRect(0, 0, 48, 48));
            QVERIFY(!KindIcons::pixmap(kind, 32).isNull());
        }
    }

    void noFileShowsAnEmptyCanvas()
    {
        MainWindow window;
        QCOMPARE(window.windowTitle(), QStringLiteral("Topolab"));
        QVERIFY(itemsOfType<ComponentItem>(*window.scene()).isEmpty());
        QCOMPARE(window.issuesDock()->list()->topLevelItemCount(), 0);
    }

    void oneItemPerComponentAndLink()
    {
        MainWindow window;
        QVERIFY(window.openFile(write(QStringLiteral("small.topolab.yaml"), smallTopology)));
        const QGraphicsScene &scene = *window.scene();
        const QList<ComponentItem *> components = itemsOfType<ComponentItem>(scene);
        QCOMPARE(components.size(), 6);
        QCOMPARE(itemsOfType<LinkItem>(scene).size(), 6);
        QCOMPARE(itemsOfType<RegionItem>(scene).size(), 1);
        for (const char *id : {"www", "lb-1", "app-1", "app-2", "db-1", "vol-1"})
            QVERIFY2(window.scene()->componentItem(QString::fromUtf8(id)), id);
        QCOMPARE(window.scene()->componentItem(QStringLiteral("db-1"))->kind(),
                 core::ComponentKind::Database);

        // Without a layout section everything is placed automatically, apart and in its region.
        QVERIFY(!boxesOverlap(components));
        const QRectF region = itemsOfType<RegionItem>(scene).first()->sceneBoundingRect();
        for (ComponentItem *item : components) {
            const bool inside = region.contains(item->mapRectToScene(item->box()));
            QCOMPARE(inside, item->id() != QStringLiteral("www"));
        }
        // Inside a region the link, not the region around it, answers the mouse.
        for (LinkItem *link : itemsOfType<LinkItem>(scene)) {
            if (link->from() != u"lb-1" || link->to() != u"app-1")
                continue;
            const auto centre = [&](const QString &id) {
                const ComponentItem *item = window.scene()->componentItem(id);
                return item->mapRectToScene(item->box()).center();
            };
            const QList<QGraphicsItem *> under
                = scene.items((centre(link->from()) + centre(link->to())) / 2);
            const auto withTip = std::find_if(under.begin(), under.end(), [](QGraphicsItem *i) {
                return !i->toolTip().isEmpty();
            });
            QVERIFY(withTip != under.end());
            QCOMPARE((*withTip)->type(), int(LinkItem::Type));
            QVERIFY((*withTip)->toolTip().contains(QStringLiteral("request")));
        }
        QCOMPARE(window.windowTitle(), QStringLiteral("small.topolab.yaml — Topolab"));
        QVERIFY(window.findChild<StatusSummary *>()->text().startsWith(
            QStringLiteral("6 components  ·  6 links  ·  0 errors")));
    }

    void layoutEntriesPlaceBoxCentres()
    {
        const QByteArray text
            = smallTopology
              + "layout:\n  fra1: {x: 0, y: 100, width: 900, height: 600}\n"
                "  lb-1: {x: 450, y: 200}\n  www: {x: 450, y: 40, width: 300, height: 50}\n";
        MainWindow window;
        QVERIFY(window.openFile(write(QStringLiteral("placed.topolab.yaml"), text)));
        const TopologyScene &scene = *window.scene();
        const auto centre = [&scene](const char *id) {
            const ComponentItem *item = scene.componentItem(QString::fromUtf8(id));
            return item->mapRectToScene(item->box()).center();
        };
        QCOMPARE(centre("lb-1"), QPointF(450, 200));
        QCOMPARE(centre("www"), QPointF(450, 40));
        const ComponentItem *www = scene.componentItem(QStringLiteral("www"));
        QCOMPARE(www->box().size(), QSizeF(300, 50));
        QCOMPARE(scene.elementItem(QStringLiteral("fra1"))->pos(), QPointF(0, 100));
        QVERIFY(!boxesOverlap(itemsOfType<ComponentItem>(scene)));
    }

    void loadErrorsAreListedWithLineAndColumn()
    {
        MainWindow window;
        QVERIFY(!window.openFile(write(QStringLiteral("broken.topolab.yaml"), brokenTopology)));
        QVERIFY(window.document()->loadFailed());
        QVERIFY(itemsOfType<ComponentItem>(*window.scene()).isEmpty());
        const QStringList texts = issueTexts(window);
        QCOMPARE(texts.size(), int(window.document()->diagnostics().size()));
        QVERIFY2(texts.size() >= 2, qPrintable(texts.join(u'\n')));
        QVERIFY2(texts.at(0).startsWith(QStringLiteral("broken.topolab.yaml:4:26: error: ")),
                 qPrintable(texts.at(0)));
        QVERIFY(texts.at(0).endsWith(QStringLiteral("[unknown-key]")));
        QVERIFY2(texts.at(1).startsWith(QStringLiteral("broken.topolab.yaml:5:22: error: ")),
                 qPrintable(texts.at(1)));
        QVERIFY(window.findChild<StatusSummary *>()->text().contains(QStringLiteral("errors")));
    }

    void unreadableFileIsAnIssueNotACrash()
    {
        MainWindow window;
        QVERIFY(!window.openFile(mDir.filePath(QStringLiteral("missing.topolab.yaml"))));
        const QStringList texts = issueTexts(window);
        QCOMPARE(texts.size(), 1);
        QVERIFY2(texts.at(0).startsWith(QStringLiteral("missing.topolab.yaml:1:1: error: ")),
                 qPrintable(texts.at(0)));
    }

    void clickingAnIssueSelectsItsComponent()
    {
        MainWindow window;
        window.resize(900, 600);
        QVERIFY(window.openFile(write(QStringLiteral("issues.topolab.yaml"), topologyWithIssues)));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.view()->zoomIn();
        window.view()->zoomIn();
        window.view()->zoomIn();

        QTreeWidget *list = window.issuesDock()->list();
        QTreeWidgetItem *issue = nullptr;
        for (int i = 0; i < list->topLevelItemCount() && !issue; ++i) {
            QTreeWidgetItem *candidate = list->topLevelItem(i);
            if (candidate->data(0, IssuesDock::ElementIdRole).toString() == u"lb-orphan"
                && candidate->icon(0).cacheKey() != 0)
                issue = candidate;
        }
        QVERIFY(issue);
        QCOMPARE(issue->text(IssuesDock::CodeColumn), QStringLiteral("lb-no-app-server"));
        QVERIFY(issue->text(IssuesDock::LocationColumn)
                    .startsWith(QStringLiteral("issues.topolab.yaml:8:")));

        ComponentItem *target = window.scene()->componentItem(QStringLiteral("lb-orphan"));
        QVERIFY(!target->isSelected());
        list->scrollToItem(issue);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(issue).center());
        QVERIFY(target->isSelected());
        QCOMPARE(window.scene()->selectedItems().size(), 1);
        const QPoint shown = window.view()->mapFromScene(target->sceneBoundingRect().center());
        const QRect middle = window.view()->viewport()->rect().adjusted(100, 50, -100, -50);
        QVERIFY2(middle.contains(shown), "the component is not brought to the middle");
    }

    void zoomActionsChangeTheScale()
    {
        MainWindow window;
        window.resize(900, 600);
        QVERIFY(window.openFile(write(QStringLiteral("zoom.topolab.yaml"), smallTopology)));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const qreal fitted = window.view()->zoom();
        window.actions()->zoomIn()->trigger();
        QVERIFY(window.view()->zoom() > fitted);
        window.actions()->zoomOut()->trigger();
        window.actions()->zoomOut()->trigger();
        QVERIFY(window.view()->zoom() < fitted);
        window.actions()->fitToView()->trigger();
        QCOMPARE(window.view()->zoom(), fitted);
        QCOMPARE(window.actions()->fitToView()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_0));
    }

    void largeTopologyWrapsRowsWithoutOverlap()
    {
        QByteArray text = "topolab: 1\nname: Large\nregions:\n";
        QByteArray components = "components:\n  - {id: www, kind: dns}\n";
        QByteArray links = "links:\n";
        for (int r = 0; r < 8; ++r) {
            const QByteArray region = "r" + QByteArray::number(r);
            text += "  - {id: " + region + "}\n";
            components
                += "  - {id: " + region + "-lb, kind: load_balancer, region: " + region + "}\n";
            links += "  - {from: www, to: " + region + "-lb}\n";
            for (int a = 0; a < 120; ++a) {
                const QByteArray app = region + "-app-" + QByteArray::number(a);
                components += "  - {id: " + app + ", kind: app_server, region: " + region
                              + ", db_queries: 0}\n";
                links += "  - {from: " + region + "-lb, to: " + app + "}\n";
            }
        }
        MainWindow window;
        QVERIFY(window.openFile(
            write(QStringLiteral("large.topolab.yaml"), text + components + links)));
        const QList<ComponentItem *> items = itemsOfType<ComponentItem>(*window.scene());
        QCOMPARE(items.size(), 1 + 8 * 121);
        QCOMPARE(itemsOfType<LinkItem>(*window.scene()).size(), 8 * 121);
        QVERIFY(!boxesOverlap(items));
    }

    void examplesOpenCleanly()
    {
        const QDir examples(QStringLiteral(TOPOLAB_EXAMPLES));
        const QStringList files
            = examples.entryList({QStringLiteral("*.topolab.yaml")}, QDir::Files, QDir::Name);
        if (files.isEmpty())
            QSKIP("no example files yet");
        for (const QString &name : files) {
            MainWindow window;
            QVERIFY2(window.openFile(examples.filePath(name)), qPrintable(name));
            QCOMPARE(window.document()->errorCount(), 0);
            const QList<ComponentItem *> components = itemsOfType<ComponentItem>(*window.scene());
            QCOMPARE(components.size(), int(window.document()->topology()->components.size()));
            QVERIFY2(!boxesOverlap(components), qPrintable(name));
        }
    }
};

QTEST_MAIN(TestViewer)
#include "tst_viewer.moc"
