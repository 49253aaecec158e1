namespace LlmOrleans.Bench.Metrics;

/// <summary>
/// The system some time after a run ended with no load: this process's memory, and (embedded) how many job
/// grains were still active when the run ended and after the wait.
/// </summary>
public sealed record SettledFigures(double Seconds, MemoryFigures Memory, int? JobGrainsAtEnd, int? JobGrainsAfter);
