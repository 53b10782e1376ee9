using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Primitives;
using SignalRInfo.TestSupport;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// The host and the request of the negotiate benchmarks: one started WebJobs host with the HTTP extension, ours and
/// the no-op binding over <see cref="NegotiateFunctions"/>, and a new request per call as every client negotiate sends.
/// </summary>
internal static class NegotiateHost
{
    /// <summary>Where the function's return value (the HTTP response) is kept, as the Functions host does.</summary>
    public const string ResponseKey = "$response";

    public static IHost Start()
    {
        var host = new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { [BenchmarkInputs.SettingName] = BenchmarkInputs.ConnectionString }))
            .ConfigureWebJobs(b =>
            {
                b.AddHttp(o => o.SetResponse = (request, result) => request.HttpContext.Items[ResponseKey] = result);
                b.AddSignalRConnectionInfo();
                b.AddExtension<NoOpConnectionInfoExtension>();
            })
            .ConfigureServices(s => s.AddSingleton<ITypeLocator>(new FixedTypeLocator(typeof(NegotiateFunctions))))
            .Build();
        host.StartAsync().GetAwaiter().GetResult();
        return host;
    }

    /// <summary>A client's negotiate request: its user id and ID token in the App Service headers.</summary>
    public static HttpRequest Request(string idToken)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = "POST";
        request.Scheme = "https";
        request.Host = new HostString("contoso-functions.azurewebsites.net");
        request.Path = "/api/negotiate";
        request.QueryString = new QueryString("?negotiateVersion=1");
        request.Headers[NegotiateFunctions.UserIdHeader] = new StringValues(BenchmarkInputs.UserId);
        request.Headers[NegotiateFunctions.IdTokenHeader] = new StringValues(idToken);
        return request;
    }
}
