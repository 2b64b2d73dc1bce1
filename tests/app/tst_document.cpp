// The editing document: every undo command restores the saved bytes and redoes them exactly,
// files round-trip byte for byte, refusals push nothing and say why. Needs no widgets.
#include "document/clipboardfragment.h"
#include "document/topologydocument.h"

#include "core/io/topologyreader.h"
#include "core/model/connectionrules.h"
#include "core/model/paramspec.h"
#include "core/model/schemas.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <functional>
#include <map>

using namespace topolab;
using namespace topolab::app;
using Kind = core::ComponentKind;

namespace {

QString examplePath(const QString &name)
{
    return QStringLiteral(TOPOLAB_EXAMPLES "/") + name + QStringLiteral(".topolab.yaml");
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray bytes(const TopologyDocument &doc)
{
    return QByteArray::fromStdString(doc.serialized());
}

QStringList ofKind(const TopologyDocument &doc, Kind kind)
{
    QStringList ids;
    for (const auto &c : doc.topology().components) {
        if (c.kind == kind)
            ids.append(QString::fromStdString(c.id));
    }
    return ids;
}

QString firstRegion(const TopologyDocument &doc)
{
    return QString::fromStdString(doc.topology().regions.front().id);
}

QString lastRegion(const TopologyDocument &doc)
{
    return QString::fromStdString(doc.topology().regions.back().id);
}

QPointF centreOf(const TopologyDocument &doc, const QString &id)
{
    const auto box = doc.layoutBox(id);
    return box ? QPointF(box->x, box->y) : QPointF();
}

// A topology with every section that refers to elements: client groups in regions, failures
// targeting components and a region, deploy hosts.
const QByteArray sectionsTopology = R"(topolab: 1
name: Sections
regions:
  - {id: fra1}
  - {id: fra2}
components:
  - {id: www, kind: dns}
  - {id: lb-1, kind: load_balancer, region: fra1}
  - {id: app-1, kind: app_server, region: fra1}
  - {id: lb-2, kind: load_balancer, region: fra2}
  - {id: app-2, kind: app_server, region: fra2}
links:
  - {from: www, to: lb-1}
  - {from: lb-1, to: app-1}
  - {from: www, to: lb-2}
  - {from: lb-2, to: app-2}
traffic:
  client_groups:
    - {id: users-1, region: fra1, rate_rps: 10}
    - {id: users-2, region: fra2, rate_rps: 10}
    - {id: users-3, region: fra1, rate_rps: 10}
scenario:
  failures:
    - {at_s: 10, target: lb-1}
    - {at_s: 20, target: fra2}
    - {at_s: 30, target: app-1}
    - {at_s: 40, target: lb-2}
deploy:
  hosts:
    - {component: lb-1, address: 10.0.0.1}
    - {component: lb-2, address: 10.0.0.2}
    - {component: app-1, address: 10.0.0.3}
layout:
  app-1: {x: 200, y: 300}
  fra1: {x: 0, y: 100, width: 400, height: 300}
  lb-1: {x: 200, y: 200}
)";

// Line 4 has an unknown key at column 26.
const QByteArray brokenTopology = R"(topolab: 1
name: Broken
components:
  - {id: www, kind: dns, colour: red}
)";

using Edit = std::function<void(TopologyDocument &)>;

