using System.ComponentModel.DataAnnotations;

namespace LlmOrleans.Providers;

/// <summary>Accepts null or an absolute <c>http</c>/<c>https</c> URL.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class AbsoluteHttpUrlAttribute : ValidationAttribute
{
    /// <inheritdoc />
    public override bool IsValid(object? value) =>
        value is null ||
        (value is string text
            && Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}
