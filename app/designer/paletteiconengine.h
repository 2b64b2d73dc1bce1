#pragma once

#include <QByteArray>
#include <QIconEngine>

namespace topolab::app {

// An icon drawn from SVG text held in memory. QIcon asks for pixmaps in device pixels (size ×
// device pixel ratio) and paint() renders the vector art straight through the painter, so it
// stays crisp on any screen. Owns its copy of the SVG.
// The palette uses it for entries whose artwork is not a resource file.
class PaletteIconEngine : public QIconEngine
{
public:
    explicit PaletteIconEngine(QByteArray svg);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;

private:
    QByteArray mSvg;
};

} // namespace topolab::app
