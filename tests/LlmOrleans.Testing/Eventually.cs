namespace LlmOrleans.Testing;

/// <summary>Polls until a condition holds or a deadline passes; tests never sleep a fixed time to wait.</summary>
public static class Eventually
{
    /// <summary>Returns the first value of <paramref name="probe"/> that is <paramref name="done"/>; throws after <paramref name="timeout"/>.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}.");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; throws after <paramref name="timeout"/>.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        UntilAsync(condition, holds => holds, timeout, what);
}
