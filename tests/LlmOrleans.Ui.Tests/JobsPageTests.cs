using System.Globalization;
using System.Text.RegularExpressions;
using LlmOrleans.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LlmOrleans.Ui.Tests;

/// <summary>The jobs page in a real browser (headless Chromium) against the running pipeline.</summary>
[Collection(UiPipelineCollection.Name)]
public sealed class JobsPageTests(UiPipelineFixture fixture) : IAsyncLifetime
{
    private static readonly Regex Number = new(@"^[\d,]+$");

    private readonly List<string> _scriptErrors = [];
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Headless = true });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [ChromiumFact]
    public async Task Page_SubmitsAnEchoJob_SeesItSucceed_OpensItsOutput_AndCountsIt()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(fixture.GatewayUrl + "/");
        Assert.EndsWith("/ui", page.Url);

        var succeededTile = page.Locator("#count-succeeded");
        await Expect(succeededTile).Not.ToHaveTextAsync("–");
        var before = Count(await succeededTile.TextContentAsync());

        // Markup in the prompt must come back as text: the page never parses data as HTML.
        const string prompt = "Hello from the browser <b>not bold</b> & <script>alert(1)</script>";
        await page.FillAsync("#submit-provider", "echo");
        await page.FillAsync("#submit-model", "echo");
        await page.FillAsync("#submit-prompt", prompt);
        await page.ClickAsync("#submit button[type=submit]");
        var result = page.Locator("#submit-result");
        await Expect(result).ToHaveTextAsync(new Regex("^accepted [0-9a-f-]{36}$"));
        var requestId = (await result.TextContentAsync())!["accepted ".Length..];

        var row = page.Locator($"#recent tbody tr[data-request-id='{requestId}']");
        await Expect(row).ToHaveAttributeAsync("data-state", "succeeded");
        await Expect(row.Locator(".state")).ToHaveTextAsync("succeeded");

        await page.ClickAsync("#detail-close");
        await Expect(page.Locator("#detail")).ToBeHiddenAsync();
        await row.ClickAsync();
        await Expect(page.Locator("#detail")).ToBeVisibleAsync();
        await Expect(page.Locator("#detail-id")).ToHaveTextAsync(requestId);
        await Expect(page.Locator("#detail-output")).ToHaveTextAsync(prompt);
        await Expect(page.Locator("#detail-fields .state")).ToHaveTextAsync("succeeded");
        Assert.Equal(0, await page.Locator("#detail-output b, #detail-output script").CountAsync());

        await Expect(succeededTile).ToHaveTextAsync(Number);
        await Eventually.TrueAsync(async () => Count(await succeededTile.TextContentAsync()) > before,
            TimeSpan.FromSeconds(30), "the succeeded tile to go up");
        await Expect(page.Locator("#latency tbody tr").First).ToContainTextAsync("echo");
        await Expect(page.Locator("#throughput rect.bar-ok").First).ToBeAttachedAsync();

        await SaveScreenshotAsync(page, "jobs-page.png");
        Assert.Empty(_scriptErrors);
    }

    [ChromiumFact]
    public async Task Page_AnsweredWith401_AsksForAnApiKey_AndSendsItAsBearerOnEveryCall()
    {
        var page = await NewPageAsync();
        var authorizations = new List<string>();
        // The gateway has no authentication yet: stand in for it, refusing API calls without the key.
        await page.RouteAsync("**/ui/api/**", async route =>
        {
            var authorization = route.Request.Headers.TryGetValue("authorization", out var value) ? value : null;
            lock (authorizations)
            {
                authorizations.Add(authorization ?? "");
            }

            if (authorization == "Bearer test-key")
            {
                await route.ContinueAsync();
            }
            else
            {
                await route.FulfillAsync(new() { Status = 401 });
            }
        });

        await page.GotoAsync(fixture.GatewayUrl + "/ui");
        await Expect(page.Locator("#auth")).ToBeVisibleAsync();
        await page.FillAsync("#api-key", "test-key");
        await page.ClickAsync("#auth-form button[type=submit]");

        await Expect(page.Locator("#auth")).ToBeHiddenAsync();
        await Expect(page.Locator("#count-succeeded")).ToHaveTextAsync(Number);
        Assert.Equal("test-key", await page.EvaluateAsync<string>("sessionStorage.getItem('llmorleans.apiKey')"));
        lock (authorizations)
        {
            Assert.Contains("Bearer test-key", authorizations);
        }

        Assert.Empty(_scriptErrors);
    }

    private async Task<IPage> NewPageAsync()
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        page.PageError += (_, error) => _scriptErrors.Add(error);
        page.Console += (_, message) =>
        {
            // A refused request is logged by the browser itself; the page's own errors are what count.
            if (message.Type == "error" && !message.Text.Contains("401", StringComparison.Ordinal))
            {
                _scriptErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        return page;
    }

    private static long Count(string? tile) => long.Parse(tile!, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>Keeps a full-page screenshot beside the test binaries, and in <c>$TEST_ARTIFACTS_DIR</c> when set.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "artifacts", name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        if (Environment.GetEnvironmentVariable("TEST_ARTIFACTS_DIR") is { Length: > 0 } artifacts)
        {
            Directory.CreateDirectory(artifacts);
            File.Copy(path, Path.Combine(artifacts, name), overwrite: true);
        }
    }
}
