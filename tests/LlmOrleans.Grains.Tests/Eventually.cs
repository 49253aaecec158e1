using System.Diagnostics;
using LlmOrleans.Grains.Abstractions;
using Xunit.Sdk;

namespace LlmOrleans.Grains.Tests;

/// <summary>Waiting on background work by polling with a deadline instead of sleeping.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds; fails after the deadline.</summary>
    public static async Task<T> AnswerMatchesAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > (timeout ?? DefaultTimeout))
            {
                throw new XunitException($"Timed out after {clock.Elapsed.TotalSeconds:0.0} s waiting for {what}; last value: {value}");
            }

            await Task.Delay(PollInterval);
        }
    }

    public static Task<T> MatchesAsync<T>(Func<T> probe, Func<T, bool> done, string what, TimeSpan? timeout = null) =>
        AnswerMatchesAsync(() => Task.FromResult(probe()), done, what, timeout);

    /// <summary>Checks that <paramref name="holds"/> stays true for <paramref name="period"/>: for things that must not happen.</summary>
    public static async Task StaysTrueAsync(Func<bool> holds, TimeSpan period, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < period)
        {
            Assert.True(holds(), $"Expected {what} to keep holding, but it stopped after {clock.ElapsedMilliseconds} ms");
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Waits until the job has succeeded or failed for good.</summary>
    public static async Task<JobSnapshot> TerminalAsync(ILlmJobGrain grain, TimeSpan? timeout = null) =>
        (await AnswerMatchesAsync(() => grain.GetAsync().AsTask(), s => s is { IsTerminal: true }, "a terminal job", timeout))!;
}