// One edit per command type (and per variant of a command), each of which must push exactly
// one undo step on both examples.
const std::map<QString, Edit> &edits()
{
    static const std::map<QString, Edit> all = {
        {QStringLiteral("add component"),
         [](TopologyDocument &d) {
             d.addComponent(Kind::AppServer, {100, 100}, firstRegion(d));
         }},
        {QStringLiteral("add region"),
         [](TopologyDocument &d) {
             d.addRegion(QRectF(2000, 0, 400, 300), QStringLiteral("Frankfurt 1"));
         }},
        {QStringLiteral("remove component"),
         [](TopologyDocument &d) {
             d.removeElements({ofKind(d, Kind::Database).front()});
         }},
        {QStringLiteral("remove region"),
         [](TopologyDocument &d) {
             d.removeElements({lastRegion(d)});
         }},
        {QStringLiteral("remove several"),
         [](TopologyDocument &d) {
             d.removeElements({ofKind(d, Kind::LoadBalancer).front(),
                               ofKind(d, Kind::AppServer).front(), QStringLiteral("www")});
         }},
        {QStringLiteral("connect"),
         [](TopologyDocument &d) {
             for (const auto &a : d.topology().components) {
                 for (const auto &b : d.topology().components) {
                     const QString from = QString::fromStdString(a.id);
                     const QString to = QString::fromStdString(b.id);
                     if (!d.canConnect(from, to)) {
                         QVERIFY(!d.connectComponents(from, to));
                         return;
                     }
                 }
             }
             QFAIL("no link left to draw");
         }},
        {QStringLiteral("disconnect"),
         [](TopologyDocument &d) {
             const core::Link link = d.topology().links.at(2);
             QVERIFY(d.disconnectComponents(QString::fromStdString(link.from),
                                            QString::fromStdString(link.to)));
         }},
        {QStringLiteral("move component"),
         [](TopologyDocument &d) {
             const QString id = ofKind(d, Kind::AppServer).front();
             d.moveElements({{id, centreOf(d, id) + QPointF(15, 25)}});
         }},
        {QStringLiteral("move region with members"),
         [](TopologyDocument &d) {
             const QString id = firstRegion(d);
             d.moveElements({{id, centreOf(d, id) + QPointF(100, 50)}}, d.newDragId());
         }},
        {QStringLiteral("resize region"),
         [](TopologyDocument &d) {
             const auto box = *d.layoutBox(firstRegion(d));
             d.resizeRegion(firstRegion(d), QRectF(box.x, box.y, box.width + 100, box.height + 60));
         }},
        {QStringLiteral("reparent out of region"),
         [](TopologyDocument &d) {
             QVERIFY(!d.setRegionOf({ofKind(d, Kind::AppServer).front()}, QString()));
         }},
        {QStringLiteral("set parameter of several"),
         [](TopologyDocument &d) {
             QVERIFY(!d.setParameter(ofKind(d, Kind::AppServer), QStringLiteral("workers"),
                                     std::int64_t(16)));
         }},
        {QStringLiteral("set parameter in group"),
         [](TopologyDocument &d) {
             QVERIFY(!d.setParameter({QStringLiteral("www")}, QStringLiteral("health_check.fall"),
                                     std::int64_t(5)));
         }},
        {QStringLiteral("reset parameter"),
         [](TopologyDocument &d) {
             QVERIFY(!d.resetParameter(ofKind(d, Kind::AppServer), QStringLiteral("workers")));
         }},
        {QStringLiteral("switch parameter group"),
         [](TopologyDocument &d) {
             const bool on
                 = d.component(QStringLiteral("www"))->params.groupEnabled("health_check");
             QVERIFY(!d.setParameterGroupEnabled({QStringLiteral("www")},
                                                 QStringLiteral("health_check"), !on));
         }},
        {QStringLiteral("set component label"),
         [](TopologyDocument &d) {
             QVERIFY(d.setLabel(ofKind(d, Kind::Database).front(), QStringLiteral("Orders DB")));
         }},
        {QStringLiteral("set region label"),
         [](TopologyDocument &d) {
             QVERIFY(d.setLabel(firstRegion(d), QStringLiteral("East")));
         }},
        {QStringLiteral("rename component"),
         [](TopologyDocument &d) {
             QVERIFY(!d.renameId(ofKind(d, Kind::LoadBalancer).front(), QStringLiteral("edge")));
         }},
        {QStringLiteral("rename region"),
         [](TopologyDocument &d) {
             QVERIFY(!d.renameId(lastRegion(d), QStringLiteral("west")));
         }},
        {QStringLiteral("paste region"),
         [](TopologyDocument &d) {
             QVERIFY(!d.paste(d.copy({firstRegion(d)}), QPointF(0, 900)).isEmpty());
         }},
        {QStringLiteral("paste components"),
         [](TopologyDocument &d) {
             const QString text
                 = d.copy({ofKind(d, Kind::AppServer).front(), ofKind(d, Kind::Database).front()});
             QVERIFY(!d.paste(text, QPointF(30, 30)).isEmpty());
         }},
        {QStringLiteral("duplicate"),
         [](TopologyDocument &d) {
             QVERIFY(!d.duplicate(ofKind(d, Kind::LoadBalancer)).isEmpty());
         }},
        {QStringLiteral("auto layout all"),
         [](TopologyDocument &d) {
             QVERIFY(d.autoLayout());
         }},
        {QStringLiteral("auto layout region"),
         [](TopologyDocument &d) {
             QVERIFY(d.autoLayout(firstRegion(d)));
         }},
        {QStringLiteral("align left"),
         [](TopologyDocument &d) {
             QVERIFY(d.align(ofKind(d, Kind::AppServer), TopologyDocument::Alignment::Left));
         }},
        {QStringLiteral("align vertical centres"),
         [](TopologyDocument &d) {
             QVERIFY(d.align(ofKind(d, Kind::AppServer) + ofKind(d, Kind::LoadBalancer),
                             TopologyDocument::Alignment::VerticalCentre));
         }},
        {QStringLiteral("distribute horizontally"),
         [](TopologyDocument &d) {
             QVERIFY(d.distribute(ofKind(d, Kind::LoadBalancer) + ofKind(d, Kind::AppServer)
                                      + ofKind(d, Kind::Backup),
                                  TopologyDocument::Distribution::Horizontal));
         }},
        {QStringLiteral("distribute vertically"),
         [](TopologyDocument &d) {
             QVERIFY(
                 d.distribute({QStringLiteral("www"), ofKind(d, Kind::LoadBalancer).front(),
                               ofKind(d, Kind::AppServer).front(),
                               ofKind(d, Kind::Database).front(), ofKind(d, Kind::Backup).front()},
                              TopologyDocument::Distribution::Vertical));
         }},
        {QStringLiteral("compound edit"),
         [](TopologyDocument &d) {
             const QString id = ofKind(d, Kind::AppServer).front();
             d.beginCompoundEdit(QStringLiteral("Drag out"));
             d.moveElements({{id, QPointF(-300, -300)}});
             QVERIFY(!d.setRegionOf({id}, QString()));
             d.endCompoundEdit();
         }},
    };
    return all;
}

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void everyCommandUndoesToTheSameBytes_data();
    void everyCommandUndoesToTheSameBytes();
    void reparentBetweenRegions();
    void openThenSaveIsByteIdentical_data();
    void openThenSaveIsByteIdentical();
    void templates();
    void missingTemplateKeepsTheDocument();
    void malformedFileKeepsThePreviousDocument();
    void refusedParameterPushesNothing();
    void parameterThatBreaksALinkIsRefused();
    void refusedConnectionGivesTheRuleReason();
    void refusedRegionAndRename();
    void pasteGivesNewIdsAndKeepsInternalLinks();
    void pasteElsewhereAndRejectsText();
    void copiedRegionBringsItsMembers();
    void dragIsOneUndoStep();
    void removeRestoresLinksInOrder();
    void removeRegionSnapshotsSections();
    void renameFollowsEveryReference();
    void modifiedFollowsTheStack();
    void signalsNameTheElements();
    void diagnosticsFollowEdits();
    void uniqueIds();
    void autoLayoutIsIdempotent();

