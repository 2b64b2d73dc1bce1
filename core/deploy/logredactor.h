#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace topolab::core {

// Hides secrets (generated passwords, private keys) in text bound for a log, a terminal or a
// plan's diff: every occurrence becomes `mask`. Matches are taken longest secret first, so a
// secret that contains another is hidden whole.
class LogRedactor
{
public:
    static constexpr std::string_view mask = "[secret]";

    void addSecret(std::string secret); // an empty one is ignored
    bool empty() const { return mSecrets.empty(); }
    std::string redact(std::string_view text) const;

private:
    friend class StreamRedactor;
    // The secret that starts at text[at], or nullptr. `partial` is set when none does yet but
    // one could with more text after the end.
    const std::string *matchAt(std::string_view text, std::size_t at, bool *partial) const;

    std::vector<std::string> mSecrets; // longest first
};

// Redacts output that arrives in pieces (a remote command's stdout), where a secret may be cut
// between two pieces: what could still be the start of a secret is held back until the next
// piece or finish() shows what it is.
class StreamRedactor
{
public:
    explicit StreamRedactor(const LogRedactor &redactor)
        : mRedactor(redactor)
    {
    }

    // The part of everything fed so far that is safe to show now, redacted.
    std::string feed(std::string_view piece);
    // The rest, at the end of the stream.
    std::string finish();

private:
    const LogRedactor &mRedactor;
    std::string mPending;
};

} // namespace topolab::core
