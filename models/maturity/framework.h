// A maturity framework as data: stages (columns) and competencies (rows) with a criterion per cell.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

struct FrameworkStage
{
    int level = 0;
    QString key;
    QString name;
    QString description;
};

struct FrameworkCompetency
{
    QString key;
    QString name;
    QString description;
    QStringList criteria; // one per stage, in stage order
};

struct Framework
{
    QString key;
    QString name;
    QString version;
    QString publisher;
    QString description;
    QList<FrameworkStage> stages;
    QList<FrameworkCompetency> competencies;

    // Parses the JSON shape of resources/frameworks/*.json. Returns nothing and sets error
    // when a required part is missing or inconsistent.
    [[nodiscard]] static std::optional<Framework> fromJson(const QByteArray &json, QString *error);
    // The frameworks shipped with the app (the Community Maturity Model first).
    [[nodiscard]] static QList<Framework> builtIn();
};