private:
    QTemporaryDir mDir;
    QString mSectionsPath;
};

void TestDocument::initTestCase()
{
    QVERIFY(mDir.isValid());
    mSectionsPath = mDir.filePath(QStringLiteral("sections.topolab.yaml"));
    QFile file(mSectionsPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(sectionsTopology);
}

void TestDocument::everyCommandUndoesToTheSameBytes_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("edit");
    for (const QString &example :
         {QStringLiteral("single-region"), QStringLiteral("multi-region")}) {
        for (const auto &[name, edit] : edits()) {
            QTest::addRow("%s: %s", qPrintable(example), qPrintable(name)) << example << name;
        }
    }
}

void TestDocument::everyCommandUndoesToTheSameBytes()
{
    QFETCH(QString, example);
    QFETCH(QString, edit);
    TopologyDocument doc;
    QVERIFY(doc.open(examplePath(example)).empty());
    const core::Topology original = doc.topology();
    const QByteArray before = bytes(doc);

    edits().at(edit)(doc);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(doc.undoStack()->count(), 1);
    const core::Topology edited = doc.topology();
    const QByteArray after = bytes(doc);
    QVERIFY(after != before);
    // The edited document is still a file core reads back, to the same model.
    const core::LoadResult reread = core::readTopology(doc.serialized());
    QVERIFY2(reread.ok(), reread.diagnostics.empty() ? "" : reread.diagnostics[0].message.c_str());
    QVERIFY(*reread.topology == edited);

    doc.undoStack()->undo();
    QCOMPARE(bytes(doc), before);
    QVERIFY(doc.topology() == original);
    doc.undoStack()->redo();
    QCOMPARE(bytes(doc), after);
    QVERIFY(doc.topology() == edited);
    doc.undoStack()->undo();
    QCOMPARE(bytes(doc), before);
    QVERIFY(!doc.isModified());
}

void TestDocument::reparentBetweenRegions()
{
    TopologyDocument doc;
    QVERIFY(doc.open(examplePath(QStringLiteral("multi-region"))).empty());
    const QByteArray before = bytes(doc);
    QVERIFY(!doc.setRegionOf({QStringLiteral("lb-ams-1"), QStringLiteral("static")},
                             QStringLiteral("nyc3")));
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.component(QStringLiteral("lb-ams-1"))->region, std::string("nyc3"));
    QCOMPARE(doc.component(QStringLiteral("static"))->region, std::string("nyc3"));
    const QByteArray after = bytes(doc);
    doc.undoStack()->undo();
    QCOMPARE(bytes(doc), before);
    doc.undoStack()->redo();
    QCOMPARE(bytes(doc), after);
}

void TestDocument::openThenSaveIsByteIdentical_data()
{
    QTest::addColumn<QString>("example");
    QTest::newRow("single-region") << QStringLiteral("single-region");
    QTest::newRow("multi-region") << QStringLiteral("multi-region");
}

void TestDocument::openThenSaveIsByteIdentical()
{
    QFETCH(QString, example);
    TopologyDocument doc;
    QSignalSpy reset(&doc, &TopologyDocument::topologyReset);
    QVERIFY(doc.open(examplePath(example)).empty());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(doc.filePath(), examplePath(example));
    QCOMPARE(doc.displayName(), example + QStringLiteral(".topolab.yaml"));
    QVERIFY(!doc.isModified());

    const QString copy = mDir.filePath(example + QStringLiteral("-copy.topolab.yaml"));
    QVERIFY(!doc.saveAs(copy));
    QCOMPARE(fileBytes(copy), fileBytes(examplePath(example)));
    QCOMPARE(doc.filePath(), copy);
    QVERIFY(!doc.save());
    QCOMPARE(fileBytes(copy), fileBytes(examplePath(example)));
}

void TestDocument::templates()
{
    TopologyDocument fromDisk(QStringLiteral(TOPOLAB_EXAMPLES));
    TopologyDocument compiledIn;
    for (TopologyDocument *doc : {&fromDisk, &compiledIn}) {
        QVERIFY(doc->newFromTemplate(TopologyDocument::Template::SingleRegion).empty());
        QCOMPARE(bytes(*doc), fileBytes(examplePath(QStringLiteral("single-region"))));
        QVERIFY(doc->newFromTemplate(TopologyDocument::Template::MultiRegion).empty());
        QCOMPARE(bytes(*doc), fileBytes(examplePath(QStringLiteral("multi-region"))));
        QVERIFY(doc->filePath().isEmpty());
        QVERIFY(!doc->isModified());
        QVERIFY(doc->save().has_value()); // no file yet: Save As first
    }
    QSignalSpy reset(&compiledIn, &TopologyDocument::topologyReset);
    QVERIFY(compiledIn.newFromTemplate(TopologyDocument::Template::Blank).empty());
    QCOMPARE(reset.count(), 1);
    QVERIFY(compiledIn.topology().components.empty());
    QVERIFY(core::readTopology(compiledIn.serialized()).ok());
    // A blank canvas is drawn on like any other.
    const QString id = compiledIn.addComponent(Kind::Dns, {0, 0});
    QCOMPARE(id, QStringLiteral("dns-1"));
    QVERIFY(compiledIn.isModified());
}

void TestDocument::missingTemplateKeepsTheDocument()
{
    TopologyDocument doc(mDir.filePath(QStringLiteral("no-such-dir")));
    QVERIFY(doc.open(examplePath(QStringLiteral("single-region"))).empty());
    const QByteArray before = bytes(doc);
    const auto errors = doc.newFromTemplate(TopologyDocument::Template::MultiRegion);
    QCOMPARE(errors.size(), std::size_t(1));
    QCOMPARE(errors[0].code, std::string("io"));
    QCOMPARE(bytes(doc), before);
    QCOMPARE(doc.filePath(), examplePath(QStringLiteral("single-region")));
}

