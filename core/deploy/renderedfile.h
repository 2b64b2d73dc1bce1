#pragma once

#include <string>
#include <vector>

namespace topolab::core {

// One file a deploy writes: where, what, with which mode (the DeployUnit holding it says on which
// host). A secret file is shown redacted in a plan and never logged.
struct RenderedFile
{
    std::string path; // logical: absolute on the host, before the host's root prefix
    std::string content;
    unsigned mode = 0644;
    bool secret = false;
    std::string owner; // user:group on the host; empty = the SSH user
    // Validates the file on the host before it replaces the old one: argv in which "{}" stands
    // for the staged copy ({"haproxy", "-c", "-q", "-f", "{}"}, or inside a word:
    // "config_file={}"); empty = none. Paths in it already carry the host's root.
    std::vector<std::string> check;
};

// A file mode as chmod and a plan write it: "0644".
std::string modeText(unsigned mode);

// What rendering found it could not do, naming the component and what to change.
struct RenderProblem
{
    std::string component;
    std::string message;
};

} // namespace topolab::core
