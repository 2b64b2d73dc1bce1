#include "secretstore.h"

#include "core/io/atomicfile.h"
#include "core/io/documenttext.h"
#include "core/io/textprecheck.h"

#include <yaml-cpp/yaml.h>

#include <random>
#include <sstream>
#include <sys/stat.h>

namespace topolab::core {

namespace {

constexpr std::string_view topologySuffix = ".topolab.yaml";
constexpr std::string_view secretsSuffix = ".topolab.secrets.yaml";

// 32 letters and digits from the system's random source: about 190 bits, and no character any
// config format (pgpass, curl config, SQL) needs to escape.
std::string randomSecret()
{
    static constexpr std::string_view alphabet
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device source; // /dev/urandom on Linux
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string secret(32, ' ');
    for (char &c : secret)
        c = alphabet[pick(source)];
    return secret;
}

} // namespace

const std::string &SecretStore::get(const std::string &name)
{
    auto it = mValues.find(name);
    if (it == mValues.end()) {
        it = mValues.emplace(name, randomSecret()).first;
        mChanged = true;
    }
    return it->second;
}

const std::string *SecretStore::find(const std::string &name) const
{
    const auto it = mValues.find(name);
    return it == mValues.end() ? nullptr : &it->second;
}

void SecretStore::set(const std::string &name, std::string value)
{
    std::string &slot = mValues[name];
    if (slot != value) {
        slot = std::move(value);
        mChanged = true;
    }
}

std::string SecretStore::pathFor(const std::string &topologyPath)
{
    std::string stem = topologyPath;
    if (stem.size() > topologySuffix.size() && stem.ends_with(topologySuffix))
        stem.resize(stem.size() - topologySuffix.size());
    else if (stem.ends_with(".yaml") || stem.ends_with(".yml"))
        stem.resize(stem.rfind('.'));
    return stem + std::string(secretsSuffix);
}

std::string SecretStore::load(const std::string &path)
{
    mValues.clear();
    mChanged = false;
    struct stat info
    {
    };
    if (::stat(path.c_str(), &info) != 0)
        return {}; // no secrets yet
    if ((info.st_mode & 077) != 0) {
        std::ostringstream mode;
        mode << std::oct << (info.st_mode & 0777);
        return path + ": mode " + mode.str() + " lets other users read the secrets; run `chmod 600 "
               + path + "` (and consider the secrets exposed)";
    }
    if (!S_ISREG(info.st_mode))
        return path
               + ": is not a regular file; move it aside, and Topolab writes a new secrets "
                 "file on the next deploy";
    const FileText file = readTextFile(path, "a secrets file");
    if (file.error)
        return path + ": " + file.error->message;
    if (file.text.size() > maxTopologyFileBytes)
        return path + ": larger than " + std::to_string(maxTopologyFileBytes >> 20)
               + " MiB; this is not a secrets file Topolab wrote";
    try {
        const YAML::Node root = YAML::Load(file.text);
        if (!root || root.IsNull())
            return {};
        const YAML::Node secrets = root["secrets"];
        if (!root.IsMap() || !secrets || !secrets.IsMap())
            return path + ":1:1: error: expected a map `secrets:` of names to values";
        for (const auto &entry : secrets) {
            if (!entry.second.IsScalar()) {
                const YAML::Mark mark = entry.second.Mark();
                return path + ":" + std::to_string(mark.line + 1) + ":"
                       + std::to_string(mark.column + 1) + ": error: the secret '"
                       + entry.first.as<std::string>() + "' must be a text value";
            }
            mValues[entry.first.as<std::string>()] = entry.second.as<std::string>();
        }
    } catch (const YAML::Exception &e) {
        return path + ":" + std::to_string(e.mark.line + 1) + ":"
               + std::to_string(e.mark.column + 1) + ": error: " + e.msg;
    }
    return {};
}

std::string SecretStore::save(const std::string &path)
{
    YAML::Emitter out;
    out << YAML::BeginMap << YAML::Key << "secrets" << YAML::Value << YAML::BeginMap;
    for (const auto &[name, value] : mValues)
        out << YAML::Key << name << YAML::Value << YAML::SingleQuoted << value;
    out << YAML::EndMap << YAML::EndMap;
    std::string text = "# Topolab deploy secrets. Keep this file private (mode 0600) and out of\n"
                       "# version control; the topology file never holds these values.\n";
    text += out.c_str();
    text += '\n';
    std::string problem = writeFileAtomically(path, text, 0600);
    if (problem.empty())
        mChanged = false;
    return problem;
}

} // namespace topolab::core