void TestDocument::malformedFileKeepsThePreviousDocument()
{
    const QString broken = mDir.filePath(QStringLiteral("broken.topolab.yaml"));
    {
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(brokenTopology);
    }
    TopologyDocument doc;
    QVERIFY(doc.open(examplePath(QStringLiteral("single-region"))).empty());
    doc.addComponent(Kind::AppServer, {10, 10}, QStringLiteral("nyc1"));
    const QByteArray before = bytes(doc);
    QSignalSpy reset(&doc, &TopologyDocument::topologyReset);

    const auto errors = doc.open(broken);
    QVERIFY(!errors.empty());
    QCOMPARE(errors[0].location.line, 4);
    QCOMPARE(errors[0].location.column, 26);
    const QString line = TopologyDocument::formatDiagnostic(errors[0], broken);
    QVERIFY2(line.startsWith(broken + QStringLiteral(":4:26: error: ")), qPrintable(line));
    QVERIFY(line.contains(QStringLiteral("colour")));

    QCOMPARE(reset.count(), 0);
    QCOMPARE(bytes(doc), before);
    QCOMPARE(doc.filePath(), examplePath(QStringLiteral("single-region")));
    QCOMPARE(doc.undoStack()->count(), 1);
    QVERIFY(doc.isModified());

    QVERIFY(!doc.open(mDir.filePath(QStringLiteral("missing.topolab.yaml"))).empty());
    QCOMPARE(bytes(doc), before);
}

void TestDocument::refusedParameterPushesNothing()
{
    TopologyDocument doc;
    QVERIFY(doc.open(examplePath(QStringLiteral("single-region"))).empty());
    const QByteArray before = bytes(doc);
    const QStringList apps = ofKind(doc, Kind::AppServer);
    const core::ParamSpec &workers = *core::componentSchema(Kind::AppServer).find("workers");

    const auto negative = doc.setParameter(apps, QStringLiteral("workers"), std::int64_t(-1));
    QVERIFY(negative.has_value());
    QCOMPARE(*negative, QString::fromStdString(*core::checkParamValue(workers, std::int64_t(-1))));

    const auto text = doc.setParameter(apps, QStringLiteral("workers"), std::string("many"));
    QVERIFY(text.has_value());
    QCOMPARE(*text, QString::fromStdString(*core::checkParamValue(workers, std::string("many"))));

    const auto choice = doc.setParameter({QStringLiteral("lb-1")}, QStringLiteral("algorithm"),
                                         std::string("fastest"));
    QVERIFY(choice && choice->contains(QStringLiteral("roundrobin")));

    // One component of the selection lacks the parameter: nothing changes, not even the others.
    const auto mixed = doc.setParameter(apps + QStringList{QStringLiteral("db-1")},
                                        QStringLiteral("workers"), std::int64_t(4));
    QVERIFY(mixed && mixed->contains(QStringLiteral("workers")));
    QVERIFY(
        doc.setParameter({QStringLiteral("nobody")}, QStringLiteral("workers"), std::int64_t(4)));

    QCOMPARE(doc.undoStack()->count(), 0);
    QCOMPARE(bytes(doc), before);
    QVERIFY(!doc.isModified());

    // The same value again is no step either.
    QVERIFY(!doc.setParameter(apps, QStringLiteral("workers"), std::int64_t(8)));
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(!doc.setParameter(apps, QStringLiteral("workers"), std::int64_t(12)));
    QCOMPARE(doc.undoStack()->count(), 1);
    for (const QString &id : apps)
        QCOMPARE(doc.component(id)->params.integer("workers"), std::int64_t(12));
}

void TestDocument::parameterThatBreaksALinkIsRefused()
{
    TopologyDocument doc;
    QVERIFY(doc.open(examplePath(QStringLiteral("single-region"))).empty());
    // db-1 → db-2 replicates from the primary to the standby; two primaries may not.
    const auto reason = doc.setParameter({QStringLiteral("db-2")}, QStringLiteral("role"),
                                         std::string("primary"));
    QVERIFY(reason.has_value());
    QVERIFY2(reason->contains(QStringLiteral("db-1 → db-2")), qPrintable(*reason));
    QVERIFY(reason->contains(QStringLiteral("both primaries")));
    QCOMPARE(doc.undoStack()->count(), 0);
}

void TestDocument::refusedConnectionGivesTheRuleReason()
{
    TopologyDocument doc;
    QVERIFY(doc.open(examplePath(QStringLiteral("single-region"))).empty());
    const QByteArray before = bytes(doc);
    for (const auto &[from, to] : {std::pair("www", "app-1"), std::pair("lb-1", "app-1"),
                                   std::pair("app-1", "app-1"), std::pair("app-1", "nobody")}) {
        const QString a = QString::fromLatin1(from);
        const QString b = QString::fromLatin1(to);
        const core::ConnectionVerdict verdict = core::checkNewLink(doc.topology(), from, to);
        QVERIFY(!verdict.allowed);
        QCOMPARE(doc.canConnect(a, b), std::optional(QString::fromStdString(verdict.reason)));
        QCOMPARE(doc.connectComponents(a, b),
                 std::optional(QString::fromStdString(verdict.reason)));
    }
    QVERIFY(doc.canConnect(QStringLiteral("www"), QStringLiteral("app-1"))
                ->startsWith(QStringLiteral("DNS points clients at load balancers")));
    QVERIFY(!doc.disconnectComponents(QStringLiteral("app-1"), QStringLiteral("lb-1")));
    QCOMPARE(doc.undoStack()->count(), 0);
    QCOMPARE(bytes(doc), before);

    QVERIFY(!doc.connectComponents(QStringLiteral("backup-1"), QStringLiteral("vol-2")));
    QCOMPARE(doc.topology().links.back(), (core::Link{"backup-1", "vol-2"}));
}

