using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>Routing options are range-checked like the other options, and a bad host.json value stops the host with the rule.</summary>
public sealed class SignalRRoutingOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    public void HealthProbeInterval_OutOfRange_NamesTheOption(int seconds)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SignalRRoutingOptions().HealthProbeInterval = TimeSpan.FromSeconds(seconds));

        Assert.StartsWith("The routing option healthProbeInterval (host.json 'extensions:signalRInfo:routing:healthProbeInterval'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void OfflineAfterFailures_OutOfRange_NamesTheOption(int value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SignalRRoutingOptions().OfflineAfterFailures = value);

        Assert.StartsWith("The routing option offlineAfterFailures", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AzureWebJobs:extensions:signalRInfo:routing:offlineAfterFailures", "0", "The routing option offlineAfterFailures")]
    [InlineData("AzureWebJobs:extensions:signalRInfo:routing:healthProbeInterval", "00:00:00", "The routing option healthProbeInterval")]
    [InlineData("AzureWebJobs:extensions:signalRInfo:routing:weights:east", "-1", "The routing weight of endpoint 'east'")]
    public async Task HostJson_OutOfRange_StopsTheHostWithTheRule(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = SignalRConnectionInfoBindingTests.Connection, [key] = value };
        await using var host = TestHost.Create(settings, typeof(SignalRNegotiationBindingTests.Functions));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostJson_Routing_IsBound()
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureSignalRConnectionString"] = SignalRConnectionInfoBindingTests.Connection,
            ["AzureWebJobs:extensions:signalRInfo:routing:mode"] = "priority",
            ["AzureWebJobs:extensions:signalRInfo:routing:order:0"] = "west",
            ["AzureWebJobs:extensions:signalRInfo:routing:weights:west"] = "3",
            ["AzureWebJobs:extensions:signalRInfo:routing:healthProbeInterval"] = "00:00:30",
        };
        await using var host = await TestHost.StartAsync(settings, typeof(SignalRNegotiationBindingTests.Functions));

        var options = ((Microsoft.Extensions.Options.IOptions<SignalRInfoOptions>)host.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<SignalRInfoOptions>))!).Value;

        Assert.Equal(SignalRRoutingMode.Priority, options.Routing.Mode);
        Assert.Equal(new[] { "west" }, options.Routing.Order);
        Assert.Equal(3, options.Routing.Weights["west"]);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Routing.HealthProbeInterval);
        Assert.Contains("\"Mode\": \"Priority\"", options.Format(), StringComparison.Ordinal);
    }
}
