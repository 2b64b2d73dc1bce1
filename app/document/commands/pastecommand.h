#pragma once

#include "documentcommand.h"

#include <QCoreApplication>
#include <QPointF>
#include <QStringList>

#include <map>
#include <vector>

namespace topolab::app {

class ClipboardFragment;

// Inserts new regions, components, the links among them and their layout boxes at the end of
// their lists: the edit behind Paste and Duplicate. Owns the elements while they are not in
// the model; their ids were made unique and their links checked before the command was made.
class PasteCommand : public DocumentCommand
{
    Q_DECLARE_TR_FUNCTIONS(PasteCommand)

public:
    struct Elements
    {
        std::vector<core::Region> regions;
        std::vector<core::Component> components;
        std::vector<core::Link> links;
        std::map<std::string, core::LayoutBox> boxes;
    };

    // The fragment's elements as they go into `target`: fresh ids (appended to `newIds`),
    // links and regions renamed with them, a region `target` lacks left, boxes moved by
    // `offset`.
    static Elements place(const ClipboardFragment &fragment, const core::Topology &target,
                          QPointF offset, QStringList &newIds);

    PasteCommand(TopologyDocument *document, const QString &text, Elements elements);

    void redo() override;
    void undo() override;

private:
    Elements mElements;
};

} // namespace topolab::app