void TestDocument::refusedRegionAndRename()
{
    TopologyDocument doc;
    QVERIFY(doc.open(examplePath(QStringLiteral("single-region"))).empty());
    QVERIFY(doc.setRegionOf({QStringLiteral("www")}, QStringLiteral("nyc1")));
    QVERIFY(doc.setRegionOf({QStringLiteral("app-1")}, QStringLiteral("mars")));
    QVERIFY(doc.renameId(QStringLiteral("app-1"), QStringLiteral("app 1")));
    QVERIFY(doc.renameId(QStringLiteral("app-1"), QStringLiteral("app-2")));
    QVERIFY(doc.renameId(QStringLiteral("app-1"), QStringLiteral("users")));
    QVERIFY(doc.renameId(QStringLiteral("nobody"), QStringLiteral("somebody")));
    QVERIFY(!doc.renameId(QStringLiteral("app-1"), QStringLiteral("app-1")));
    QVERIFY(!doc.setLabel(QStringLiteral("nobody"), QStringLiteral("x")));
    QVERIFY(!doc.setLabel(QStringLiteral("static"), QStringLiteral("Static content")));
    QVERIFY(doc.addComponent(Kind::AppServer, {}, QStringLiteral("mars")).isEmpty());
    // A dns dropped on a region lands outside it.
    const QString dns = doc.addComponent(Kind::Dns, {}, QStringLiteral("nyc1"));
    QCOMPARE(doc.component(dns)->region, std::string());
    QCOMPARE(doc.undoStack()->count(), 1);
}

void TestDocument::pasteGivesNewIdsAndKeepsInternalLinks()
{
    TopologyDocument doc;
    QVERIFY(doc.open(examplePath(QStringLiteral("single-region"))).empty());
    const std::size_t links = doc.topology().links.size();
    const QString text = doc.copy({QStringLiteral("app-1"), QStringLiteral("db-1")});
    QVERIFY(text.startsWith(QStringLiteral("# context-region: nyc1\n")));

    const QStringList ids = doc.paste(text, QPointF(30, 40));
    QCOMPARE(ids, (QStringList{QStringLiteral("app-4"), QStringLiteral("db-3")}));
    QCOMPARE(doc.undoStack()->count(), 1);
    // app-1 → db-1 is inside the copy; lb-1 → app-1, app-1 → static and db-1 → db-2 are not.
    QCOMPARE(doc.topology().links.size(), links + 1);
    QCOMPARE(doc.topology().links.back(), (core::Link{"app-4", "db-3"}));
    QCOMPARE(doc.component(QStringLiteral("app-4"))->region, std::string("nyc1"));
    QCOMPARE(doc.component(QStringLiteral("app-4"))->params,
             doc.component(QStringLiteral("app-1"))->params);
    QCOMPARE(centreOf(doc, QStringLiteral("app-4")),
             centreOf(doc, QStringLiteral("app-1")) + QPointF(30, 40));

    QCOMPARE(doc.paste(text, QPointF(60, 80)),
             (QStringList{QStringLiteral("app-5"), QStringLiteral("db-4")}));
    QCOMPARE(doc.duplicate({QStringLiteral("app-5")}), QStringList{QStringLiteral("app-6")});
    QCOMPARE(centreOf(doc, QStringLiteral("app-6")),
             centreOf(doc, QStringLiteral("app-5"))
                 + QPointF(TopologyDocument::duplicateOffset, TopologyDocument::duplicateOffset));
    QCOMPARE(doc.undoStack()->count(), 3);
    QVERIFY(core::readTopology(doc.serialized()).ok());
}

void TestDocument::pasteElsewhereAndRejectsText()
{
    TopologyDocument single;
    QVERIFY(single.open(examplePath(QStringLiteral("single-region"))).empty());
    const QString text = single.copy({QStringLiteral("app-1"), QStringLiteral("db-1")});

    // Another document: free ids stay, a region it lacks is left.
    TopologyDocument multi;
    QVERIFY(multi.open(examplePath(QStringLiteral("multi-region"))).empty());
    QCOMPARE(multi.paste(text, QPointF()),
             (QStringList{QStringLiteral("app-1"), QStringLiteral("db-1")}));
    QCOMPARE(multi.component(QStringLiteral("app-1"))->region, std::string());
    QVERIFY(core::readTopology(multi.serialized()).ok());

    QVERIFY(multi.paste(QStringLiteral("not: [a topology"), QPointF()).isEmpty());
    QVERIFY(multi.paste(QString(), QPointF()).isEmpty());
    QVERIFY(single.copy({QStringLiteral("nobody")}).isEmpty());
    QVERIFY(multi.duplicate({QStringLiteral("nobody")}).isEmpty());
    QCOMPARE(multi.undoStack()->count(), 1);

    // The fragment reads back as it was written.
    const auto fragment = ClipboardFragment::fromText(text.toStdString());
    QVERIFY(fragment.has_value());
    QCOMPARE(fragment->toText(), text.toStdString());
}

