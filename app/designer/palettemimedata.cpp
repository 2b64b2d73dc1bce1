#include "palettemimedata.h"

#include "core/model/componentkind.h"

#include <QMimeData>

namespace topolab::app {

QString PaletteMimeData::mimeType()
{
    return QStringLiteral("application/x-topolab-kind");
}

QString PaletteMimeData::regionKind()
{
    return QStringLiteral("region");
}

bool PaletteMimeData::isKnownKind(const QString &kind)
{
    if (kind == regionKind())
        return true;
    const QByteArray utf8 = kind.toUtf8();
    return core::parseKind(std::string_view(utf8.constData(), std::size_t(utf8.size())))
        .has_value();
}

QMimeData *PaletteMimeData::encode(const QString &kind)
{
    auto *data = new QMimeData;
    data->setData(mimeType(), kind.toUtf8());
    data->setText(kind);
    return data;
}

bool PaletteMimeData::canDecode(const QMimeData *data)
{
    return !decode(data).isEmpty();
}

QString PaletteMimeData::decode(const QMimeData *data)
{
    if (!data || !data->hasFormat(mimeType()))
        return {};
    const QString kind = QString::fromUtf8(data->data(mimeType())).trimmed();
    return isKnownKind(kind) ? kind : QString();
}

} // namespace topolab::app
