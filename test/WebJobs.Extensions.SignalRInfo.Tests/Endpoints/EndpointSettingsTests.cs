using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>The Azure:SignalR:Endpoints grammar of Microsoft's extension, and an error naming every malformed entry.</summary>
public sealed class EndpointSettingsTests
{
    private const string East = "Endpoint=https://east.service.signalr.net;AccessKey=EastKey0123456789abcdefghijklmnopqrstuvwxyz=;Version=1.0;";
    private const string West = "Endpoint=https://west.service.signalr.net;AccessKey=WestKey0123456789abcdefghijklmnopqrstuvwxyz=;Version=1.0;";

    private static IReadOnlyList<EndpointEntry> Read(params (string Key, string? Value)[] settings) =>
        EndpointSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => s.Value)).Build());

    [Fact]
    public void Read_NameOnly_IsAPrimaryConnectionString()
    {
        var entry = Assert.Single(Read(("Azure:SignalR:Endpoints:east", East)));

        Assert.Equal(("east", SignalREndpointType.Primary, "Azure:SignalR:Endpoints:east", East), (entry.Name, entry.Type, entry.Path, entry.Source.ConnectionString));
    }

    [Theory]
    [InlineData("primary", SignalREndpointType.Primary)]
    [InlineData("secondary", SignalREndpointType.Secondary)]
    [InlineData("Secondary", SignalREndpointType.Secondary)]
    [InlineData("PRIMARY", SignalREndpointType.Primary)]
    public void Read_NameAndType_TakesTheType(string type, SignalREndpointType expected)
    {
        var entry = Assert.Single(Read(("Azure:SignalR:Endpoints:west:" + type, West)));

        Assert.Equal(("west", expected), (entry.Name, entry.Type));
        Assert.Equal("Azure:SignalR:Endpoints:west:" + type, entry.Path);
    }

    [Fact]
    public void Read_IdentitySection_IsOneEndpointWithItsType()
    {
        var entry = Assert.Single(Read(
            ("Azure:SignalR:Endpoints:north:serviceUri", "https://north.service.signalr.net"),
            ("Azure:SignalR:Endpoints:north:type", "secondary"),
            ("Azure:SignalR:Endpoints:north:clientId", "00000000-0000-0000-0000-000000000001")));

        Assert.Equal(("north", SignalREndpointType.Secondary), (entry.Name, entry.Type));
        Assert.Null(entry.Source.ConnectionString);
        Assert.Equal("Azure:SignalR:Endpoints:north", entry.Source.Section!.Path);
    }

    [Fact]
    public void Read_EnvironmentVariables_UseDoubleUnderscores()
    {
        var prefix = "SRI_" + Guid.NewGuid().ToString("N") + "_";
        Environment.SetEnvironmentVariable(prefix + "Azure__SignalR__Endpoints__east", East);
        Environment.SetEnvironmentVariable(prefix + "Azure__SignalR__Endpoints__west__secondary", West);
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            var entries = EndpointSettings.Read(configuration).OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();

            Assert.Equal(new[] { ("east", SignalREndpointType.Primary), ("west", SignalREndpointType.Secondary) }, entries.Select(e => (e.Name, e.Type)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Azure__SignalR__Endpoints__east", null);
            Environment.SetEnvironmentVariable(prefix + "Azure__SignalR__Endpoints__west__secondary", null);
        }
    }

    [Fact]
    public void Read_SeveralEntries_OrderedByNameWhateverTheOrderWritten_AndBothTypesOfOneName()
    {
        var entries = Read(
            ("Azure:SignalR:Endpoints:zulu", East),
            ("Azure:SignalR:Endpoints:bravo:secondary", East),
            ("Azure:SignalR:Endpoints:bravo:primary", West));

        Assert.Equal(
            new[] { ("bravo", SignalREndpointType.Primary), ("bravo", SignalREndpointType.Secondary), ("zulu", SignalREndpointType.Primary) },
            entries.Select(e => (e.Name, e.Type)));
    }

    [Fact]
    public void Read_NoSection_IsEmpty()
    {
        Assert.Empty(Read(("AzureSignalRConnectionString", East)));
    }

    public static TheoryData<(string Key, string? Value)[], string, string> Malformed => new()
    {
        { new[] { ("Azure:SignalR:Endpoints:east", (string?)"  ") }, "Azure:SignalR:Endpoints:east", "is empty" },
        { new[] { ("Azure:SignalR:Endpoints:east:secondary", (string?)"") }, "Azure:SignalR:Endpoints:east:secondary", "is empty" },
        { new[] { ("Azure:SignalR:Endpoints:east:tertiary", (string?)East) }, "Azure:SignalR:Endpoints:east:tertiary", "neither 'primary' nor 'secondary'" },
        { new[] { ("Azure:SignalR:Endpoints:east:endpoint", (string?)"https://east.service.signalr.net") }, "Azure:SignalR:Endpoints:east:endpoint", "neither 'primary' nor 'secondary'" },
        { new[] { ("Azure:SignalR:Endpoints:east:primary:serviceUri", (string?)"https://east.service.signalr.net") }, "Azure:SignalR:Endpoints:east:primary", "is a section" },
        { new[] { ("Azure:SignalR:Endpoints:east:serviceUri", (string?)"https://east.service.signalr.net"), ("Azure:SignalR:Endpoints:east:type", "backup") }, "Azure:SignalR:Endpoints:east:type", "must be 'primary' or 'secondary'" },
        { new[] { ("Azure:SignalR:Endpoints:east", (string?)East), ("Azure:SignalR:Endpoints:east:secondary", West) }, "Azure:SignalR:Endpoints:east", "both a value and entries below it" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Read_MalformedEntry_ErrorNamesTheEntry((string Key, string? Value)[] settings, string entry, string fault)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(settings));

        Assert.Contains("'" + entry + "'", error.Message, StringComparison.Ordinal);
        Assert.Contains(fault, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AccessKey=", error.Message, StringComparison.Ordinal);
    }
}
