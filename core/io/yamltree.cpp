#include "yamltree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cctype>
#include <sstream>

namespace topolab::core {

std::string_view yamlTypeName(YamlNode::Type type)
{
    switch (type) {
    case YamlNode::Type::Null:
        return "nothing";
    case YamlNode::Type::Scalar:
        return "a single value";
    case YamlNode::Type::Sequence:
        return "a list";
    case YamlNode::Type::Map:
        return "a map";
    }
    return "a value";
}

namespace {

// Thrown from inside the event handler to stop the parser at the first refused construct.
struct Refusal
{
    Diagnostic diagnostic;
};

SourceLocation toLocation(const YAML::Mark &mark)
{
    if (mark.is_null())
        return {};
    return {mark.line + 1, mark.column + 1};
}

class TreeBuilder : public YAML::EventHandler
{
public:
    std::optional<YamlNode> takeRoot() { return std::move(mRoot); }

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        checkAnchor(mark, anchor);
        YamlNode node;
        node.location = toLocation(mark);
        add(std::move(node));
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override
    {
        refuse(mark, "alias",
               "aliases (*name) are not supported in topology files; write the value out");
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        checkAnchor(mark, anchor);
        checkTag(mark, tag);
        YamlNode node;
        node.type = YamlNode::Type::Scalar;
        node.location = toLocation(mark);
        node.scalar = value;
        node.plain = tag == "?";
        add(std::move(node));
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(mark, tag, anchor, YamlNode::Type::Sequence);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(mark, tag, anchor, YamlNode::Type::Map);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame
    {
        YamlNode node;
        std::optional<YamlNode> pendingKey; // maps: the key waiting for its value
    };

    [[noreturn]] void refuse(const YAML::Mark &mark, std::string code, std::string message)
    {
        throw Refusal{Diagnostic{Severity::Error, std::move(code), std::move(message), {},
                                 toLocation(mark)}};
    }

    void checkAnchor(const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        if (anchor != YAML::NullAnchor) {
            refuse(mark, "anchor",
                   "anchors (&name) are not supported in topology files; write the value out");
        }
    }

    void checkTag(const YAML::Mark &mark, const std::string &tag)
    {
        if (!tag.empty() && tag != "?" && tag != "!")
            refuse(mark, "tag", "YAML tags (" + tag + ") are not used in topology files");
    }

    void count(const YAML::Mark &mark)
    {
        if (++mNodes > maxYamlNodes)
            refuse(mark, "file-too-large", "too many YAML nodes for a topology file");
    }

    void open(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
              YamlNode::Type type)
    {
        checkAnchor(mark, anchor);
        if (tag != "?" && tag != "!" && !tag.empty() && tag != "tag:yaml.org,2002:map"
            && tag != "tag:yaml.org,2002:seq")
            checkTag(mark, tag);
        if (static_cast<int>(mStack.size()) >= maxYamlDepth) {
            refuse(mark, "too-deep",
                   "nesting deeper than " + std::to_string(maxYamlDepth)
                       + " levels; a topology file needs a handful");
        }
        count(mark);
        Frame frame;
        frame.node.type = type;
        frame.node.location = toLocation(mark);
        mStack.push_back(std::move(frame));
    }

    void close()
    {
        YamlNode node = std::move(mStack.back().node);
        mStack.pop_back();
        add(std::move(node));
    }

    void add(YamlNode node)
    {
        if (mStack.empty()) {
            mRoot = std::move(node);
            return;
        }
        ++mNodes;
        Frame &top = mStack.back();
        if (top.node.type == YamlNode::Type::Sequence) {
            top.node.items.push_back(std::move(node));
        } else if (!top.pendingKey) {
            if (node.type != YamlNode::Type::Scalar && node.type != YamlNode::Type::Null) {
                throw Refusal{Diagnostic{Severity::Error, "complex-key",
                                         "map keys must be plain words", {}, node.location}};
            }
            top.pendingKey = std::move(node);
        } else {
            top.node.entries.emplace_back(std::move(*top.pendingKey), std::move(node));
            top.pendingKey.reset();
        }
    }

    std::vector<Frame> mStack;
    std::optional<YamlNode> mRoot;
    std::size_t mNodes = 0;
};

// Handler for anything after the first document: its mere existence is the error.
class SecondDocumentDetector : public YAML::EventHandler
{
public:
    void OnDocumentStart(const YAML::Mark &mark) override { stop(mark); }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t) override { stop(mark); }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override { stop(mark); }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t,
                  const std::string &) override
    {
        stop(mark);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override
    {
        stop(mark);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value) override
    {
        stop(mark);
    }
    void OnMapEnd() override {}

private:
    [[noreturn]] void stop(const YAML::Mark &mark)
    {
        throw Refusal{Diagnostic{Severity::Error, "multiple-documents",
                                 "a topology file holds one YAML document; remove the second "
                                 "(after ---)",
                                 {}, toLocation(mark)}};
    }
};

std::string syntaxMessage(const YAML::Exception &e)
{
    std::string message = e.msg;
    if (!message.empty())
        message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    return "YAML syntax error: " + message;
}

} // namespace

YamlParseResult parseYaml(std::string_view text)
{
    YamlParseResult result;
    std::istringstream stream{std::string(text)};
    try {
        YAML::Parser parser(stream);
        TreeBuilder builder;
        if (!parser.HandleNextDocument(builder))
            return result;
        result.root = builder.takeRoot();
        SecondDocumentDetector detector;
        parser.HandleNextDocument(detector);
    } catch (const Refusal &refusal) {
        result.root.reset();
        result.error = refusal.diagnostic;
    } catch (const YAML::Exception &e) {
        result.root.reset();
        result.error = Diagnostic{Severity::Error, "syntax", syntaxMessage(e), {},
                                  toLocation(e.mark)};
    } catch (const std::exception &e) {
        result.root.reset();
        result.error = Diagnostic{Severity::Error, "syntax",
                                  std::string("could not parse the file: ") + e.what(), {}, {1, 1}};
    }
    return result;
}

} // namespace topolab::core
