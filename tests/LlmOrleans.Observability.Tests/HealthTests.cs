using System.Net;
using LlmOrleans.Testing;

namespace LlmOrleans.Observability.Tests;

[Collection(ObservedPipelineCollection.Name)]
public sealed class HealthTests(ObservedPipelineFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Ready_IsUnreadyWhileRedisIsDown_AndReadyAgainOnceItIsBack_WhileLiveStaysUp()
    {
        await BothReadyAsync(HttpStatusCode.OK, "gateway and silo to be ready");

        await fixture.Redis.StopAsync();
        try
        {
            await BothReadyAsync(HttpStatusCode.ServiceUnavailable, "gateway and silo to be unready without Redis");
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(fixture.Gateway, "/health/live"));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(fixture.Silo, "/health/live"));
        }
        finally
        {
            await fixture.Redis.StartAgainAsync();
        }

        await BothReadyAsync(HttpStatusCode.OK, "gateway and silo to be ready again with Redis back");
    }

    private Task BothReadyAsync(HttpStatusCode expected, string what) =>
        Eventually.TrueAsync(
            async () => await StatusAsync(fixture.Gateway, "/health/ready") == expected
                        && await StatusAsync(fixture.Silo, "/health/ready") == expected,
            Timeout,
            what);

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return response.StatusCode;
    }
}
