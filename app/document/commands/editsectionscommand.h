#pragma once

#include "documentcommand.h"

#include "../topologydocument.h"

#include <QCoreApplication>

namespace topolab::app {

// Replaces the sections beside the drawing (the client groups, the scenario and the deploy
// hosts) as one step: settings, client groups, scheduled and random failures, deploy hosts
// added, changed or removed. Owns the sections before and after, which the document checked
// before making the edit. Consecutive steps of one drag or of one typing gesture (the same
// non-zero drag id) merge into one undo step, and a gesture that ends where it started leaves
// no step at all.
class EditSectionsCommand : public DocumentCommand
{
    Q_DECLARE_TR_FUNCTIONS(EditSectionsCommand)

public:
    static constexpr int mergeId = 0x53656373; // "Secs"
    using Sections = TopologyDocument::Sections;

    EditSectionsCommand(TopologyDocument *document, const QString &text, Sections before,
                        Sections after, int dragId = 0);

    // Why `sections` could not be saved in a file core reads back (an invalid or duplicate id,
    // an unknown region, failure target or deployed component, a required key left out), or
    // nullopt when they can.
    // Ids of client groups `topology` already has are not checked again.
    static std::optional<std::string> refusal(const core::Topology &topology,
                                              const Sections &sections);

    bool isNoOp() const { return mBefore == mAfter; }

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

private:
    void apply(const Sections &sections);

    Sections mBefore;
    Sections mAfter;
    int mDragId;
};

} // namespace topolab::app
