// What the benchmarks report about their own process: processor time, peak memory, and the
// machine's load (wall-clock figures only hold on an idle machine).
#pragma once

#include <QString>

namespace ProcessMeasures {

// Processor seconds of the whole process (all threads) so far.
[[nodiscard]] double processorSeconds();
// The peak resident memory ("123456 kB"), or "unknown".
[[nodiscard]] QString peakMemory();
// The load averages of the last 1, 5 and 15 minutes, or "unknown".
[[nodiscard]] QString loadAverage();

} // namespace ProcessMeasures
