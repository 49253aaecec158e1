namespace LlmOrleans.Ui.Tests;

/// <summary>
/// The browser the page tests drive: Debian's Chromium (<c>apt-get install -y chromium</c>), launched by
/// Playwright from its path, since nothing may be downloaded here. CI installs it and must not skip.
/// </summary>
public static class Chromium
{
    /// <summary>Where Debian installs it.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Whether it is installed.</summary>
    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>Whether this run is on CI, where a missing browser is a failure.</summary>
    public static bool OnCi => Environment.GetEnvironmentVariable("CI") == "true";
}

/// <summary>A test that needs Chromium: skipped with a reason when it is missing, except on CI, where it then fails.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.IsInstalled && !Chromium.OnCi)
        {
            Skip = $"Chromium is not installed at {Chromium.ExecutablePath} (apt-get install -y chromium); CI fails instead of skipping.";
        }
    }
}
