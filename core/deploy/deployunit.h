#pragma once

#include "core/deploy/renderedfile.h"

#include <csignal>
#include <string>
#include <vector>

namespace topolab::core {

// How a deploy knows a service works after it started or reloaded. Commands and URLs run on the
// service's own host, so `127.0.0.1` means that host.
struct HealthCheck
{
    enum class Kind { None, Http, Tcp, Command };
    Kind kind = Kind::None;
    std::string address = "127.0.0.1"; // Http, Tcp: where the service listens on its host
    int port = 0;                // Http, Tcp
    std::string path = "/health"; // Http: must answer 2xx
    std::string command;         // Command: a shell command (built with shellCommand) exiting 0
    int waitS = 30;              // how long the deploy waits for the check to pass
};

// A long-running program on a host. The `systemd` service manager runs `command` from a unit
// named `<name>.service`; the `process` manager starts it detached with a pid file under
// `<root>/run/topolab/<name>.pid` and its output in `<root>/var/log/topolab/<name>.log`.
struct ServiceSpec
{
    std::string name;                 // unit stem and pid file name: "topolab-app-1"
    std::string description;          // one line, for the unit and the plan
    std::vector<std::string> command; // foreground argv; paths already carry the host's root
    std::string user;                 // run as this user; empty = the SSH user
    std::string workingDirectory;     // empty = /; already carries the host's root
    // Logical paths of files of KEY=VALUE lines (plain words, no quoting) the command finds in
    // its environment.
    std::vector<std::string> environmentFiles;
    enum class Reload { Restart, Signal };
    Reload reload = Reload::Restart;  // what a change of a file in `reloadOn` does
    int reloadSignal = SIGHUP;
    int stopSignal = SIGTERM;         // PostgreSQL stops fast on SIGINT
    std::vector<std::string> reloadOn;  // logical paths whose change reloads the service
    std::vector<std::string> restartOn; // logical paths whose change restarts it
    HealthCheck health;
};

// A one-time step on a host that no file expresses: create a database cluster, generate a key
// pair, take a base backup from the primary. Idempotent by `creates`: the task is done when that
// path exists on the host, and is then skipped.
struct HostTask
{
    // AfterServices: once the services have started and passed their health checks.
    enum class When { BeforeFiles, BeforeServices, AfterServices };
    std::string name;    // shown in the plan: "generate the tinc key pair"
    std::string script;  // POSIX sh; every value in it went through shellQuote
    std::string creates; // logical path (before the host's root)
    When when = When::BeforeServices;
    std::string stdinSecret; // name of a secret fed on stdin (never on argv); empty = none
    int timeoutS = 120;
};

// What one component puts on one host. A component usually deploys to its own host; a vpn
// deploys a unit to every member's host. Units are deployed in the tier order of `component`.
struct DeployUnit
{
    std::string component;
    std::string host; // id of the deploy.hosts entry (a component id)
    std::vector<RenderedFile> files;
    std::vector<HostTask> tasks;
    std::vector<ServiceSpec> services;
    // Logical paths read from the host before rendering (public keys generated there); their
    // contents reach the renderers as facts.
    std::vector<std::string> factFiles;
};

// What rendering made of a topology: the units to deploy and what it could not render.
struct RenderResult
{
    std::vector<DeployUnit> units;
    std::vector<RenderProblem> problems;
};

} // namespace topolab::core
