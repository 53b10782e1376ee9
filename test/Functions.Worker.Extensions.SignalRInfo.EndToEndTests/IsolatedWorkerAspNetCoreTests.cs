using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>ASP.NET Core integration (the request forwarded to the worker's own HTTP server).</summary>
public sealed class IsolatedWorkerAspNetCoreTests : IsolatedWorkerTests
{
    public IsolatedWorkerAspNetCoreTests(IsolatedAppsFixture apps, ITestOutputHelper output)
        : base(apps, HttpModel.AspNetCore, output)
    {
    }

    [Fact]
    public async Task ActionResult_IsWrittenByTheIntegrationAndUntouched()
    {
        using var response = await Client.PostAsync("api/actionresult/negotiate", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("action result for " + Host.LocalService.GetClientUrl("chat"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OwnResponse_WrittenByTheFunction_IsNotReplaced()
    {
        using var response = await Client.PostAsync("api/ownresponse/negotiate", null);

        Assert.Equal(HttpStatusCode.NonAuthoritativeInformation, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("written by the function", await response.Content.ReadAsStringAsync());
    }
}
