// Reading framework definitions from JSON.
#include "framework.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

std::optional<Framework> Framework::fromJson(const QByteArray &json, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<Framework> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (document.isNull())
        return fail(QCoreApplication::translate("Framework", "Not valid JSON: %1")
                        .arg(parseError.errorString()));
    const QJsonObject root = document.object();

    Framework framework;
    framework.key = root.value(QLatin1String("key")).toString();
    framework.name = root.value(QLatin1String("name")).toString();
    framework.version = root.value(QLatin1String("version")).toString();
    framework.publisher = root.value(QLatin1String("publisher")).toString();
    framework.description = root.value(QLatin1String("description")).toString();
    if (framework.key.isEmpty() || framework.name.isEmpty())
        return fail(QCoreApplication::translate("Framework", "A framework needs a key and a name."));

    const QJsonArray stages = root.value(QLatin1String("stages")).toArray();
    for (const QJsonValue &value : stages) {
        const QJsonObject object = value.toObject();
        framework.stages.append({object.value(QLatin1String("level")).toInt(),
                                 object.value(QLatin1String("key")).toString(),
                                 object.value(QLatin1String("name")).toString(),
                                 object.value(QLatin1String("description")).toString()});
    }
    if (framework.stages.isEmpty())
        return fail(QCoreApplication::translate("Framework", "Framework %1 has no stages.")
                        .arg(framework.key));

    const QJsonArray competencies = root.value(QLatin1String("competencies")).toArray();
    for (const QJsonValue &value : competencies) {
        const QJsonObject object = value.toObject();
        FrameworkCompetency competency;
        competency.key = object.value(QLatin1String("key")).toString();
        competency.name = object.value(QLatin1String("name")).toString();
        competency.description = object.value(QLatin1String("description")).toString();
        const QJsonArray criteria = object.value(QLatin1String("criteria")).toArray();
        for (const QJsonValue &criterion : criteria)
            competency.criteria << criterion.toString();
        if (competency.key.isEmpty() || competency.name.isEmpty())
            return fail(
                QCoreApplication::translate("Framework", "A competency of %1 has no key or name.")
                    .arg(framework.key));
        if (competency.criteria.size() != framework.stages.size())
            return fail(
                QCoreApplication::translate("Framework",
                                            "Competency %1 needs one criterion per stage (%2).")
                    .arg(competency.key)
                    .arg(framework.stages.size()));
        framework.competencies.append(competency);
    }
    if (framework.competencies.isEmpty())
        return fail(QCoreApplication::translate("Framework", "Framework %1 has no competencies.")
                        .arg(framework.key));
    return framework;
}

QList<Framework> Framework::builtIn()
{
    QList<Framework> frameworks;
    const QDir dir(QStringLiteral(":/frameworks"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        if (auto framework = fromJson(file.readAll(), nullptr))
            frameworks.append(*framework);
    }
    std::stable_sort(frameworks.begin(),
                     frameworks.end(),
                     [](const Framework &a, const Framework &b) {
                         return a.key == QLatin1String("cmm") && b.key != QLatin1String("cmm");
                     });
    return frameworks;
}
