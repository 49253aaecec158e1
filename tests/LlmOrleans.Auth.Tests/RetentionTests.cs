using LlmOrleans.Grains.Abstractions;
using LlmOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOrleans.Auth.Tests;

/// <summary>The secured pipeline runs with <c>JOB_RETENTION=output</c>.</summary>
[Collection(SecuredPipelineCollection.Name)]
public sealed class RetentionTests(SecuredPipelineFixture pipeline)
{
    [Fact]
    public async Task OutputRetention_KeepsTheOutput_AndDropsThePromptOnceTheJobIsDone()
    {
        using var alice = pipeline.Client(TestKeys.Alice);
        var grains = pipeline.Pipeline.SiloServices.GetRequiredService<IGrainFactory>();

        var requestId = await alice.SubmitAsync("echo", "echo-small", "a confidential prompt");
        var result = await alice.WaitForFinishAsync(requestId);
        var grain = grains.GetGrain<ILlmJobGrain>(requestId);

        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Contains("a confidential prompt", result.GetProperty("output").GetString());
        await Eventually.TrueAsync(async () => await grain.GetPromptAsync() is null, TimeSpan.FromSeconds(10), "the prompt to be dropped");
        Assert.Contains("a confidential prompt", (await grain.GetAsync())!.Output);
    }
}
