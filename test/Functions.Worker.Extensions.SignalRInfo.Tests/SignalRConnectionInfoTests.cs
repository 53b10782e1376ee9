using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Functions.Worker.Extensions.SignalRInfo.Tests;

/// <summary>
/// <see cref="SignalRConnectionInfo"/> is exactly <c>{"url":"…","accessToken":"…"}</c> under System.Text.Json defaults,
/// under the worker's own default serializer (built for real) and under Newtonsoft.Json, and reads back under each.
/// </summary>
public class SignalRConnectionInfoTests
{
    private const string Url = "https://contoso.service.signalr.net/client/?hub=chat";
    private const string Token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJ4In0.c2ln";

    // Written by hand: the shape every SignalR client reads (property order url, accessToken; no other member).
    private const string ExpectedJson = "{\"url\":\"" + Url + "\",\"accessToken\":\"" + Token + "\"}";

    private static SignalRConnectionInfo Info() => new() { Url = Url, AccessToken = Token };

    private static ObjectSerializer WorkerSerializer()
    {
        var services = new ServiceCollection();
        services.AddFunctionsWorkerDefaults();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer!;
    }

    private static void AssertRoundTripped(SignalRConnectionInfo? read)
    {
        Assert.NotNull(read);
        Assert.Equal(Url, read!.Url);
        Assert.Equal(Token, read.AccessToken);
    }

    [Fact]
    public void Serialize_SystemTextJsonDefaults_IsExactlyUrlAndAccessToken()
    {
        var json = JsonSerializer.Serialize(Info());

        Assert.Equal(ExpectedJson, json);
        AssertRoundTripped(JsonSerializer.Deserialize<SignalRConnectionInfo>(json));
    }

    [Fact]
    public void Deserialize_SystemTextJsonDefaults_ReadsCamelCaseOnly()
    {
        var read = JsonSerializer.Deserialize<SignalRConnectionInfo>("{\"Url\":\"x\",\"AccessToken\":\"y\"}")!;

        // System.Text.Json defaults are case-sensitive: the PascalCase names are not ours.
        Assert.Null(read.Url);
        Assert.Null(read.AccessToken);
    }

    [Fact]
    public void Serialize_WorkerDefaultSerializer_IsExactlyUrlAndAccessToken()
    {
        var serializer = WorkerSerializer();

        var json = serializer.Serialize(Info(), typeof(SignalRConnectionInfo)).ToString();

        Assert.Equal(ExpectedJson, json);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        AssertRoundTripped((SignalRConnectionInfo?)serializer.Deserialize(stream, typeof(SignalRConnectionInfo), default));
    }

    [Fact]
    public void Serialize_WorkerSerializerWithPascalCasePolicy_KeepsTheCamelCaseNames()
    {
        // An app may set its own serializer options; the attributes still fix the names.
        var serializer = new JsonObjectSerializer(new JsonSerializerOptions { PropertyNamingPolicy = null, PropertyNameCaseInsensitive = false });

        Assert.Equal(ExpectedJson, serializer.Serialize(Info()).ToString());
    }

    [Fact]
    public void Serialize_NewtonsoftJson_ReadsTheDataMemberNames()
    {
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(Info());

        Assert.Equal(ExpectedJson, json);
        AssertRoundTripped(Newtonsoft.Json.JsonConvert.DeserializeObject<SignalRConnectionInfo>(json));
    }

    [Fact]
    public void Serialize_NullMembers_StayExplicitNulls()
    {
        Assert.Equal("{\"url\":null,\"accessToken\":null}", JsonSerializer.Serialize(new SignalRConnectionInfo()));
        Assert.Equal("{\"url\":null,\"accessToken\":null}", Newtonsoft.Json.JsonConvert.SerializeObject(new SignalRConnectionInfo()));
    }

    [Fact]
    public void Assembly_References_NoNewtonsoftJson()
    {
        var references = typeof(SignalRConnectionInfo).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("System.Text.Json", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Newtonsoft", StringComparison.OrdinalIgnoreCase));
    }
}
