#pragma once

#include <string>
#include <vector>

namespace topolab::core {

// One file a deploy writes: on which host (the component it configures), where, what, with which
// mode. A secret file is shown redacted in a plan and never logged.
struct RenderedFile
{
    std::string host;
    std::string path; // absolute on the host, before the host's root prefix
    std::string content;
    unsigned mode = 0644;
    bool secret = false;
    std::string owner; // user:group on the host; empty = the SSH user
    // Validates the file on the host before it replaces the old one: argv in which the word
    // "{}" stands for the staged copy ({"haproxy", "-c", "-q", "-f", "{}"}); empty = none.
    std::vector<std::string> check;
};

// What rendering found it could not do, naming the component and what to change.
struct RenderProblem
{
    std::string component;
    std::string message;
};

struct RenderResult
{
    std::vector<RenderedFile> files;
    std::vector<RenderProblem> problems;
};

} // namespace topolab::core
