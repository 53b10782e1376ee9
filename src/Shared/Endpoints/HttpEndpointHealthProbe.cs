using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SignalRInfo.Core;

/// <summary>
/// <c>HEAD {server endpoint}/api/health</c>, as Azure SignalR Service answers it: healthy on a 2xx status; a time-out
/// (10 seconds), a refused connection or any other status is a failure.
/// </summary>
internal sealed class HttpEndpointHealthProbe : IEndpointHealthProbe, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly HttpClient _client = new() { Timeout = Timeout };

    /// <inheritdoc />
    public async Task<string?> ProbeAsync(Uri healthUri, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, healthUri);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : "the health probe answered " + (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException)
        {
            return "the health probe failed: " + ex.GetType().Name + " (" + ex.Message.TrimEnd('.') + ")";
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
