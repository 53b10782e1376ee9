using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// Drives every error path with recognisable secrets and proves that no access key, token or client secret
/// appears in exception text (with inner exceptions and stack) or in any captured log line, under both binding names
/// ([SignalRConnectionInfo] and [SignalRInfo]).
/// </summary>
public class SecretLeakTests
{
    private const string Secret = "RECOGNISABLE-SECRET-7f3a9c";
    private const string SecretKey = Secret + "-key-0123456789abcdef";

    public static class Functions
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRConnectionInfo(HubName = "{query.hub}", UserId = "{query.user}", IdToken = "{headers.x-id-token}", ClaimTypeList = new[] { "name" })] SignalRConnectionInfo info) => info;
    }

    public static class SignalRInfoFunctions
    {
        [FunctionName("negotiate")]
        public static SignalRConnectionInfo Negotiate(
            [HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req,
            [SignalRInfo(HubName = "{query.hub}", UserId = "{query.user}", IdToken = "{headers.x-id-token}", ClaimTypeList = new[] { "name" })] SignalRConnectionInfo info) => info;
    }

    private static readonly Type[] BothAttributes = { typeof(Functions), typeof(SignalRInfoFunctions) };

    private static readonly string[] BadConnectionStringValues =
    {
        "AccessKey=" + SecretKey,
        "AccessKey=" + SecretKey + ";Version=1.0",
        "Endpoint=https://a;AccessKey=" + SecretKey + ";accesskey=" + SecretKey,
        "Endpoint=https://a;AccessKey=" + SecretKey + ";Port=" + Secret,
        "Endpoint=https://a;AccessKey=" + SecretKey + ";Version=" + Secret,
        "Endpoint=" + Secret + ";AccessKey=" + SecretKey,
        "Endpoint=https://" + Secret + "AccessKey=" + SecretKey,
        "Endpoint=https://a;AccessKey=" + SecretKey + ";ClientEndpoint=" + Secret,
        "Endpoint=https://a;AuthType=azure.app;ClientId=c;ClientSecret=" + Secret,
        "Endpoint=https://a;AuthType=azure.app;ClientId=c;TenantId=t;ClientSecret=" + Secret + ";ClientCert=/x.pfx",
        "Endpoint=https://a;AuthType=azure.app;TenantId=t;ClientSecret=" + Secret,
        "Endpoint=https://a;AccessKey=" + SecretKey + ";" + "AccesKey=" + Secret,
        Secret + SecretKey,

        // Secrets in the key position (a ':' or ' ' typo for '=', or a pasted value without its name).
        "Endpoint=https://a;AccessKey:" + SecretKey + "=;Version=1.0",
        "Endpoint=https://a;AccessKey " + SecretKey + "=;Version=1.0",
        "Endpoint=https://a;AuthType=azure.app;ClientId=c;TenantId=t;ClientSecret:" + Secret + "=",
        "Endpoint=https://a;AccessKey=" + SecretKey + ";" + Secret + "=x",
        "Endpoint=https://a;AccessKey=" + SecretKey + ";" + Secret + "=x;" + Secret + "=y",
        "Endpoint=https://a;AuthType=azure;" + Secret + "=x;" + Secret + "=y",
    };

    public static TheoryData<Type, string> BadConnectionStrings
    {
        get
        {
            var data = new TheoryData<Type, string>();
            foreach (var functions in BothAttributes)
            {
                foreach (var connectionString in BadConnectionStringValues)
                {
                    data.Add(functions, connectionString);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BadConnectionStrings))]
    public async Task BadConnectionString_NeitherExceptionNorLogsShowTheSecret(Type functions, string connectionString)
    {
        await using var host = TestHost.Create(new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = connectionString }, functions);

        Exception? error = null;
        try
        {
            await host.StartAsync();
            await host.CallAsync("negotiate", "hub=chat&user=u");
        }
        catch (Exception ex)
        {
            error = ex;
        }

        Assert.DoesNotContain(Secret, error?.ToString() ?? string.Empty);
        Assert.DoesNotContain(Secret, host.Logs.AllText);
    }

    private static readonly (string Query, string IdToken, string Name)[] BadRequestValues =
    {
        // query, id token header, what the request carries that is secret-like
        ("hub=chat&user=u", Secret + ".not-a-jwt", "malformed IdToken"),
        ("hub=chat&user=u", "a." + TokenAssert.Base64Url("{\"name\":\"" + Secret) + ".c", "IdToken payload not JSON"),
        ("hub=chat&user=" + Secret + new string('u', 4000), TokenAssert.IdToken("{\"name\":\"n\"}"), "token over 4096"),
        ("hub=1nvalid&user=" + Secret, TokenAssert.IdToken("{\"name\":\"n\"}"), "invalid hub (the hub itself is echoed, quoted and escaped)"),
    };

    public static TheoryData<Type, string, string, string> BadRequests
    {
        get
        {
            var data = new TheoryData<Type, string, string, string>();
            foreach (var functions in BothAttributes)
            {
                foreach (var (query, idToken, name) in BadRequestValues)
                {
                    data.Add(functions, query, idToken, name);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadRequest_NeitherExceptionNorLogsShowKeyTokenOrSecret(Type functions, string query, string idToken, string name)
    {
        await using var host = TestHost.Create(new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + SecretKey }, functions);
        await host.StartAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.CallAsync("negotiate", query, new Dictionary<string, string> { ["x-id-token"] = idToken }));

        Assert.DoesNotContain(Secret, error.ToString());
        Assert.DoesNotContain(SecretKey, host.Logs.AllText);
        Assert.DoesNotContain(Secret, string.Join("\n", host.Logs.Entries.Where(e => e.Category.StartsWith("Host.Triggers.SignalRInfo", StringComparison.Ordinal))));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Theory]
    [InlineData(typeof(Functions))]
    [InlineData(typeof(SignalRInfoFunctions))]
    public async Task SuccessfulNegotiate_LogsNeitherKeyNorToken(Type functions)
    {
        await using var host = TestHost.Create(new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + SecretKey }, functions);
        await host.StartAsync();

        var request = await host.CallAsync("negotiate", "hub=chat&user=u", new Dictionary<string, string> { ["x-id-token"] = TokenAssert.IdToken("{\"name\":\"n\"}") });

        var info = (SignalRConnectionInfo)request.HttpContext.Items[TestHost.ResponseKey]!;
        var signature = info.AccessToken!.Split('.')[2];
        Assert.DoesNotContain(SecretKey, host.Logs.AllText);
        Assert.DoesNotContain(signature, host.Logs.AllText);
        Assert.DoesNotContain(info.AccessToken!.Split('.')[1], host.Logs.AllText);
        Assert.DoesNotContain(signature, info.ToString());
    }

    [Fact]
    public async Task OptionsFormatter_ShowsNoSecret()
    {
        await using var host = TestHost.Create(new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = "Endpoint=https://a;AccessKey=" + SecretKey }, typeof(Functions));
        await host.StartAsync();

        var formatted = ((IOptionsFormatter)host.Services.GetRequiredService<IOptions<SignalRInfoOptions>>().Value).Format();

        Assert.Contains("TokenLifetime", formatted);
        Assert.DoesNotContain(Secret, formatted);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("SignalRInfoOptions", StringComparison.Ordinal));
    }
}
