namespace LlmOrleans.Bench.Tests;

/// <summary>
/// An open loop that is still catching up on its warm-up when the window opens is marked "behind": more than a second
/// of load in flight beyond what the provider's latency holds.
/// </summary>
public sealed class OpenedBehindTests
{
    [Theory]
    [InlineData(2600, 51, null, false)]
    [InlineData(2600, 2600, null, false)]
    [InlineData(2600, 2601, null, true)]
    [InlineData(2600, 12_689, 0.0, true)]
    [InlineData(200, 202, 1000.0, false)]
    [InlineData(200, 400, 1000.0, false)]
    [InlineData(200, 401, 1000.0, true)]
    public void An_open_loop_is_behind_above_a_second_of_load_beyond_the_provider(double rate, long inFlight, double? providerMs, bool behind) =>
        Assert.Equal(behind, Runs.Pipeline(rate, inFlight, providerMs).OpenedBehind);

    [Fact]
    public void A_closed_loop_is_never_behind() => Assert.False(Runs.Pipeline(rate: null, inFlightAtWindowOpen: 1_000_000).OpenedBehind);

    [Fact]
    public void A_run_that_did_not_count_its_jobs_in_flight_is_not_behind() => Assert.False(Runs.Pipeline(2600, inFlightAtWindowOpen: null).OpenedBehind);
}
