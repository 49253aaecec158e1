using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace LlmOrleans.Gateway.Ui;

/// <summary>
/// The jobs page's files (plain HTML, CSS and JavaScript), embedded in the gateway assembly so <c>dotnet run</c>,
/// <c>dotnet publish</c> and the image all serve them with no build step. Served with an ETag and revalidated on
/// every load, so a new gateway version shows at once and an unchanged one costs a 304.
/// </summary>
public sealed class UiPage
{
    private const string ResourcePrefix = "ui/";

    // The page loads nothing but its own files and calls nothing but this gateway.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private readonly Dictionary<string, Asset> _assets;

    private UiPage(Dictionary<string, Asset> assets) => _assets = assets;

    /// <summary>Reads the embedded files once.</summary>
    public static UiPage Load()
    {
        var assembly = typeof(UiPage).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var file = name[ResourcePrefix.Length..];
            assets[file] = new Asset(content, ContentTypeOf(file), $"\"{Convert.ToHexString(SHA256.HashData(content))[..16]}\"");
        }

        return assets.ContainsKey("index.html")
            ? new UiPage(assets)
            : throw new InvalidOperationException("The jobs page is missing from the gateway assembly (embedded 'ui/index.html').");
    }

    /// <summary>Answers a request for <paramref name="file"/>: the file, a 304 when the browser has it, or 404.</summary>
    public IResult Serve(string file, HttpContext context)
    {
        if (!_assets.TryGetValue(file, out var asset))
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
        }

        return context.Request.Headers.IfNoneMatch == asset.ETag
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    private static string ContentTypeOf(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
