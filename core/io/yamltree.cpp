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

constexpr const char *aliasMessage
    = "aliases (*name) are not supported in topology files; write the value out";

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

// True when the quoted scalar whose opening quote is at `pos` has its closing quote. yaml-cpp
// 0.7 accepts an unterminated quote when a newline follows it, and the scalar then silently
// swallows the rest of the file.
bool quoteIsClosed(std::string_view text, std::size_t pos)
{
    if (pos >= text.size() || (text[pos] != '"' && text[pos] != '\''))
        return true; // a block scalar or a tagged one: nothing to check here
    const char quote = text[pos];
    for (std::size_t i = pos + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\')
            ++i;
        else if (text[i] == quote && quote == '\'' && i + 1 < text.size() && text[i + 1] == quote)
            ++i; // '' is an escaped quote inside single quotes
        else if (text[i] == quote)
            return true;
    }
    return false;
}

class TreeBuilder : public YAML::EventHandler
{
public:
    explicit TreeBuilder(std::string_view text)
        : mText(text)
    {
    }

    std::optional<YamlNode> takeRoot() { return std::move(mRoot); }

    // The innermost flow collection still open, for "never closed" errors at end of file.
    std::optional<SourceLocation> openFlow(YamlNode::Type type) const
    {
        for (auto it = mStack.rbegin(); it != mStack.rend(); ++it) {
            if (it->flow && it->node.type == type)
                return it->node.location;
        }
        return std::nullopt;
    }

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
        refuse(mark, "alias", aliasMessage);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        checkAnchor(mark, anchor);
        checkTag(mark, tag);
        if (tag == "!" && mark.pos >= 0 && !quoteIsClosed(mText, std::size_t(mark.pos))) {
            refuse(mark, "syntax",
                   std::string("YAML syntax error: the quote ") + mText[std::size_t(mark.pos)]
                       + " that opens this text is never closed");
        }
        YamlNode node;
        node.type = YamlNode::Type::Scalar;
        node.location = toLocation(mark);
        node.scalar = value;
        node.plain = tag == "?";
        add(std::move(node));
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override
    {
        open(mark, tag, anchor, YamlNode::Type::Sequence, style);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override
    {
        open(mark, tag, anchor, YamlNode::Type::Map, style);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame
    {
        YamlNode node;
        std::optional<YamlNode> pendingKey; // maps: the key waiting for its value
        bool flow = false;                  // written in [ ] or { }
    };

    [[noreturn]] void refuse(const YAML::Mark &mark, std::string code, std::string message)
    {
        throw Refusal{
            Diagnostic{Severity::Error, std::move(code), std::move(message), {}, toLocation(mark)}};
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
              YamlNode::Type type, YAML::EmitterStyle::value style)
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
        frame.flow = style == YAML::EmitterStyle::Flow;
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
                throw Refusal{Diagnostic{Severity::Error,
                                         "complex-key",
                                         "map keys must be plain words",
                                         {},
                                         node.location}};
            }
            top.pendingKey = std::move(node);
        } else {
            // A value left out (`key:` then a new line) is reported by yaml-cpp where the next
            // token starts, often on another line; its key is where the reader should look.
            if (node.isNull() && node.location.line > top.pendingKey->location.line)
                node.location = top.pendingKey->location;
            top.node.entries.push_back(YamlEntry{std::move(*top.pendingKey), std::move(node)});
            top.pendingKey.reset();
        }
    }

    std::string_view mText;
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
        throw Refusal{Diagnostic{Severity::Error,
                                 "multiple-documents",
                                 "a topology file holds one YAML document; remove the second "
                                 "(after ---)",
                                 {},
                                 toLocation(mark)}};
    }
};

std::string syntaxMessage(const YAML::Exception &e)
{
    std::string message = e.msg;
    if (!message.empty())
        message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    return "YAML syntax error: " + message;
}

Diagnostic syntaxError(const YAML::Exception &e, const TreeBuilder &builder)
{
    Diagnostic error{Severity::Error, "syntax", syntaxMessage(e), {}, toLocation(e.mark)};
    // Anchors are refused where they are defined, so every alias yaml-cpp meets is unknown.
    if (e.msg == YAML::ErrorMsg::UNKNOWN_ANCHOR) {
        error.code = "alias";
        error.message = aliasMessage;
    }
    // yaml-cpp notices a missing ']' or '}' only at the end of the file; the bracket that is
    // never closed is the place to show.
    const bool map = e.msg == YAML::ErrorMsg::END_OF_MAP_FLOW;
    if (map || e.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW) {
        const auto opener = builder.openFlow(map ? YamlNode::Type::Map : YamlNode::Type::Sequence);
        if (opener && opener->known()) {
            error.location = *opener;
            error.message = map ? "YAML syntax error: this '{' is never closed; add a '}'"
                                : "YAML syntax error: this '[' is never closed; add a ']'";
        }
    }
    return error;
}

} // namespace

YamlParseResult parseYaml(std::string_view text)
{
    YamlParseResult result;
    std::istringstream stream{std::string(text)};
    TreeBuilder builder(text);
    try {
        YAML::Parser parser(stream);
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
        result.error = syntaxError(e, builder);
    } catch (const std::exception &e) {
        result.root.reset();
        result.error = Diagnostic{Severity::Error,
                                  "syntax",
                                  std::string("could not parse the file: ") + e.what(),
                                  {},
                                  {1, 1}};
    }
    return result;
}

} // namespace topolab::core
