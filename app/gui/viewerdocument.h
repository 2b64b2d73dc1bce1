#pragma once

#include "core/io/diagnostic.h"
#include "core/model/topology.h"

#include <QObject>
#include <QString>

#include <optional>
#include <vector>

namespace topolab::app {

// The file shown by the viewer: owns the loaded topology (absent when the file failed to load)
// and its diagnostics, which are the load errors on failure and the validation findings
// otherwise. Views listen to loaded() and never keep a copy of the model.
class ViewerDocument : public QObject
{
    Q_OBJECT

public:
    explicit ViewerDocument(QObject *parent = nullptr);

    // Replaces the current file; returns whether the topology could be read.
    bool load(const QString &path);

    QString filePath() const { return mFilePath; }
    QString fileName() const;
    const core::Topology *topology() const { return mTopology ? &*mTopology : nullptr; }
    const std::vector<core::Diagnostic> &diagnostics() const { return mDiagnostics; }
    bool loadFailed() const { return !mFilePath.isEmpty() && !mTopology; }
    int errorCount() const;
    int warningCount() const;
    // "FILE:LINE:COL: error: MESSAGE [code]", the same line topolab-cli prints.
    QString formatted(const core::Diagnostic &diagnostic) const;

Q_SIGNALS:
    void loaded();

private:
    QString mFilePath;
    std::optional<core::Topology> mTopology;
    std::vector<core::Diagnostic> mDiagnostics;
};

} // namespace topolab::app
