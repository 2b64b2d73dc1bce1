// docs/format.md is the reference users read: every key, kind and validation code must be in it.
#include "core/model/schemas.h"
#include "core/validation/validator.h"

#include <QFile>
#include <QTest>

using namespace topolab::core;

class TestDocs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(QStringLiteral(TOPOLAB_EXAMPLES "/../../docs/format.md"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        mText = QString::fromUtf8(file.readAll());
        QVERIFY(mText.size() > 1000);
    }

    void everyKeyIsDocumented()
    {
        const auto check = [this](const ParamSchema &schema) {
            for (const auto &path : schema.allPaths()) {
                const QString quoted
                    = QLatin1Char('`') + QString::fromStdString(path) + QLatin1Char('`');
                QVERIFY2(mText.contains(quoted), qPrintable(quoted));
            }
        };
        for (ComponentKind kind : allComponentKinds) {
            const QString heading = QStringLiteral("### `")
                                    + QString::fromLatin1(kindName(kind).data()) + QLatin1Char('`');
            QVERIFY2(mText.contains(heading), qPrintable(heading));
        }
        for (const ParamSchema *schema : allParamSchemas())
            check(*schema);
    }

    void everyValidationCodeIsDocumented()
    {
        for (const auto &rule : validationRules()) {
            const QString quoted
                = QLatin1Char('`')
                  + QString::fromLatin1(rule.code.data(), qsizetype(rule.code.size()))
                  + QLatin1Char('`');
            QVERIFY2(mText.contains(quoted), qPrintable(quoted));
        }
    }

private:
    QString mText;
};

QTEST_APPLESS_MAIN(TestDocs)
#include "tst_docs.moc"
