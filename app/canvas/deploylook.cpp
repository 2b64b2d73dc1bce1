// How the canvas shows where a deploy left each host: the member of DesignScene that badges
// components by their host's deploy state.
#include "designscene.h"

#include "gui/componentitem.h"

namespace topolab::app {

void DesignScene::showDeployMarks(const QHash<QString, DeployMark> &marks)
{
    for (auto it = mComponents.constBegin(); it != mComponents.constEnd(); ++it) {
        const auto mark = marks.constFind(it.key());
        it.value()->setDeployMark(mark == marks.constEnd() ? std::nullopt
                                                           : std::optional<DeployMark>(*mark));
    }
}

} // namespace topolab::app