void TestDocument::copiedRegionBringsItsMembers()
{
    TopologyDocument doc;
    QVERIFY(doc.open(examplePath(QStringLiteral("multi-region"))).empty());
    const QStringList members = doc.componentsInRegion(QStringLiteral("ams3"));
    const QStringList ids = doc.paste(doc.copy({QStringLiteral("ams3")}), QPointF(0, 1000));
    QCOMPARE(ids.size(), members.size() + 1);
    QCOMPARE(ids.front(), QStringLiteral("ams3-2"));
    QCOMPARE(doc.componentsInRegion(QStringLiteral("ams3-2")).size(), members.size());
    // Links inside the region come along (lb → app, app → db, db → vol); www → lb does not.
    int copiedLinks = 0;
    for (const auto &l : doc.topology().links) {
        const bool from = ids.contains(QString::fromStdString(l.from));
        const bool to = ids.contains(QString::fromStdString(l.to));
        QCOMPARE(from, to);
        copiedLinks += from ? 1 : 0;
    }
    QCOMPARE(copiedLinks, 6 + 3 + 1);
    const auto box = *doc.layoutBox(QStringLiteral("ams3-2"));
    QCOMPARE(box.y, doc.layoutBox(QStringLiteral("ams3"))->y + 1000);
    QCOMPARE(box.width, doc.layoutBox(QStringLiteral("ams3"))->width);
}

void TestDocument::dragIsOneUndoStep()
{
    TopologyDocument doc;
    QVERIFY(doc.open(examplePath(QStringLiteral("single-region"))).empty());
    const QByteArray before = bytes(doc);
    const QPointF start = centreOf(doc, QStringLiteral("app-1"));
    const int drag = doc.newDragId();
    for (int step = 1; step <= 5; ++step) {
        QVERIFY(
            doc.moveElements({{QStringLiteral("app-1"), start + QPointF(step * 10, step)}}, drag));
    }
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(centreOf(doc, QStringLiteral("app-1")), start + QPointF(50, 5));
    doc.undoStack()->undo();
    QCOMPARE(bytes(doc), before);
    doc.undoStack()->redo();

    // A second drag is a second step; a region drag carries its members.
    const QPointF region = centreOf(doc, QStringLiteral("nyc1"));
    const QPointF lb = centreOf(doc, QStringLiteral("lb-1"));
    const int regionDrag = doc.newDragId();
    QVERIFY(doc.moveElements({{QStringLiteral("nyc1"), region + QPointF(5, 5)}}, regionDrag));
    QVERIFY(doc.moveElements({{QStringLiteral("nyc1"), region + QPointF(20, 10)}}, regionDrag));
    QCOMPARE(doc.undoStack()->count(), 2);
    QCOMPARE(centreOf(doc, QStringLiteral("lb-1")), lb + QPointF(20, 10));
    QCOMPARE(centreOf(doc, QStringLiteral("app-1")), start + QPointF(70, 15));

    // A drag that ends where it began leaves no step.
    const int back = doc.newDragId();
    QVERIFY(doc.moveElements({{QStringLiteral("www"), QPointF(500, 500)}}, back));
    QCOMPARE(doc.undoStack()->count(), 3);
    QVERIFY(doc.moveElements({{QStringLiteral("www"), QPointF(440, 60)}}, back));
    QCOMPARE(doc.undoStack()->count(), 2);

    // Moves without a drag id never merge; a move to the same place is no step.
    QVERIFY(doc.moveElements({{QStringLiteral("www"), QPointF(400, 60)}}));
    QVERIFY(doc.moveElements({{QStringLiteral("www"), QPointF(410, 60)}}));
    QCOMPARE(doc.undoStack()->count(), 4);
    QVERIFY(!doc.moveElements({{QStringLiteral("www"), QPointF(410, 60)}}));

    // Resizing merges the same way.
    const int resize = doc.newDragId();
    QVERIFY(doc.resizeRegion(QStringLiteral("nyc1"), QRectF(0, 0, 900, 600), resize));
    QVERIFY(doc.resizeRegion(QStringLiteral("nyc1"), QRectF(0, 0, 950, 650), resize));
    QCOMPARE(doc.undoStack()->count(), 5);
    QCOMPARE(doc.layoutBox(QStringLiteral("nyc1"))->width, 950.0);

    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    QCOMPARE(bytes(doc), before);
}

void TestDocument::removeRestoresLinksInOrder()
{
    TopologyDocument doc;
    QVERIFY(doc.open(examplePath(QStringLiteral("single-region"))).empty());
    const core::Topology original = doc.topology();
    QVERIFY(doc.removeElements({QStringLiteral("app-1"), QStringLiteral("lb-1")}));
    QCOMPARE(doc.undoStack()->count(), 1);
    for (const auto &l : doc.topology().links) {
        QVERIFY(l.from != "app-1" && l.to != "app-1");
        QVERIFY(l.from != "lb-1" && l.to != "lb-1");
    }
    QCOMPARE(doc.topology().links.size(), original.links.size() - 7);
    QCOMPARE(doc.topology().scenario->failures.size(), std::size_t(1)); // lb-1's went too
    QVERIFY(!doc.layoutBox(QStringLiteral("app-1")));

    doc.undoStack()->undo();
    QVERIFY(doc.topology().links == original.links);
    QVERIFY(doc.topology().components == original.components);
    QVERIFY(doc.topology().scenario == original.scenario);
    QVERIFY(doc.topology().layout == original.layout);
    QVERIFY(!doc.removeElements({QStringLiteral("nobody")}));
    QCOMPARE(doc.undoStack()->count(), 1);
}

