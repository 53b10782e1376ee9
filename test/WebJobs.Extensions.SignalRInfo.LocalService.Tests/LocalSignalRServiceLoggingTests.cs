using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.Extensions.Logging;
using SignalRInfo.TestSupport;
using WebJobs.Extensions.SignalRInfo.LocalService.Tests.Infrastructure;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests;

/// <summary>Even with every category at Trace, no token and no key ever reaches the logs.</summary>
public class LocalSignalRServiceLoggingTests
{
    [Fact]
    public async Task Logs_AtTraceLevel_NeverContainTokensOrKeys()
    {
        var logs = new CapturingLoggerProvider();
        var options = new LocalSignalRServiceOptions
        {
            Port = 0,
            AccessKey = TestTokens.Key,
            ConfigureLogging = l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace).AddFilter("Microsoft", LogLevel.Trace),
        };
        var good = TestTokens.Mint(TestTokens.Audience("chat"), "alice");
        var bad = TestTokens.Mint(TestTokens.Audience("chat"), "mallory", key: "wrong-key-0123456789abcdefghijklmnopqrstuv");
        string issuedKey;
        await using (var service = await LocalSignalRService.StartAsync(options))
        {
            using var http = TestClients.Http(service);
            using (var viaQuery = await http.PostAsync($"client/negotiate?hub=chat&negotiateVersion=1&access_token={good}", null))
            {
                Assert.Equal(HttpStatusCode.OK, viaQuery.StatusCode);
            }

            using (var refused = await TestClients.NegotiateAsync(http, "chat", bad))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            }

            using (var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/auth/accessKey"))
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer entra-secret-token");
                using var response = await http.SendAsync(request);
                issuedKey = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("AccessKey").GetString()!;
            }

            foreach (var transport in new[] { HttpTransportType.WebSockets, HttpTransportType.LongPolling })
            {
                await using var connection = TestClients.Hub(service, "chat", good, transport);
                await TestClients.StartReadyAsync(connection);
            }
        }

        Assert.True(logs.Contains("Refused POST /client/negotiate for hub 'chat' with 401: invalid signature"), logs.AllText);
        Assert.True(logs.Contains("Issued access key"), logs.AllText);
        foreach (var secret in new[] { TestTokens.Key, issuedKey, "entra-secret-token", good.Split('.')[1], good.Split('.')[2], bad.Split('.')[2] })
        {
            Assert.False(logs.Contains(secret), "A log line contains a secret.");
        }
    }
}
