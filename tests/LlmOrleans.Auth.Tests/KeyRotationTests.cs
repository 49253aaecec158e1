using System.Net;
using LlmOrleans.Testing;

namespace LlmOrleans.Auth.Tests;

[Collection(SecuredPipelineCollection.Name)]
public sealed class KeyRotationTests(SecuredPipelineFixture pipeline)
{
    [Fact]
    public async Task ANewKeyWorks_AndARemovedKeyStops_WithoutARestart()
    {
        var rotated = TestKeys.New("bob-rotated");
        var file = TestKeys.File();
        var keys = file["keys"]!.AsArray();
        keys.Remove(keys.Single(k => (string?)k!["id"] == "bob-1"));
        keys.Add(TestKeys.Entry("bob-2", rotated, tenant: "bob"));
        using var oldBob = pipeline.Client(TestKeys.Bob);
        using var newBob = pipeline.Client(rotated);
        var before = await oldBob.SubmitAsync("echo", "echo-small", "before rotation");

        try
        {
            pipeline.WriteKeys(file);

            await Eventually.TrueAsync(async () => (await newBob.GetResultAsync(before)).Status == HttpStatusCode.OK,
                TimeSpan.FromSeconds(10), "the new key to be in force");
            using var old = await oldBob.GetAsync($"/result/{before}");
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }
        finally
        {
            pipeline.WriteKeys(TestKeys.File());
            await Eventually.TrueAsync(async () => (await oldBob.GetResultAsync(before)).Status == HttpStatusCode.OK,
                TimeSpan.FromSeconds(10), "the original keys to be back");
        }
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"keys":[{"id":"x","sha256":"not-a-hash"}]}""")]
    [InlineData("""{"keys":[{"id":"x","sha256":"00000000000000000000000000000000000000000000000000000000000000aa","scopes":["root"]}]}""")]
    public async Task ABadEdit_IsRejected_AndTheKeysInForceStay(string content)
    {
        using var alice = pipeline.Client(TestKeys.Alice);
        var rejectionsBefore = Rejections();
        try
        {
            File.WriteAllText(pipeline.KeysFile, content);
            await Eventually.TrueAsync(() => Task.FromResult(Rejections() > rejectionsBefore),
                TimeSpan.FromSeconds(10), "the rejection to be logged");

            var requestId = await alice.SubmitAsync("echo", "echo-small", "still works");
            Assert.Equal("succeeded", (await alice.WaitForFinishAsync(requestId)).GetProperty("status").GetString());
        }
        finally
        {
            pipeline.WriteKeys(TestKeys.File());
        }
    }

    private int Rejections() => pipeline.Logs.Lines.Count(l => l.Contains("API keys not reloaded", StringComparison.Ordinal));
}