void TestDocument::removeRegionSnapshotsSections()
{
    TopologyDocument doc;
    QVERIFY(doc.open(mSectionsPath).empty());
    const core::Topology original = doc.topology();
    const QByteArray before = bytes(doc);
    QSignalSpy sections(&doc, &TopologyDocument::sectionsChanged);

    QVERIFY(doc.removeElements({QStringLiteral("fra1")}));
    const core::Topology &t = doc.topology();
    QCOMPARE(t.regions.size(), std::size_t(1));
    QCOMPARE(t.components.size(), std::size_t(3)); // www, lb-2, app-2
    QCOMPARE(t.links.size(), std::size_t(2));
    QCOMPARE(t.deployHosts.size(), std::size_t(1));
    QCOMPARE(t.deployHosts[0].component, std::string("lb-2"));
    QCOMPARE(t.scenario->failures.size(), std::size_t(2)); // fra2's and lb-2's
    QCOMPARE(t.clientGroups[0].region, std::string());
    QCOMPARE(t.clientGroups[1].region, std::string("fra2"));
    QCOMPARE(t.clientGroups[2].region, std::string());
    QVERIFY(t.layout.empty());
    QCOMPARE(sections.count(), 1);
    const QByteArray after = bytes(doc);
    QVERIFY(core::readTopology(doc.serialized()).ok());

    doc.undoStack()->undo();
    QCOMPARE(bytes(doc), before);
    QVERIFY(doc.topology() == original);
    doc.undoStack()->redo();
    QCOMPARE(bytes(doc), after);
    doc.undoStack()->undo();

    // A component with a deploy host and failures, from the middle of every list.
    QVERIFY(doc.removeElements({QStringLiteral("app-1")}));
    QCOMPARE(doc.topology().deployHosts.size(), std::size_t(2));
    QCOMPARE(doc.topology().scenario->failures.size(), std::size_t(3));
    doc.undoStack()->undo();
    QCOMPARE(bytes(doc), before);
}

void TestDocument::renameFollowsEveryReference()
{
    TopologyDocument doc;
    QVERIFY(doc.open(mSectionsPath).empty());
    const QByteArray before = bytes(doc);
    QSignalSpy renamed(&doc, &TopologyDocument::idRenamed);

    QVERIFY(!doc.renameId(QStringLiteral("lb-1"), QStringLiteral("edge")));
    QCOMPARE(renamed.count(), 1);
    QCOMPARE(renamed.at(0).at(0).toString(), QStringLiteral("lb-1"));
    QCOMPARE(renamed.at(0).at(1).toString(), QStringLiteral("edge"));
    const core::Topology &t = doc.topology();
    QVERIFY(t.component("edge") && !t.component("lb-1"));
    QCOMPARE(t.links[0], (core::Link{"www", "edge"}));
    QCOMPARE(t.links[1], (core::Link{"edge", "app-1"}));
    QCOMPARE(t.deployHosts[0].component, std::string("edge"));
    QCOMPARE(t.scenario->failures[0].params.text("target"), std::string("edge"));
    QVERIFY(t.layout.count("edge") && !t.layout.count("lb-1"));

    QVERIFY(!doc.renameId(QStringLiteral("fra2"), QStringLiteral("ber1")));
    QCOMPARE(t.component("lb-2")->region, std::string("ber1"));
    QCOMPARE(t.clientGroups[1].region, std::string("ber1"));
    QCOMPARE(t.scenario->failures[1].params.text("target"), std::string("ber1"));
    QVERIFY(core::readTopology(doc.serialized()).ok());

    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(bytes(doc), before);
}

void TestDocument::modifiedFollowsTheStack()
{
    TopologyDocument doc;
    QVERIFY(doc.open(examplePath(QStringLiteral("single-region"))).empty());
    QSignalSpy modified(&doc, &TopologyDocument::modifiedChanged);
    QVERIFY(!doc.isModified());

    QVERIFY(doc.setLabel(QStringLiteral("www"), QStringLiteral("Shop")));
    QVERIFY(doc.isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.last().at(0).toBool(), true);
    doc.undoStack()->undo();
    QVERIFY(!doc.isModified());
    QCOMPARE(modified.last().at(0).toBool(), false);
    doc.undoStack()->redo();
    QVERIFY(doc.isModified());

    const QString path = mDir.filePath(QStringLiteral("modified.topolab.yaml"));
    QVERIFY(!doc.saveAs(path));
    QVERIFY(!doc.isModified());
    QCOMPARE(modified.last().at(0).toBool(), false);
    doc.undoStack()->undo(); // back before the save: modified again
    QVERIFY(doc.isModified());
    doc.undoStack()->redo();
    QVERIFY(!doc.isModified());

    QVERIFY(doc.saveAs(mDir.filePath(QStringLiteral("no-dir/x.topolab.yaml"))).has_value());
    QCOMPARE(doc.filePath(), path);

    doc.undoStack()->undo();
    QVERIFY(doc.isModified());
    QVERIFY(doc.newFromTemplate(TopologyDocument::Template::Blank).empty());
    QVERIFY(!doc.isModified());
    QCOMPARE(modified.last().at(0).toBool(), false);
    QCOMPARE(doc.undoStack()->count(), 0);
}

