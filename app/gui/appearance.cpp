#include "appearance.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace topolab::app {

namespace {

const QString key = QStringLiteral("appearance");

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe8, 0xeb);
    const QColor dim(0x8b, 0x90, 0x98);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x36, 0x39, 0x3f));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, dim);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3c, 0x3f, 0x45));
    p.setColor(QPalette::Mid, QColor(0x5a, 0x5e, 0x66));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xe0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb0, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, dim);
    return p;
}

QPalette lightPalette()
{
    QPalette p = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
    p.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xd1));
    p.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x7c));
    return p;
}

} // namespace

Appearance::Mode Appearance::stored()
{
    const QString value = QSettings().value(key).toString();
    if (value == QStringLiteral("dark"))
        return Mode::Dark;
    if (value == QStringLiteral("light"))
        return Mode::Light;
    return Mode::System;
}

void Appearance::store(Mode mode)
{
    QSettings().setValue(key, mode == Mode::Dark    ? QStringLiteral("dark")
                              : mode == Mode::Light ? QStringLiteral("light")
                                                    : QStringLiteral("system"));
}

void Appearance::apply(Mode mode)
{
    // The style the platform chose at start, to return to for System.
    static const QString systemStyle = QApplication::style()->name();
    static bool overridden = false;
    if (mode == Mode::System) {
        if (!overridden)
            return;
        overridden = false;
        QApplication::setStyle(QStyleFactory::create(systemStyle));
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    overridden = true;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(mode == Mode::Dark ? darkPalette() : lightPalette());
}

} // namespace topolab::app
