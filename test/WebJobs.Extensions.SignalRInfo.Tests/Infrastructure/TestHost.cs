using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;
using SignalRInfo.TestSupport;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>A real WebJobs host with AddHttp() + AddSignalRConnectionInfo() over the given function classes.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    /// <summary>Where the function's return value (the HTTP response) is kept, as the Functions host does.</summary>
    public const string ResponseKey = "$response";

    private readonly IHost _host;

    private TestHost(IHost host, CapturingLoggerProvider logs, FakeTimeProvider time)
    {
        _host = host;
        Logs = logs;
        Time = time;
    }

    public CapturingLoggerProvider Logs { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _host.Services;

    public IJobHost JobHost => _host.Services.GetRequiredService<IJobHost>();

    /// <summary>Builds the host; <see cref="StartAsync()"/> indexes the functions.</summary>
    public static TestHost Create(IDictionary<string, string?> settings, params Type[] functionTypes) => Create(settings, null, functionTypes);

    public static TestHost Create(IDictionary<string, string?> settings, Action<IWebJobsBuilder>? configure, params Type[] functionTypes)
    {
        var logs = new CapturingLoggerProvider();
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var host = new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings))
            .ConfigureWebJobs(b =>
            {
                b.AddHttp(o => o.SetResponse = (request, result) => request.HttpContext.Items[ResponseKey] = result);
                if (configure is null)
                {
                    b.AddSignalRConnectionInfo();
                }
                else
                {
                    configure(b);
                }
            })
            .ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .ConfigureServices(s =>
            {
                s.AddSingleton<ITypeLocator>(new FixedTypeLocator(functionTypes));
                s.AddSingleton<TimeProvider>(time);
            })
            .Build();
        return new TestHost(host, logs, time);
    }

    public static async Task<TestHost> StartAsync(IDictionary<string, string?> settings, params Type[] functionTypes)
    {
        var host = Create(settings, functionTypes);
        await host.StartAsync();
        return host;
    }

    public Task StartAsync() => _host.StartAsync();

    /// <summary>Calls an HTTP function with a real request and returns the request (its HttpContext holds the response).</summary>
    public async Task<HttpRequest> CallAsync(string function, string query = "", IDictionary<string, string>? headers = null)
    {
        var request = CreateRequest(query, headers);
        await JobHost.CallAsync(function, new Dictionary<string, object?> { ["req"] = request });
        return request;
    }

    /// <summary>Calls an HTTP function and returns what it returned (its HTTP response).</summary>
    public async Task<object?> CallForResponseAsync(string function, string query = "", IDictionary<string, string>? headers = null)
    {
        var request = await CallAsync(function, query, headers);
        return request.HttpContext.Items.TryGetValue(ResponseKey, out var response) ? response : null;
    }

    public static HttpRequest CreateRequest(string query = "", IDictionary<string, string>? headers = null)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = "POST";
        request.Scheme = "http";
        request.Host = new HostString("localhost", 7071);
        request.Path = "/api/negotiate";
        request.QueryString = new QueryString(query.Length == 0 || query.StartsWith('?') ? query : "?" + query);
        foreach (var header in headers ?? new Dictionary<string, string>())
        {
            request.Headers[header.Key] = new StringValues(header.Value);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        catch (InvalidOperationException)
        {
            // A host that failed to start has nothing to stop.
        }

        _host.Dispose();
    }
}
