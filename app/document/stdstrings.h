#pragma once

#include <QString>
#include <QStringList>

#include <string>
#include <string_view>
#include <vector>

namespace topolab::app {

// The core model speaks UTF-8 std::string, the document's API QString: the two conversions.
inline QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

inline std::string toStd(const QString &text)
{
    return text.toStdString();
}

inline QStringList toQStringList(const std::vector<std::string> &texts)
{
    QStringList out;
    out.reserve(static_cast<qsizetype>(texts.size()));
    for (const auto &text : texts)
        out.append(toQString(text));
    return out;
}

} // namespace topolab::app
