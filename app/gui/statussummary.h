#pragma once

#include <QLabel>

namespace topolab::app {

class ViewerDocument;

// The status bar text: how many components and links the file has and how many
// errors and warnings were found. Owns nothing.
class StatusSummary : public QLabel
{
    Q_OBJECT

public:
    explicit StatusSummary(const ViewerDocument &document, QWidget *parent = nullptr);

    void refresh();

private:
    const ViewerDocument &mDocument;
};

} // namespace topolab::app
