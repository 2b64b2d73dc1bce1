#pragma once

#include "core/model/topology.h"
#include "core/simulation/variant.h"

#include <QWidget>

#include <optional>

class QComboBox;

namespace topolab::app {

// Two lists that name one parameter of a topology: what it belongs to (a component, every
// component of a kind, the scenario, a client group) and which of its parameters, by the
// schema's titles. Text parameters (host names) are left out: they change nothing a
// simulation shows. Keeps a copy of the topology it offers.
class ParameterPicker : public QWidget
{
    Q_OBJECT

public:
    explicit ParameterPicker(QWidget *parent = nullptr);

    // Offers the owners and parameters of `topology`, keeping the choice when it still exists.
    void setTopology(const core::Topology &topology);
    const core::Topology &topology() const { return mTopology; }
    // Picks `path` (false when the topology has no such parameter on offer).
    bool setPath(const core::ParamPath &path);
    // Picks the component and a parameter of it (false when there is no such component).
    bool selectComponent(const QString &id);

    // The parameter picked, if any.
    std::optional<core::ParamPath> path() const;
    // Its spec; null when nothing is picked.
    const core::ParamSpec *spec() const;

    QComboBox *ownerBox() const { return mOwner; }
    QComboBox *parameterBox() const { return mParameter; }

Q_SIGNALS:
    void changed();

private:
    void fillOwners();
    void fillParameters();
    std::optional<core::ParamPath> ownerPath() const;

    core::Topology mTopology;
    QComboBox *mOwner;
    QComboBox *mParameter;
};

} // namespace topolab::app
