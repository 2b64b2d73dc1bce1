#include "logredactor.h"

#include <algorithm>

namespace topolab::core {

void LogRedactor::addSecret(std::string secret)
{
    if (secret.empty() || std::find(mSecrets.begin(), mSecrets.end(), secret) != mSecrets.end())
        return;
    mSecrets.push_back(std::move(secret));
    std::stable_sort(mSecrets.begin(), mSecrets.end(),
                     [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
}

const std::string *LogRedactor::matchAt(std::string_view text, std::size_t at, bool *partial) const
{
    const std::string_view rest = text.substr(at);
    for (const std::string &secret : mSecrets) {
        if (rest.size() >= secret.size()) {
            if (rest.compare(0, secret.size(), secret) == 0)
                return &secret;
        } else if (partial && std::string_view(secret).compare(0, rest.size(), rest) == 0) {
            *partial = true;
        }
    }
    return nullptr;
}

std::string LogRedactor::redact(std::string_view text) const
{
    if (mSecrets.empty())
        return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (const std::string *secret = matchAt(text, i, nullptr)) {
            out += mask;
            i += secret->size();
        } else {
            out += text[i++];
        }
    }
    return out;
}

std::string StreamRedactor::feed(std::string_view piece)
{
    mPending.append(piece);
    std::string out;
    std::size_t i = 0;
    while (i < mPending.size()) {
        bool partial = false;
        const std::string *secret = mRedactor.matchAt(mPending, i, &partial);
        if (partial) {
            // A secret (a longer one than any that matches) may begin here: wait for more.
            break;
        }
        if (secret) {
            out += LogRedactor::mask;
            i += secret->size();
        } else {
            out += mPending[i++];
        }
    }
    mPending.erase(0, i);
    return out;
}

std::string StreamRedactor::finish()
{
    std::string out = mRedactor.redact(mPending);
    mPending.clear();
    return out;
}

} // namespace topolab::core
