using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LlmOrleans.Bench.Report;

/// <summary>Prints the summary, writes the JSON file when asked, and turns the outcome into an exit code.</summary>
public static class ReportOutput
{
    /// <summary>0 when every request and job succeeded, 1 otherwise.</summary>
    public static async Task<int> PublishAsync(BenchReport report, string? jsonPath)
    {
        SummaryTable.Write(report);
        if (jsonPath is not null)
        {
            await using var file = File.Create(jsonPath);
            // Relaxed escaping keeps '+', '>' and the like readable in a file no browser will see.
            var options = new JsonSerializerOptions(BenchJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            await JsonSerializer.SerializeAsync(file, report, (JsonTypeInfo<BenchReport>)options.GetTypeInfo(typeof(BenchReport)));
            Console.WriteLine($"wrote {Path.GetFullPath(jsonPath)}");
        }

        return report.Clean ? 0 : 1;
    }
}
