#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>

class QGraphicsItem;
class QGraphicsScene;
class QIODevice;
class QPainter;

namespace topolab::app {

// Writes the canvas, or a part of it, to a PNG, SVG or PDF file. Paints the scene's own items
// with their own paint code, as the canvas does, on the canvas background with a margin and,
// when links are drawn, the link legend beneath. Never changes the scene (selected items are
// drawn unselected) and owns nothing; the scene must outlive it.
class PictureExport
{
    Q_DECLARE_TR_FUNCTIONS(PictureExport)

public:
    enum class Format { Png, Svg, Pdf };

    explicit PictureExport(const QGraphicsScene &scene);

    // The format a file name asks for by its extension, in any letter case.
    static std::optional<Format> formatForPath(const QString &path);
    static QString suffix(Format format);
    // Why `path` cannot be written, when its extension names no format this class writes.
    static QString unknownFormatMessage(const QString &path);
    // One QFileDialog name filter per format, in the order of Format.
    static QStringList nameFilters();

    // Draws only these items, the components inside any region among them and the links
    // between the components drawn. An empty list draws the whole canvas.
    void setItems(const QList<QGraphicsItem *> &items);
    void setTitle(const QString &title) { mTitle = title; }
    // Titles the picture with the topology's name, or the file's when it has none, and says
    // in its description where it came from.
    void describe(const QString &topologyName, const QString &fileName);
    void setDescription(const QString &description) { mDescription = description; }
    // Defaults to the scene palette's window colour, the canvas background.
    void setBackground(const QColor &colour) { mBackground = colour; }
    void setMargin(qreal margin) { mMargin = margin; }
    // Device pixels per scene unit in a PNG; 2 keeps text crisp on high-density screens.
    void setPixelRatio(qreal ratio) { mPixelRatio = ratio; }
    void setLegendShown(bool shown) { mLegendShown = shown; }

    // The part of the scene the picture shows, without margin or legend.
    QRectF sourceRect() const;
    // The whole picture in scene units (1/96 inch at the usual screen resolution).
    QSizeF size() const;

    // Writes the picture in the format of the path's extension, replacing the file only once
    // the picture is complete. On failure leaves any existing file alone, returns false and
    // sets *error to a sentence naming the file.
    bool write(const QString &path, QString *error = nullptr) const;

    // Paints the picture with its top-left corner at the painter's origin, in scene units.
    void paint(QPainter *painter) const;

private:
    // Where everything goes, in picture units.
    struct Layout
    {
        QList<QGraphicsItem *> items; // in stacking order, bottom first
        QRectF source;                // the part of the scene drawn
        QPointF origin;               // where the top-left corner of `source` lands
        QRectF legend;                // empty without a legend
        QSizeF size;
    };

    QList<QGraphicsItem *> drawnItems() const;
    Layout layout() const;
    QString writeTo(QIODevice *device, Format format) const;
    QString writePng(QIODevice *device) const;
    QString writeSvg(QIODevice *device) const;
    QString writePdf(QIODevice *device) const;

    const QGraphicsScene &mScene;
    QList<QGraphicsItem *> mItems;
    QString mTitle;
    QString mDescription;
    QColor mBackground;
    qreal mMargin = 24;
    qreal mPixelRatio = 2;
    bool mLegendShown = true;
};

} // namespace topolab::app
