using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Xunit;

// IJobHostMetadataProvider is marked "not ready for public consumption", but it is what the Functions host calls.
#pragma warning disable CS0618

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// The function.json path of JavaScript, Python, PowerShell and Java functions, as the Functions host takes it:
/// the binding's <c>type</c> is mapped to our attribute by WebJobs' <see cref="IJobHostMetadataProvider"/>, the
/// attribute is built from the binding's JSON, and the host binds it at run time through the invocation's binder
/// (with the trigger's binding data, so <c>{headers.…}</c> and <c>{query.…}</c> resolve) to the default type the
/// provider names. The JSON below is the Learn page's.
/// </summary>
public class FunctionJsonBindingTests
{
    private const string Key = SignalRConnectionInfoBindingTests.Key;

    private const string AppServiceAuthJson = """
        {
            "type": "signalRConnectionInfo",
            "name": "connectionInfo",
            "hubName": "hubName1",
            "userId": "{headers.x-ms-client-principal-id}",
            "connectionStringSetting": "MySignalRSetting",
            "direction": "in"
        }
        """;

    private const string ClaimsJson = """
        {
            "type": "signalRConnectionInfo",
            "name": "connectionInfo",
            "hubName": "{query.hub}",
            "userId": "{query.user}",
            "idToken": "{headers.x-ms-token-aad-id-token}",
            "claimTypeList": ["name", "email"],
            "direction": "in"
        }
        """;

    /// <summary>The same binding under the type name only this extension uses (<see cref="SignalRInfoAttribute"/>).</summary>
    private const string SignalRInfoJson = """
        {
            "type": "signalRInfo",
            "name": "connectionInfo",
            "hubName": "{query.hub}",
            "userId": "{headers.x-ms-client-principal-id}",
            "connectionStringSetting": "MySignalRSetting",
            "idToken": "{headers.x-ms-token-aad-id-token}",
            "claimTypeList": ["name"],
            "tokenLifetimeSeconds": 300,
            "direction": "in"
        }
        """;

    /// <summary>Stands in for the host's out-of-process invoker: binds the function.json binding at run time.</summary>
    public static class Functions
    {
        [FunctionName("negotiate")]
        public static async Task Negotiate([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, IBinder binder)
        {
            var json = (JObject)req.HttpContext.Items["function.json"]!;
            var metadata = (IJobHostMetadataProvider)req.HttpContext.Items["metadata"]!;
            var attributeType = metadata.GetAttributeTypeFromName((string)json["type"]!);
            var attribute = metadata.GetAttribute(attributeType, json);
            var type = metadata.GetDefaultType(attribute, FileAccess.Read, null);
            req.HttpContext.Items["type"] = type;
            req.HttpContext.Items["bound"] = type == typeof(JObject) ? await binder.BindAsync<JObject>(attribute) : (object)await binder.BindAsync<string>(attribute);
        }
    }

    private static async Task<(object Bound, Type Type)> NegotiateAsync(TestHost host, string json, string query, Dictionary<string, string> headers)
    {
        var request = TestHost.CreateRequest(query, headers);
        request.HttpContext.Items["function.json"] = JObject.Parse(json);
        request.HttpContext.Items["metadata"] = host.Services.GetRequiredService<IJobHostMetadataProvider>();
        await host.JobHost.CallAsync("negotiate", new Dictionary<string, object?> { ["req"] = request });
        return (request.HttpContext.Items["bound"]!, (Type)request.HttpContext.Items["type"]!);
    }

    private static JObject AsJson(object bound) => bound as JObject ?? JObject.Parse((string)bound);

