using System.Globalization;

namespace LlmOrleans.Testing;

/// <summary>Reads samples out of a Prometheus text exposition (the body of <c>GET /metrics</c>).</summary>
public static class PrometheusText
{
    /// <summary>
    /// The sum of every sample of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>;
    /// null when there is no such sample.
    /// </summary>
    public static double? Sum(string exposition, string metric, params (string Name, string Value)[] labels)
    {
        double? sum = null;
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(metric, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[metric.Length..];
            if (!rest.StartsWith('{') && !rest.StartsWith(' '))
            {
                continue; // another metric whose name merely starts with this one
            }

            // Label values may hold braces themselves (http_route="/result/{requestId}").
            var labelText = rest.StartsWith('{') ? rest[..(rest.LastIndexOf('}') + 1)] : "";
            if (labels.All(l => labelText.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                var value = rest[labelText.Length..].Trim().Split(' ')[0];
                sum = (sum ?? 0) + double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }
}
