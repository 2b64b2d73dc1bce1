#include "pictureexport.h"

#include "componentitem.h"
#include "linkitem.h"
#include "linkoverview.h"
#include "linklegend.h"
#include "regionitem.h"

#include <topolab/version.h>

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QFontInfo>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QHash>
#include <QImage>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScreen>
#include <QSet>
#include <QStyleOptionGraphicsItem>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace topolab::app {

namespace {

constexpr qreal legendGap = 16;
// A PNG of a very large topology is drawn at a lower pixel ratio rather than failing for want
// of memory: about 256 MB of pixels, and no side beyond what the raster engine can address.
constexpr qreal maxPixels = 64e6;
constexpr qreal maxSide = 32000;
constexpr qreal metresPerInch = 0.0254;

// The resolution the scene's fonts were measured at when its items were laid out. Text is
// sized in points and every device converts points with its own resolution, so each picture
// has to claim this one for the labels to fit their boxes as they do on the canvas.
int layoutDpi()
{
    if (QCoreApplication::testAttribute(Qt::AA_Use96Dpi))
        return 96;
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        return std::max(1, qRound(screen->logicalDotsPerInchY()));
    return 96;
}

// QSvgGenerator names the font the scene uses, which may be a fontconfig alias such as
// "Sans Serif" that a browser does not know and would replace with a serif face. Each family
// is followed by the face it resolves to here and by the generic family, so every viewer finds
// a fitting face.
QByteArray withFontFallbacks(const QByteArray &svg)
{
    static const QRegularExpression attribute(QStringLiteral("font-family=\"([^\"]*)\""));
    QString text = QString::fromUtf8(svg);
    QHash<QString, QString> replacements;
    for (const QRegularExpressionMatch &match : attribute.globalMatch(text)) {
        const QString family = match.captured(1);
        if (replacements.contains(family))
            continue;
        const QFontInfo resolved{QFont(family)};
        QStringList names{family};
        if (resolved.family() != family)
            names.append(resolved.family());
        for (QString &name : names)
            name = u'\'' + name.remove(u'\'') + u'\'';
        names.append(resolved.fixedPitch() ? QStringLiteral("monospace")
                                           : QStringLiteral("sans-serif"));
        replacements.insert(family, names.join(QStringLiteral(", ")));
    }
    for (auto it = replacements.constBegin(); it != replacements.constEnd(); ++it) {
        text.replace(QStringLiteral("font-family=\"") + it.key() + u'"',
                     QStringLiteral("font-family=\"") + it.value() + u'"');
    }
    return text.toUtf8();
}

// What an item covers on the picture: its bounding rect, less the corner a component keeps
// free for a badge it does not have, which would otherwise widen the margin above the top row.
QRectF drawnRect(const QGraphicsItem *item)
{
    const auto *component = qgraphicsitem_cast<const ComponentItem *>(item);
    if (component && !component->severity())
        return component->mapRectToScene(component->box().adjusted(-2, -2, 2, 2));
    return item->sceneBoundingRect();
}

QRectF boundsOf(const QList<QGraphicsItem *> &items)
{
    QRectF bounds;
    for (const QGraphicsItem *item : items)
        bounds |= drawnRect(item);
    return bounds;
}

QString softwareName()
{
    return QStringLiteral("Topolab %1").arg(QString::fromUtf8(topolab::versionString));
}

} // namespace

PictureExport::PictureExport(const QGraphicsScene &scene)
    : mScene(scene)
{
}

std::optional<PictureExport::Format> PictureExport::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return Format::Png;
    if (suffix == QLatin1String("svg"))
        return Format::Svg;
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

