#pragma once

#include "core/model/paramspec.h"

#include <QPointer>
#include <QWidget>

#include <array>
#include <functional>
#include <optional>
#include <string>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QScrollArea;
class QToolButton;

namespace topolab::core {
class ParamSet;
}

namespace topolab::app {

class ParamSetForm;
class RateProfileEditor;
class TopologyDocument;

// The client groups of the document: a list with Add and Remove, and for the selected group
// its id and region, its traffic (clients, resolvers, rate, latencies, shares), its clients'
// behaviour (retries, timeouts, caches, TTL-violating resolvers) and its rate profile with a
// preview. Every change is one document call, refused with the reason under the field. Keeps
// the selected group across refreshes, by id. Owns its widgets, not the document.
class ClientGroupsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ClientGroupsPanel(TopologyDocument *document, QWidget *parent = nullptr);

    // Re-reads the document, keeping the selected group when it still exists.
    void refresh();
    QString selectedGroup() const { return mSelected; }
    void selectGroup(const QString &id);
    // Adds a group (`users`, `users-2`, ... in the first region, if any) and selects it;
    // returns its id.
    QString addGroup();
    bool removeSelected();

    QListWidget *list() const { return mList; }
    QToolButton *addButton() const { return mAdd; }
    QToolButton *removeButton() const { return mRemove; }
    QLineEdit *idEdit() const { return mIdEdit; }
    QLabel *idRefusal() const { return mIdRefusal; }
    QComboBox *regionBox() const { return mRegion; }
    ParamSetForm *trafficForm() const { return mTraffic; }
    ParamSetForm *behaviourForm() const { return mBehaviour; }
    RateProfileEditor *profileEditor() const { return mProfile; }

Q_SIGNALS:
    void groupsChanged(int count);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    using GroupEdit = std::function<std::optional<std::string>(core::ParamSet &)>;
    // Applies `edit` to the selected group's parameters as one step named `text`.
    std::optional<QString> editGroup(const QString &text, const GroupEdit &edit);
    void setValue(ParamSetForm *form, const QString &path, const core::ParamValue &value);
    void reset(ParamSetForm *form, const QString &path);
    void chooseShape(const QString &shape);
    void commitId();
    void chooseRegion(int index);
    void arrange(bool wide);
    void fillList();
    void fillRegions();
    void showSelected();

    QPointer<TopologyDocument> mDocument;
    QString mSelected;
    QListWidget *mList;
    QToolButton *mAdd;
    QToolButton *mRemove;
    QScrollArea *mScroll;
    QWidget *mDetails;
    QGridLayout *mDetailsGrid = nullptr;
    std::array<QWidget *, 3> mBoxes{}; // traffic, behaviour, profile
    bool mWide = false;
    QLabel *mNoSelection;
    QLineEdit *mIdEdit;
    QLabel *mIdRefusal;
    QComboBox *mRegion;
    ParamSetForm *mTraffic;
    ParamSetForm *mBehaviour;
    RateProfileEditor *mProfile;
    bool mFilling = false;
};

} // namespace topolab::app
