using System.Threading.Tasks;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests.Infrastructure;

/// <summary>One service on 127.0.0.1 and an ephemeral port, shared by tests that only send requests, disposed at the end.</summary>
public sealed class LocalServiceFixture : IAsyncLifetime
{
    private LocalSignalRService? _service;

    public LocalSignalRService Service => _service!;

    public async Task InitializeAsync() =>
        _service = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0, AccessKey = TestTokens.Key });

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}
