#pragma once

#include "core/deploy/deployunit.h"
#include "core/deploy/renderinputs.h"
#include "core/model/topologyindex.h"

namespace topolab::core {

// Where the demo app goes when an app server names no command.
inline constexpr const char *demoAppPath = "/opt/topolab/demo-app.py";

// The unit of app server `app`: its program (the `artifact` under /opt/topolab/<id>/, or the
// bundled demo app), `/etc/topolab/<id>.env` with PORT, TOPOLAB_COMPONENT and the primary
// database it links to (DATABASE_HOST, DATABASE_PORT), and the service `topolab-<id>` that runs
// `command` with that environment, restarted when either file changes and checked with
// `GET /health` on its port. An unreadable artifact, a `{artifact}` without one, or a program
// systemd could not start are problems naming the component.
RenderResult renderAppServer(const TopologyIndex &index, const Component &app,
                             const RenderInputs &inputs);

} // namespace topolab::core
