using System.IO;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Functions.Worker.Extensions.SignalRInfo.Tests;

/// <summary>
/// The worker's negotiation and endpoint POCOs: camelCase with the endpoint type as a string under System.Text.Json
/// defaults, the worker's own serializer and Newtonsoft.Json (which reads the data contract), and back.
/// </summary>
public class SignalRNegotiationContextTests
{
    // Written by hand: the shape of Microsoft's SignalRNegotiation binding, camelCase, the type as a string.
    private const string ExpectedJson =
        "{\"endpoints\":[" +
        "{\"endpointType\":\"primary\",\"name\":\"east\",\"endpoint\":\"https://east.service.signalr.net\",\"online\":true,\"connectionInfo\":{\"url\":\"https://east.service.signalr.net/client/?hub=chat\",\"accessToken\":\"t1\"}}," +
        "{\"endpointType\":\"secondary\",\"name\":\"west\",\"endpoint\":\"https://west.service.signalr.net\",\"online\":false,\"connectionInfo\":null}]}";

    private static SignalRNegotiationContext Context() => new()
    {
        Endpoints = new[]
        {
            new SignalREndpointConnectionInfo
            {
                EndpointType = SignalREndpointType.Primary,
                Name = "east",
                Endpoint = "https://east.service.signalr.net",
                Online = true,
                ConnectionInfo = new SignalRConnectionInfo { Url = "https://east.service.signalr.net/client/?hub=chat", AccessToken = "t1" },
            },
            new SignalREndpointConnectionInfo { EndpointType = SignalREndpointType.Secondary, Name = "west", Endpoint = "https://west.service.signalr.net", Online = false },
        },
    };

    private static void AssertRead(SignalRNegotiationContext? read)
    {
        Assert.NotNull(read);
        Assert.Equal(2, read!.Endpoints.Length);
        Assert.Equal(SignalREndpointType.Secondary, read.Endpoints[1].EndpointType);
        Assert.Equal("t1", read.Endpoints[0].ConnectionInfo!.AccessToken);
        Assert.Null(read.Endpoints[1].ConnectionInfo);
    }

    [Fact]
    public void SystemTextJsonDefaults_CamelCaseAndStringType()
    {
        var json = JsonSerializer.Serialize(Context());

        Assert.Equal(ExpectedJson, json);
        AssertRead(JsonSerializer.Deserialize<SignalRNegotiationContext>(json));
    }

    [Fact]
    public void WorkerSerializer_CamelCaseAndStringType()
    {
        var services = new ServiceCollection();
        services.AddFunctionsWorkerDefaults();
        using var provider = services.BuildServiceProvider();
        var serializer = provider.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer!;

        var json = serializer.Serialize(Context())!.ToString();

        Assert.Equal(ExpectedJson, json);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        AssertRead((SignalRNegotiationContext?)serializer.Deserialize(stream, typeof(SignalRNegotiationContext), default));
    }

    [Fact]
    public void NewtonsoftJson_CamelCaseAndStringType()
    {
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(Context());

        Assert.Equal(ExpectedJson, json);
        AssertRead(Newtonsoft.Json.JsonConvert.DeserializeObject<SignalRNegotiationContext>(json));
    }

    [Fact]
    public void Endpoint_AllSerializers_CamelCaseAndStringType()
    {
        var endpoint = new SignalREndpoint { EndpointType = SignalREndpointType.Secondary, Name = "west", Endpoint = "https://west.service.signalr.net", Online = true };
        const string expected = "{\"endpointType\":\"secondary\",\"name\":\"west\",\"endpoint\":\"https://west.service.signalr.net\",\"online\":true}";

        Assert.Equal(expected, JsonSerializer.Serialize(endpoint));
        Assert.Equal(expected, Newtonsoft.Json.JsonConvert.SerializeObject(endpoint));
        Assert.Equal(SignalREndpointType.Secondary, Newtonsoft.Json.JsonConvert.DeserializeObject<SignalREndpoint>(expected)!.EndpointType);
        Assert.Equal(SignalREndpointType.Secondary, JsonSerializer.Deserialize<SignalREndpoint>(expected)!.EndpointType);
    }
}