    [Fact]
    public async Task MetadataProvider_MapsTheBindingTypeAndBuildsTheAttributeFromItsJson()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = SignalRConnectionInfoBindingTests.Connection }, typeof(Functions));
        var metadata = host.Services.GetRequiredService<IJobHostMetadataProvider>();

        var type = metadata.GetAttributeTypeFromName("signalRConnectionInfo");
        Assert.Equal(typeof(SignalRConnectionInfoAttribute), type);
        var attribute = Assert.IsType<SignalRConnectionInfoAttribute>(metadata.GetAttribute(type, JObject.Parse(ClaimsJson)));
        Assert.Equal("{query.hub}", attribute.HubName);
        Assert.Equal("{query.user}", attribute.UserId);
        Assert.Equal("{headers.x-ms-token-aad-id-token}", attribute.IdToken);
        Assert.Equal(new[] { "name", "email" }, attribute.ClaimTypeList);
        Assert.Equal(SignalRConnectionInfoAttribute.DefaultConnectionStringSetting, attribute.ConnectionStringSetting);
        Assert.Equal("MySignalRSetting", ((SignalRConnectionInfoAttribute)metadata.GetAttribute(type, JObject.Parse(AppServiceAuthJson))).ConnectionStringSetting);
    }

    [Fact]
    public async Task Invocation_AppServiceAuthJson_BindsUrlAndTokenForTheHeaderUser()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["MySignalRSetting"] = SignalRConnectionInfoBindingTests.Connection }, typeof(Functions));

        var (bound, type) = await NegotiateAsync(host, AppServiceAuthJson, string.Empty, new() { ["x-ms-client-principal-id"] = "aad-user-42" });

        // The host hands languages the default type: our compact camelCase JSON string, which they parse.
        Assert.Equal(typeof(string), type);
        Assert.StartsWith("{\"url\":\"https://", (string)bound, StringComparison.Ordinal);
        var json = AsJson(bound);
        Assert.Equal(new[] { "url", "accessToken" }, new[] { ((JProperty)json.First!).Name, ((JProperty)json.Last!).Name });
        Assert.Equal("https://contoso.service.signalr.net/client/?hub=hubname1", (string)json["url"]!);
        var jwt = await TokenAssert.ValidAsync((string)json["accessToken"]!, Key, "https://contoso.service.signalr.net/client/?hub=hubname1", host.Time.GetUtcNow());
        Assert.Equal("aad-user-42", jwt.GetClaim("asrs.s.uid").Value);
    }

    [Fact]
    public async Task Invocation_ClaimsJson_ResolvesQueryAndHeaderExpressionsAndCopiesListedClaims()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = SignalRConnectionInfoBindingTests.Connection }, typeof(Functions));
        var idToken = TokenAssert.IdToken("""{"name":"Ann","email":"ann@contoso.com","oid":"not-copied"}""");

        var (bound, _) = await NegotiateAsync(host, ClaimsJson, "hub=Chat&user=ann", new() { ["x-ms-token-aad-id-token"] = idToken });

        var json = AsJson(bound);
        Assert.Equal("https://contoso.service.signalr.net/client/?hub=chat", (string)json["url"]!);
        var jwt = await TokenAssert.ValidAsync((string)json["accessToken"]!, Key, "https://contoso.service.signalr.net/client/?hub=chat", host.Time.GetUtcNow());
        Assert.Equal("ann", jwt.GetClaim("asrs.s.uid").Value);
        Assert.Equal("Ann", jwt.GetClaim("name").Value);
        Assert.Equal("ann@contoso.com", jwt.GetClaim("email").Value);
        Assert.False(jwt.TryGetClaim("oid", out _));
    }

    [Fact]
    public async Task MetadataProvider_EachBindingType_MapsToItsOwnAttribute()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = SignalRConnectionInfoBindingTests.Connection }, typeof(Functions));
        var metadata = host.Services.GetRequiredService<IJobHostMetadataProvider>();

        Assert.Equal(typeof(SignalRInfoAttribute), metadata.GetAttributeTypeFromName("signalRInfo"));
        Assert.Equal(typeof(SignalRConnectionInfoAttribute), metadata.GetAttributeTypeFromName("signalRConnectionInfo"));

        var attribute = Assert.IsType<SignalRInfoAttribute>(metadata.GetAttribute(typeof(SignalRInfoAttribute), JObject.Parse(SignalRInfoJson)));
        Assert.Equal("{query.hub}", attribute.HubName);
        Assert.Equal("{headers.x-ms-client-principal-id}", attribute.UserId);
        Assert.Equal("MySignalRSetting", attribute.ConnectionStringSetting);
        Assert.Equal("{headers.x-ms-token-aad-id-token}", attribute.IdToken);
        Assert.Equal(new[] { "name" }, attribute.ClaimTypeList);
        Assert.Equal(300, attribute.TokenLifetimeSeconds);
        Assert.Equal(typeof(string), metadata.GetDefaultType(attribute, FileAccess.Read, null));
    }

    [Fact]
    public async Task Invocation_SignalRInfoJson_ResolvesExpressionsAndMintsAVerifiableToken()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["MySignalRSetting"] = SignalRConnectionInfoBindingTests.Connection }, typeof(Functions));
        var idToken = TokenAssert.IdToken("""{"name":"Ann","email":"not-copied"}""");

        var (bound, type) = await NegotiateAsync(host, SignalRInfoJson, "hub=Chat", new() { ["x-ms-client-principal-id"] = "aad-user-7", ["x-ms-token-aad-id-token"] = idToken });

        Assert.Equal(typeof(string), type);
        var json = AsJson(bound);
        Assert.Equal(new[] { "url", "accessToken" }, json.Properties().Select(p => p.Name));
        Assert.Equal("https://contoso.service.signalr.net/client/?hub=chat", (string)json["url"]!);
        var jwt = await TokenAssert.ValidAsync((string)json["accessToken"]!, Key, "https://contoso.service.signalr.net/client/?hub=chat", host.Time.GetUtcNow());
        Assert.Equal("aad-user-7", jwt.GetClaim("asrs.s.uid").Value);
        Assert.Equal("Ann", jwt.GetClaim("name").Value);
        Assert.False(jwt.TryGetClaim("email", out _));
        Assert.Equal(host.Time.GetUtcNow().AddSeconds(300).UtcDateTime, jwt.ValidTo);
    }
}
