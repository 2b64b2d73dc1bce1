#pragma once

#include <QDockWidget>
#include <QPointer>
#include <QStringList>

class QLabel;
class QLineEdit;
class QVBoxLayout;
class QWidget;

namespace topolab::core {
struct Region;
}

namespace topolab::app {

class ParameterForm;
class TopologyDocument;

// The "Inspector" dock: the selected components' kind icon, id and label, then a ParameterForm
// of typed editors for every parameter of their kind. Several components of one kind are
// edited together (one undo step per change); components of different kinds show only their
// ids. Only listens to the document and edits through it: renames and label changes go to
// TopologyDocument, a refused rename is shown under the id field. Owns its widgets and the
// form; not the document.
class InspectorDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit InspectorDock(QWidget *parent = nullptr);

    void setDocument(TopologyDocument *document);
    TopologyDocument *document() const { return mDocument; }
    // Ids that are not elements of the document are left out; a region is shown (id and label)
    // when it is all that is selected.
    void setSelection(const QStringList &componentIds);
    QStringList selection() const { return mSelection; }

    // For tests and the main window's focus handling.
    QLineEdit *idEdit() const { return mIdEdit; }
    QLineEdit *labelEdit() const { return mLabelEdit; }
    QLabel *idRefusalLabel() const { return mIdRefusal; }
    QLabel *messageLabel() const { return mMessage; }
    ParameterForm *form() const { return mForm; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void fitWidth();
    // Shows the selection in the form, aligns the header with it and sizes the dock to fit.
    void showSelectionInForm();
    void rebuild(); // the form for the selection's kind, then refresh()
    void refresh(); // the header and values, keeping the field being typed in
    void updateHeader();
    void showRegion(const core::Region &region);
    void commitId();
    void commitLabel();
    void componentChanged(const QString &id);
    void componentRemoved(const QString &id);
    void idRenamed(const QString &oldId, const QString &newId);
    void topologyReset();
    void updateErrorColour();

    QPointer<TopologyDocument> mDocument;
    QStringList mSelection;
    QWidget *mHeader;
    QLabel *mIcon;
    QLabel *mTitle;
    QLabel *mSummary;
    QWidget *mIdentity;
    QLabel *mIdName;
    QLabel *mLabelName;
    QLineEdit *mIdEdit;
    QLineEdit *mLabelEdit;
    QLabel *mIdRefusal;
    QLabel *mMessage;
    QVBoxLayout *mBody;
    ParameterForm *mForm = nullptr;
    int mWidestForm = 0; // the minimum width of the widest kind's form
};

} // namespace topolab::app
