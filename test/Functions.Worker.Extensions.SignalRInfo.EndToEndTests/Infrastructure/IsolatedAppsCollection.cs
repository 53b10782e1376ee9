using Xunit;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>The tests that share the built apps run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class IsolatedAppsCollection : ICollectionFixture<IsolatedAppsFixture>
{
    public const string Name = "isolated apps";
}
