#pragma once

#include <QColor>

namespace topolab::app {

// The colours the comparison and the sweep draw with: variant A blue and B orange (told apart
// by dashes as well, for readers who do not tell the colours apart), one per sweep chart.
struct CompareColours
{
    static QColor variant(int index)
    {
        return index == 0 ? QColor(0x1f, 0x6f, 0xd1) : QColor(0xe6, 0x7e, 0x00);
    }
    static QColor availability() { return QColor(0x2e, 0x9a, 0x47); }
    static QColor failed() { return QColor(0xd3, 0x2f, 0x2f); }
    static QColor latency() { return QColor(0x1f, 0x6f, 0xd1); }
};

} // namespace topolab::app
