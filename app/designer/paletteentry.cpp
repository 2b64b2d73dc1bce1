#include "paletteentry.h"

#include <QStringList>

namespace topolab::app {

namespace {

bool startsAWord(const QString &text, const QString &term)
{
    qsizetype at = 0;
    while ((at = text.indexOf(term, at, Qt::CaseInsensitive)) >= 0) {
        if (at == 0 || !text.at(at - 1).isLetterOrNumber())
            return true;
        ++at;
    }
    return false;
}

} // namespace

bool PaletteEntry::matches(const QString &filter) const
{
    const QStringList terms = filter.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString spacedKind = kind;
    spacedKind.replace(QLatin1Char('_'), QLatin1Char(' '));
    for (const QString &term : terms) {
        const bool found = title.contains(term, Qt::CaseInsensitive)
                           || kind.contains(term, Qt::CaseInsensitive)
                           || spacedKind.contains(term, Qt::CaseInsensitive)
                           || startsAWord(group, term) || startsAWord(description, term);
        if (!found)
            return false;
    }
    return true;
}

} // namespace topolab::app
