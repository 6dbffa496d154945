// Shows and edits the engagement formula: a weight per kind of activity, the look-back window and
// where each level starts, with the formula spelled out as the user changes it.
#pragma once

#include "engagementformula.h"

#include <QDialog>

#include <array>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

class EngagementSettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit EngagementSettingsDialog(const EngagementFormula &formula, QWidget *parent = nullptr);

    [[nodiscard]] EngagementFormula formula() const;
    void setFormula(const EngagementFormula &formula);

private:
    void update();

    std::array<QDoubleSpinBox *, EngagementFormula::ActivityCount> m_weights{};
    std::array<QDoubleSpinBox *, 3> m_thresholds{}; // Participating, Contributing, Leading
    QSpinBox *m_window = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_ok = nullptr;
};