QString PictureExport::suffix(Format format)
{
    switch (format) {
    case Format::Png:
        return QStringLiteral("png");
    case Format::Svg:
        return QStringLiteral("svg");
    case Format::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

QString PictureExport::unknownFormatMessage(const QString &path)
{
    return tr("Cannot export to %1: the name must end in .png, .svg or .pdf, the picture formats "
              "Topolab writes.")
        .arg(QDir::toNativeSeparators(path));
}

QStringList PictureExport::nameFilters()
{
    return {tr("PNG image (*.png)"), tr("SVG drawing (*.svg)"), tr("PDF document (*.pdf)")};
}

void PictureExport::setItems(const QList<QGraphicsItem *> &items)
{
    mItems = items;
}

void PictureExport::describe(const QString &topologyName, const QString &fileName)
{
    mTitle = topologyName.isEmpty() ? fileName : topologyName;
    mDescription = tr("The canvas of %1, drawn by %2.").arg(fileName, softwareName());
}

// In stacking order, bottom first, as the canvas paints them.
QList<QGraphicsItem *> PictureExport::drawnItems() const
{
    QList<QGraphicsItem *> all = mScene.items(Qt::AscendingOrder);
    // The links are drawn by their own items here, whoever draws them on the canvas.
    all.removeIf([](const QGraphicsItem *item) { return item->type() == LinkOverview::Type; });
    QList<QGraphicsItem *> drawn;
    if (mItems.isEmpty()) {
        std::copy_if(all.begin(), all.end(), std::back_inserter(drawn),
                     [](const QGraphicsItem *item) { return item->isVisible(); });
        return drawn;
    }

    // Only items still in the scene are looked at, so a list kept across a rebuild is harmless.
    const QSet<QGraphicsItem *> requested(mItems.begin(), mItems.end());
    QSet<QGraphicsItem *> chosen;
    for (QGraphicsItem *item : all) {
        if (!requested.contains(item))
            continue;
        chosen.insert(item);
        // A region stands for what is drawn inside it.
        if (item->type() == RegionItem::Type) {
            const QList<QGraphicsItem *> inside
                = mScene.items(item->sceneBoundingRect(), Qt::ContainsItemShape);
            for (QGraphicsItem *member : inside) {
                if (member->type() == ComponentItem::Type)
                    chosen.insert(member);
            }
        }
    }
    QSet<QString> components;
    for (QGraphicsItem *item : std::as_const(chosen)) {
        if (const auto *component = qgraphicsitem_cast<const ComponentItem *>(item))
            components.insert(component->id());
    }
    for (QGraphicsItem *item : all) {
        const auto *link = qgraphicsitem_cast<const LinkItem *>(item);
        if (link && components.contains(link->from()) && components.contains(link->to()))
            chosen.insert(item);
    }
    std::copy_if(all.begin(), all.end(), std::back_inserter(drawn),
                 [&](QGraphicsItem *item) { return item->isVisible() && chosen.contains(item); });
    return drawn;
}

PictureExport::Layout PictureExport::layout() const
{
    Layout layout;
    layout.items = drawnItems();
    layout.source = boundsOf(layout.items);
    QSizeF inner = layout.source.size();
    const bool links
        = std::any_of(layout.items.begin(), layout.items.end(),
                      [](const QGraphicsItem *item) { return item->type() == LinkItem::Type; });
    if (mLegendShown && links) {
        LinkLegend legend;
        legend.setFont(mScene.font());
        const QSizeF legendSize = legend.sizeHint();
        layout.legend = QRectF(QPointF(mMargin, mMargin + inner.height() + legendGap), legendSize);
        inner = QSizeF(std::max(inner.width(), legendSize.width()),
                       inner.height() + legendGap + legendSize.height());
    }
    // A topology narrower than the legend above it sits in the middle, not off to one side.
    layout.origin = QPointF(mMargin + (inner.width() - layout.source.width()) / 2, mMargin);
    // Whole units, so that the pixels of a PNG, the view box of an SVG and the page of a PDF
    // all have the same proportions.
    layout.size
        = QSizeF(std::ceil(inner.width() + 2 * mMargin), std::ceil(inner.height() + 2 * mMargin));
    return layout;
}

QRectF PictureExport::sourceRect() const
{
    return boundsOf(drawnItems());
}

QSizeF PictureExport::size() const
{
    return layout().size;
}

void PictureExport::paint(QPainter *painter) const
{
    const Layout layout = this->layout();

    painter->save();
    painter->fillRect(QRectF(QPointF(0, 0), layout.size),
                      mBackground.isValid() ? mBackground
                                            : mScene.palette().color(QPalette::Window));
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                            | QPainter::SmoothPixmapTransform);
    const QTransform base = painter->worldTransform();
    const QTransform placement = QTransform::fromTranslate(layout.origin.x() - layout.source.left(),
                                                           layout.origin.y() - layout.source.top());
    for (QGraphicsItem *item : layout.items) {
        painter->save();
        painter->setWorldTransform(item->sceneTransform() * placement * base);
        painter->setOpacity(item->effectiveOpacity());
        if (item->flags() & QGraphicsItem::ItemClipsToShape)
            painter->setClipPath(item->shape(), Qt::IntersectClip);
        // No State_Selected: a picture shows the topology, not what happened to be selected.
        QStyleOptionGraphicsItem option;
        option.state = item->isEnabled() ? QStyle::State_Enabled : QStyle::State_None;
        option.rect = item->boundingRect().toAlignedRect();
        option.exposedRect = item->boundingRect();
        option.palette = mScene.palette();
        option.fontMetrics = QFontMetrics(mScene.font());
        item->paint(painter, &option, nullptr);
        painter->restore();
    }

    if (!layout.legend.isEmpty()) {
        // The canvas's own legend widget, so that the key reads the same in both places.
        LinkLegend legend;
        legend.setPalette(mScene.palette());
        legend.setFont(mScene.font());
        legend.resize(layout.legend.size().toSize());
        painter->setWorldTransform(base);
        legend.render(painter, layout.legend.topLeft().toPoint(), QRegion(), QWidget::DrawChildren);
    }
    painter->restore();
}

bool PictureExport::write(const QString &path, QString *error) const
{
    const QString name = QDir::toNativeSeparators(path);
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const std::optional<Format> format = formatForPath(path);
    if (!format)
        return fail(unknownFormatMessage(path));
    if (drawnItems().isEmpty())
        return fail(tr("Cannot export to %1: there is nothing to draw.").arg(name));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2").arg(name, file.errorString()));
    if (const QString problem = writeTo(&file, *format); !problem.isEmpty()) {
        file.cancelWriting();
        return fail(tr("Cannot write %1: %2").arg(name, problem));
    }
    if (!file.commit())
        return fail(tr("Cannot write %1: %2").arg(name, file.errorString()));
    return true;
}

QString PictureExport::writeTo(QIODevice *device, Format format) const
{
    switch (format) {
    case Format::Png:
        return writePng(device);
    case Format::Svg:
        return writeSvg(device);
    case Format::Pdf:
        return writePdf(device);
    }
    return {};
}

QString PictureExport::writePng(QIODevice *device) const
{
    const QSizeF logical = size();
    const qreal ratio
        = std::min({mPixelRatio, std::sqrt(maxPixels / (logical.width() * logical.height())),
                    maxSide / logical.width(), maxSide / logical.height()});
    const QSize pixels(int(std::ceil(logical.width() * ratio)),
                       int(std::ceil(logical.height() * ratio)));
    const bool opaque = !mBackground.isValid() || mBackground.alpha() == 255;
    QImage image(pixels, opaque ? QImage::Format_RGB32 : QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return tr("there is not enough memory for a %1 × %2 pixel image.")
            .arg(pixels.width())
            .arg(pixels.height());
    image.fill(Qt::transparent);
    image.setDevicePixelRatio(ratio);
    const int dpi = layoutDpi();
    image.setDotsPerMeterX(qRound(dpi / metresPerInch));
    image.setDotsPerMeterY(qRound(dpi / metresPerInch));
    {
        QPainter painter(&image);
        paint(&painter);
    }
    // Only now, with the text drawn: viewers that honour the stored resolution then show the
    // picture at the size of the canvas.
    image.setDotsPerMeterX(qRound(dpi * ratio / metresPerInch));
    image.setDotsPerMeterY(qRound(dpi * ratio / metresPerInch));
    if (!mTitle.isEmpty())
        image.setText(QStringLiteral("Title"), mTitle);
    if (!mDescription.isEmpty())
        image.setText(QStringLiteral("Description"), mDescription);
    image.setText(QStringLiteral("Software"), softwareName());

    QImageWriter writer(device, "png");
    if (!writer.write(image))
        return writer.errorString();
    return {};
}

QString PictureExport::writeSvg(QIODevice *device) const
{
    const QSizeF logical = size();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setResolution(layoutDpi());
    generator.setSize(logical.toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), logical));
    generator.setTitle(mTitle);
    generator.setDescription(mDescription);
    QPainter painter;
    if (!painter.begin(&generator))
        return tr("the SVG drawing could not be started.");
    paint(&painter);
    painter.end();
    const QByteArray svg = withFontFallbacks(buffer.data());
    if (device->write(svg) != svg.size())
        return device->errorString();
    return {};
}

QString PictureExport::writePdf(QIODevice *device) const
{
    const QSizeF logical = size();
    const int dpi = layoutDpi();
    QPdfWriter writer(device);
    writer.setResolution(dpi);
    writer.setTitle(mTitle);
    writer.setCreator(softwareName());
    // One page exactly the size of the picture; a standard size that is merely close would
    // add a white border or cut an edge.
    const QPageSize page(logical * 72.0 / dpi, QPageSize::Point, QString(), QPageSize::ExactMatch);
    if (!writer.setPageLayout(QPageLayout(page, QPageLayout::Portrait, QMarginsF())))
        return tr("the page size %1 × %2 pt is not possible in a PDF.")
            .arg(page.sizePoints().width())
            .arg(page.sizePoints().height());
    QPainter painter;
    if (!painter.begin(&writer))
        return tr("the PDF document could not be started.");
    paint(&painter);
    painter.end();
    return {};
}

} // namespace topolab::app