void TestDocument::signalsNameTheElements()
{
    TopologyDocument doc;
    QVERIFY(doc.open(examplePath(QStringLiteral("single-region"))).empty());
    QStringList events;
    const auto record = [&events](const char *what) {
        return [&events, what](const QString &id) {
            events.append(QString::fromLatin1(what) + u' ' + id);
        };
    };
    connect(&doc, &TopologyDocument::componentAdded, this, record("added"));
    connect(&doc, &TopologyDocument::componentRemoved, this, record("removed"));
    connect(&doc, &TopologyDocument::componentChanged, this, record("changed"));
    connect(&doc, &TopologyDocument::componentMoved, this, record("moved"));
    connect(&doc, &TopologyDocument::layoutChanged, this, record("layout"));
    connect(&doc, &TopologyDocument::regionAdded, this, record("region-added"));
    connect(&doc, &TopologyDocument::regionRemoved, this, record("region-removed"));
    connect(&doc, &TopologyDocument::regionChanged, this, record("region-changed"));
    connect(&doc, &TopologyDocument::linkAdded, this,
            [&events](const QString &a, const QString &b) {
                events.append(QStringLiteral("link-added %1 %2").arg(a, b));
            });
    connect(&doc, &TopologyDocument::linkRemoved, this,
            [&events](const QString &a, const QString &b) {
                events.append(QStringLiteral("link-removed %1 %2").arg(a, b));
            });

    const QString lb = doc.addComponent(Kind::LoadBalancer, {0, 0}, QStringLiteral("nyc1"));
    QVERIFY(!doc.connectComponents(lb, QStringLiteral("app-2")));
    QVERIFY(doc.moveElements({{lb, QPointF(5, 5)}}));
    QVERIFY(!doc.setParameter({lb}, QStringLiteral("retries"), std::int64_t(2)));
    QVERIFY(doc.setLabel(QStringLiteral("nyc1"), QStringLiteral("NYC")));
    QVERIFY(doc.removeElements({lb}));
    const QString region = doc.addRegion(QRectF(0, 0, 100, 100));
    QCOMPARE(events,
             (QStringList{QStringLiteral("added lb-3"), QStringLiteral("link-added lb-3 app-2"),
                          QStringLiteral("moved lb-3"), QStringLiteral("layout lb-3"),
                          QStringLiteral("changed lb-3"), QStringLiteral("region-changed nyc1"),
                          QStringLiteral("link-removed lb-3 app-2"), QStringLiteral("removed lb-3"),
                          QStringLiteral("region-added region-1")}));
    QCOMPARE(region, QStringLiteral("region-1"));

    events.clear();
    doc.undoStack()->undo(); // add region
    doc.undoStack()->undo(); // remove lb-3
    QCOMPARE(events,
             (QStringList{QStringLiteral("region-removed region-1"), QStringLiteral("added lb-3"),
                          QStringLiteral("link-added lb-3 app-2")}));
}

void TestDocument::diagnosticsFollowEdits()
{
    TopologyDocument doc;
    QVERIFY(doc.open(examplePath(QStringLiteral("single-region"))).empty());
    QSignalSpy changed(&doc, &TopologyDocument::diagnosticsChanged);
    const auto findingsFor = [&doc](const QString &id) {
        return std::count_if(
            doc.diagnostics().begin(), doc.diagnostics().end(),
            [&](const core::Diagnostic &d) { return d.componentId == id.toStdString(); });
    };
    const QString lb = doc.addComponent(Kind::LoadBalancer, {0, 0}, QStringLiteral("nyc1"));
    QCOMPARE(changed.count(), 1);
    QVERIFY(findingsFor(lb) > 0); // reaches no app server
    doc.undoStack()->undo();
    QCOMPARE(changed.count(), 2);
    QCOMPARE(findingsFor(lb), 0);
}

void TestDocument::uniqueIds()
{
    TopologyDocument doc;
    QVERIFY(doc.open(examplePath(QStringLiteral("single-region"))).empty());
    QCOMPARE(doc.uniqueId(QStringLiteral("app-1")), QStringLiteral("app-4"));
    QCOMPARE(doc.uniqueId(QStringLiteral("app-2")), QStringLiteral("app-4"));
    QCOMPARE(doc.uniqueId(QStringLiteral("www")), QStringLiteral("www-2"));
    QCOMPARE(doc.uniqueId(QStringLiteral("users")), QStringLiteral("users-2")); // a client group
    QCOMPARE(doc.uniqueId(QStringLiteral("nyc1")), QStringLiteral("nyc1-2"));
    QCOMPARE(doc.uniqueId(QStringLiteral("fresh")), QStringLiteral("fresh"));
    QCOMPARE(doc.uniqueId(QStringLiteral("-my app!")), QStringLiteral("my-app-"));
    QCOMPARE(doc.uniqueId(QString()), QStringLiteral("item"));
    const QString longId = doc.uniqueId(QString(70, u'a'));
    QCOMPARE(longId.size(), 64);
    QCOMPARE(doc.addComponent(Kind::LoadBalancer, {}, QStringLiteral("nyc1")),
             QStringLiteral("lb-3"));
    QCOMPARE(doc.addComponent(Kind::Vpn, {}), QStringLiteral("vpn-1"));
    QCOMPARE(doc.addRegion(QRectF(0, 0, -10, -10)), QStringLiteral("region-1"));
    QCOMPARE(doc.layoutBox(QStringLiteral("region-1"))->width, 10.0);
    QVERIFY(core::readTopology(doc.serialized()).ok());
}

void TestDocument::autoLayoutIsIdempotent()
{
    for (const QString &example :
         {QStringLiteral("single-region"), QStringLiteral("multi-region")}) {
        TopologyDocument doc;
        QVERIFY(doc.open(examplePath(example)).empty());
        QVERIFY(doc.autoLayout());
        QVERIFY(!doc.autoLayout());
        for (const auto &r : doc.topology().regions)
            QVERIFY(!doc.autoLayout(QString::fromStdString(r.id)));
        QCOMPARE(doc.undoStack()->count(), 1);
        // Every member sits inside its region.
        for (const auto &c : doc.topology().components) {
            if (c.region.empty())
                continue;
            const core::LayoutBox &box = doc.topology().layout.at(c.id);
            const core::LayoutBox &region = doc.topology().layout.at(c.region);
            QVERIFY(box.x > region.x && box.x < region.x + region.width);
            QVERIFY(box.y > region.y && box.y < region.y + region.height);
        }
        QVERIFY(!doc.autoLayout(QStringLiteral("nowhere")));
    }
}

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
