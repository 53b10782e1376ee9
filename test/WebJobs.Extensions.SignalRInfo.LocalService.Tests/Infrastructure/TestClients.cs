using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests.Infrastructure;

/// <summary>Real .NET SignalR clients and plain HTTP requests against a <see cref="LocalSignalRService"/>.</summary>
internal static class TestClients
{
    /// <summary>A client of <c>http://localhost:{port}/client/?hub={hub}</c>, as the binding's url would send it.</summary>
    public static HubConnection Hub(LocalSignalRService service, string hub, string token, HttpTransportType transport = HttpTransportType.WebSockets) =>
        new HubConnectionBuilder()
            .WithUrl($"http://localhost:{service.Port}/client/?hub={hub}", transport, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();

    /// <summary>Starts the connection and waits until the service has placed it in its hub (a round trip after OnConnected).</summary>
    public static async Task<string?> StartReadyAsync(HubConnection connection)
    {
        await connection.StartAsync().WaitAsync(Inbox.Timeout);
        return await connection.InvokeAsync<string?>(LocalServiceHubMethods.WhoAmI).WaitAsync(Inbox.Timeout);
    }

    public static HttpClient Http(LocalSignalRService service) =>
        new() { BaseAddress = new Uri($"http://127.0.0.1:{service.Port}/"), Timeout = Inbox.Timeout };

    /// <summary>POST /client/negotiate?hub={hub}&amp;negotiateVersion=1 with the token as a bearer header (when not null).</summary>
    public static Task<HttpResponseMessage> NegotiateAsync(HttpClient http, string hub, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"client/negotiate?hub={hub}&negotiateVersion=1");
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        return http.SendAsync(request);
    }
}
