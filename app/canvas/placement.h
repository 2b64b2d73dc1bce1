#pragma once

#include <QFont>
#include <QHash>
#include <QRectF>
#include <QString>

namespace topolab::app {

class TopologyDocument;

// Where each element of a document is drawn: at its layout box from the file; failing that
// where the automatic layout put it when the file was opened; failing both, under the drawing.
// Also turns the automatic places into layout boxes (freeze), so that the first edit of a file
// without a layout keeps the picture the user is editing.
class Placement
{
public:
    explicit Placement(TopologyDocument *document);

    // Lays out the elements the file gives no box, with boxes sized for `font`.
    void recompute(const QFont &font);
    // `content` is the drawing's extent, for what neither the file nor the layout placed.
    QRectF componentRect(const QString &id, const QFont &font, const QRectF &content) const;
    QRectF regionRect(const QString &id, const QRectF &content) const;
    // Whether some element is still placed by the automatic layout, not by the file.
    bool hasAutomatic() const;
    // Gives every such element its layout box, as part of the document's current edit.
    void freeze(const QFont &font, const QRectF &content);
    void rename(const QString &oldId, const QString &newId);

private:
    TopologyDocument *mDocument;
    QHash<QString, QRectF> mAutomatic;
};

} // namespace topolab::app
