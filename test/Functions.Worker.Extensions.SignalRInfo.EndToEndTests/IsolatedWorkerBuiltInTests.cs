using Xunit.Abstractions;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>The built-in HTTP model (HttpRequestData over gRPC).</summary>
public sealed class IsolatedWorkerBuiltInTests : IsolatedWorkerTests
{
    public IsolatedWorkerBuiltInTests(IsolatedAppsFixture apps, ITestOutputHelper output)
        : base(apps, HttpModel.BuiltIn, output)
    {
    }
}
