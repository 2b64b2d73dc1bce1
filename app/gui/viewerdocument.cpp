#include "viewerdocument.h"

#include "core/io/topologyreader.h"
#include "core/validation/validator.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace topolab::app {

ViewerDocument::ViewerDocument(QObject *parent)
    : QObject(parent)
{
}

bool ViewerDocument::load(const QString &path)
{
    core::LoadResult result = core::loadTopologyFile(QFile::encodeName(path).toStdString());
    mFilePath = path;
    mTopology = std::move(result.topology);
    mDiagnostics = std::move(result.diagnostics);
    if (mTopology) {
        std::vector<core::Diagnostic> findings
            = core::validateTopology(*mTopology, &result.sources);
        mDiagnostics.insert(mDiagnostics.end(), findings.begin(), findings.end());
    } else if (mDiagnostics.empty()) {
        // The reader promises a diagnostic for every failure; keep the window honest if not.
        mDiagnostics.push_back(
            core::Diagnostic{core::Severity::Error, "io", "the file could not be read", {}, {}});
    }
    Q_EMIT loaded();
    return mTopology.has_value();
}

QString ViewerDocument::fileName() const
{
    return QFileInfo(mFilePath).fileName();
}

int ViewerDocument::errorCount() const
{
    return static_cast<int>(
        std::count_if(mDiagnostics.begin(), mDiagnostics.end(),
                      [](const auto &d) { return d.severity == core::Severity::Error; }));
}

int ViewerDocument::warningCount() const
{
    return static_cast<int>(mDiagnostics.size()) - errorCount();
}

QString ViewerDocument::formatted(const core::Diagnostic &diagnostic) const
{
    return QString::fromStdString(core::formatDiagnostic(diagnostic, fileName().toStdString()));
}

} // namespace topolab::app
