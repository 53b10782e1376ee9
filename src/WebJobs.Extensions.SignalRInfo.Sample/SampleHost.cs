using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WebJobs.Extensions.SignalRInfo.LocalService;

namespace WebJobs.Extensions.SignalRInfo.Sample;

/// <summary>
/// The sample negotiate host: a real WebJobs <see cref="IJobHost"/> (AddHttp + AddSignalRConnectionInfo) whose
/// <c>negotiate</c> function is exposed at <c>/api/negotiate</c> by handing the ASP.NET Core request to the JobHost,
/// as the Functions host does, plus the chat page at <c>/</c>. With no <c>AzureSignalRConnectionString</c> it starts
/// the local SignalR service in-process and points the setting at it.
/// </summary>
public sealed partial class SampleHost : IAsyncDisposable
{
    /// <summary>The setting the negotiate function reads.</summary>
    public const string ConnectionSetting = "AzureSignalRConnectionString";

    /// <summary>Where the default address comes from: the Functions host's local port.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>The header App Service authentication sets for the signed-in user.</summary>
    public const string PrincipalIdHeader = "x-ms-client-principal-id";

    /// <summary>What a caller is told when the negotiate function fails; the cause goes to the log only.</summary>
    public const string NegotiateFailedDetail = "The negotiate function failed. The cause is in the server's log";

    private const string ResponseKey = "MS_AzureWebJobs_HttpResponse";

    private readonly WebApplication _web;
    private readonly IHost _jobHost;

    private SampleHost(WebApplication web, IHost jobHost, LocalSignalRService? localService, Uri baseUri)
    {
        _web = web;
        _jobHost = jobHost;
        LocalService = localService;
        BaseUri = baseUri;
    }

    /// <summary>The sample's address, e.g. http://127.0.0.1:7071/.</summary>
    public Uri BaseUri { get; }

    /// <summary>The embedded local SignalR service, or null when a real connection string is configured.</summary>
    public LocalSignalRService? LocalService { get; }

    /// <summary>Starts the sample. Arguments and environment as any ASP.NET Core app (e.g. <c>--urls</c>).</summary>
    public static Task<SampleHost> StartAsync(string[] args, CancellationToken cancellationToken = default) => StartAsync(args, null, cancellationToken);

    /// <summary>Starts the sample with extra logging providers or filters (for both the web host and the JobHost).</summary>
    public static async Task<SampleHost> StartAsync(string[] args, Action<ILoggingBuilder>? configureLogging, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (configureLogging is not null)
        {
            configureLogging(builder.Logging);
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        LocalSignalRService? local = null;
        var connection = builder.Configuration[ConnectionSetting] ?? builder.Configuration.GetConnectionString(ConnectionSetting);
        var settings = new Dictionary<string, string?>();
        if (string.IsNullOrWhiteSpace(connection) && builder.Configuration.GetSection(ConnectionSetting).GetChildren().Any() == false)
        {
            local = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = builder.Configuration.GetValue("LocalService:Port", 0) }, cancellationToken).ConfigureAwait(false);
            settings[ConnectionSetting] = local.ConnectionString;
        }

        var jobHost = new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddConfiguration(builder.Configuration).AddInMemoryCollection(settings))
            .ConfigureWebJobs(b => b
                .AddHttp(o => o.SetResponse = (request, result) => request.HttpContext.Items[ResponseKey] = result)
                .AddSignalRConnectionInfo())
            .ConfigureLogging(l =>
            {
                l.AddConsole().AddFilter("Host", LogLevel.Warning).AddFilter("Function", LogLevel.Warning).AddFilter("Microsoft", LogLevel.Warning);
                configureLogging?.Invoke(l);
            })
            .ConfigureServices(s => s.AddSingleton<ITypeLocator>(new FixedTypeLocator(typeof(NegotiateFunctions))))
            .Build();
        try
        {
            await jobHost.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            jobHost.Dispose();
            if (local is not null)
            {
                await local.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        var web = builder.Build();
        var page = new EmbeddedFileProvider(typeof(SampleHost).Assembly, "SampleWeb");
        web.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        web.UseStaticFiles(new StaticFileOptions { FileProvider = page });
        var negotiateLogger = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SampleHost).FullName + ".Negotiate");
        web.MapMethods("/api/negotiate", new[] { "GET", "POST" }, (Delegate)((HttpContext context) => NegotiateAsync(jobHost.Services.GetRequiredService<IJobHost>(), negotiateLogger, context)));
        await web.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SampleHost(web, jobHost, local, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Waits until the app is asked to stop (Ctrl+C).</summary>
    public Task WaitForShutdownAsync() => _web.WaitForShutdownAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _web.StopAsync().ConfigureAwait(false);
        await _web.DisposeAsync().ConfigureAwait(false);
        await _jobHost.StopAsync().ConfigureAwait(false);
        _jobHost.Dispose();
        if (LocalService is not null)
        {
            await LocalService.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<IResult> NegotiateAsync(IJobHost jobHost, ILogger logger, HttpContext context)
    {
        // App Service authentication would put the signed-in user in this header; locally, ?user= stands in for it.
        var request = context.Request;
        if (!request.Headers.ContainsKey(PrincipalIdHeader))
        {
            var user = request.Query["user"].ToString();
            if (user.Length == 0)
            {
                return Results.Problem(
                    detail: $"Sign in first: App Service authentication sets the '{PrincipalIdHeader}' header; locally, add ?user=<name> to the hub URL (e.g. withUrl(\"/api?user=alice\")).",
                    statusCode: (int)HttpStatusCode.Unauthorized);
            }

            request.Headers[PrincipalIdHeader] = user;
        }

        try
        {
            await jobHost.CallAsync("negotiate", new Dictionary<string, object?> { ["req"] = request }, context.RequestAborted).ConfigureAwait(false);
        }
        catch (FunctionInvocationException ex)
        {
            // The extension's message names endpoints, client and tenant ids, hubs: the operator's log gets it, an
            // anonymous caller only a trace id to quote.
            var cause = ex.InnerException?.InnerException ?? ex.InnerException ?? ex;
            Log.NegotiateFailed(logger, context.TraceIdentifier, cause.Message, ex);
            return Results.Problem(detail: NegotiateFailedDetail + " (trace id " + context.TraceIdentifier + ").", statusCode: (int)HttpStatusCode.InternalServerError);
        }

        return Results.Json(context.Items[ResponseKey]);
    }

    private sealed class FixedTypeLocator : ITypeLocator
    {
        private readonly Type[] _types;

        public FixedTypeLocator(params Type[] types) => _types = types;

        public IReadOnlyList<Type> GetTypes() => _types;
    }
}
