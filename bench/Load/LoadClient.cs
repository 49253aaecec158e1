using System.Net;

namespace LlmOrleans.Bench.Load;

/// <summary>
/// One HTTP/1.1 client for a run: a connection pool of exactly <c>connections</c> sockets that live for the
/// whole run, no proxy, cookies or redirects, so the only work per request is the request itself.
/// </summary>
public sealed class LoadClient : IDisposable
{
    private readonly OwnMeterFactory _meters = new();

    public LoadClient(Uri baseUri, int connections, TimeSpan requestTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            MeterFactory = _meters,
        };
        Http = new HttpClient(handler)
        {
            BaseAddress = baseUri,
            Timeout = requestTimeout,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } apiKey)
        {
            Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        ProcessUri = new Uri(baseUri, "process");
    }

    /// <summary>The environment variable holding the API key for a gateway that requires one (<c>--url</c>).</summary>
    public const string ApiKeyVariable = "LLMORLEANS_API_KEY";

    /// <summary>The client; its base address is the gateway.</summary>
    public HttpClient Http { get; }

    /// <summary><c>POST /process</c>, built once.</summary>
    public Uri ProcessUri { get; }

    /// <summary><c>GET /result/{id}</c>.</summary>
    public Uri ResultUri(Guid requestId) => new(Http.BaseAddress!, $"result/{requestId:D}");

    public void Dispose()
    {
        Http.Dispose();
        _meters.Dispose();
    }
}
