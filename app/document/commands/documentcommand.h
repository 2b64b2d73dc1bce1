#pragma once

#include "core/model/topology.h"

#include <QUndoCommand>

#include <cstddef>
#include <optional>
#include <string>

namespace topolab::app {

class TopologyDocument;

// Base of every edit of a TopologyDocument. The only friend of the document: it hands its
// subclasses the model to change and the primitive edits that keep the model and the views'
// signals in step. Subclasses name elements by id and keep values, never pointers into the
// model, so any command stays valid however the vectors reallocate.
class DocumentCommand : public QUndoCommand
{
public:
    DocumentCommand(TopologyDocument *document, const QString &text);

protected:
    TopologyDocument *document() const { return mDocument; }
    core::Topology &model() const;

    // Index lookups; npos when absent.
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::size_t componentIndex(const std::string &id) const;
    std::size_t regionIndex(const std::string &id) const;
    std::size_t linkIndex(const std::string &from, const std::string &to) const;

    // Primitive edits; each emits the matching signal once the model is consistent again.
    void insertComponent(std::size_t index, core::Component component);
    void eraseComponent(std::size_t index);
    void insertRegion(std::size_t index, core::Region region);
    void eraseRegion(std::size_t index);
    void insertLink(std::size_t index, core::Link link);
    void eraseLink(std::size_t index);
    // Sets or (nullopt) removes a layout box and reports the move.
    void setBox(const std::string &id, const std::optional<core::LayoutBox> &box);
    // The same without a signal: for the box of an element being added or removed.
    void storeBox(const std::string &id, const std::optional<core::LayoutBox> &box);
    std::optional<core::LayoutBox> boxOf(const std::string &id) const;

private:
    TopologyDocument *mDocument;
};

} // namespace topolab::app
