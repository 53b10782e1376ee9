using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SignalRInfo.TestSupport;
using WebJobs.Extensions.SignalRInfo.LocalService;

// IJobHostMetadataProvider is marked "not ready for public consumption", but it is what the Functions host calls.
#pragma warning disable CS0618

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>
/// Plays the Functions host's part for a built isolated app, on 127.0.0.1 only: a gRPC server with the FunctionRpc
/// event stream, the app's real worker process (init, metadata, load, invocations, terminate), our host extension in a
/// JobHost that binds the worker functions' input bindings from each request (<see cref="DispatchFunctions"/>), the
/// local SignalR service the tokens are for, and <c>/api/…</c>, which invokes the worker function whose route matches.
/// Under ASP.NET Core integration the request is also forwarded to the worker's advertised <c>HttpUri</c> with the
/// invocation id, and the worker's HTTP answer is the response, as the host does. Everything stops on dispose; the
/// worker process is killed by its id if it does not exit after WorkerTerminate.
/// </summary>
internal sealed class StandInFunctionsHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(30);

    private readonly WebApplication _web;
    private readonly IHost _jobHost;
    private readonly WorkerChannel _channel;
    private readonly Process _worker;
    private readonly StringBuilder _workerOutput;
    private readonly HttpClient _forwarder = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = InvocationTimeout };
    private readonly bool _sendAsJson;

    private StandInFunctionsHost(WebApplication web, IHost jobHost, LocalSignalRService local, WorkerChannel channel, Process worker, StringBuilder workerOutput, Uri baseUri, bool sendAsJson)
    {
        _web = web;
        _jobHost = jobHost;
        LocalService = local;
        _channel = channel;
        _worker = worker;
        _workerOutput = workerOutput;
        BaseUri = baseUri;
        _sendAsJson = sendAsJson;
    }

    /// <summary>The host's address, e.g. http://127.0.0.1:PORT/ (functions under /api/).</summary>
    public Uri BaseUri { get; }

    /// <summary>The local SignalR service the app's connection setting points at.</summary>
    public LocalSignalRService LocalService { get; }

    /// <summary>The worker's answer to WorkerInitRequest.</summary>
    public JsonObject InitResponse { get; private set; } = new();

    /// <summary>The worker's HTTP address under ASP.NET Core integration (capability HttpUri), else null.</summary>
    public Uri? WorkerHttpUri { get; private set; }

    /// <summary>The functions as the worker reported them.</summary>
    public IReadOnlyList<WorkerFunction> Functions { get; private set; } = Array.Empty<WorkerFunction>();

    /// <summary>What the worker process wrote, and its RpcLog lines, for failure messages.</summary>
    public string Diagnostics
    {
        get
        {
            lock (_workerOutput)
            {
                return _workerOutput + Environment.NewLine + string.Join(Environment.NewLine, _channel.Logs);
            }
        }
    }

    /// <summary>Starts everything and loads the app's functions. <paramref name="sendAsJson"/>: bind non-string inputs as json typed data.</summary>
    public static async Task<StandInFunctionsHost> StartAsync(BuiltApp app, bool sendAsJson = false, string? staticFolder = null, IDictionary<string, string?>? settings = null)
    {
        var local = await LocalSignalRService.StartAsync(new LocalSignalRServiceOptions { Port = 0 }).ConfigureAwait(false);
        IHost? jobHost = null;
        WebApplication? web = null;
        try
        {
            return await StartCoreAsync(app, sendAsJson, staticFolder, local, settings, h => jobHost = h, w => web = w).ConfigureAwait(false);
        }
        catch
        {
            await StopAllAsync(web, jobHost, local).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<StandInFunctionsHost> StartCoreAsync(BuiltApp app, bool sendAsJson, string? staticFolder, LocalSignalRService local, IDictionary<string, string?>? settings, Action<IHost> started, Action<WebApplication> built)
    {
        var jobHost = new HostBuilder()
            .ConfigureAppConfiguration(c => c
                .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = local.ConnectionString })
                .AddInMemoryCollection(settings ?? new Dictionary<string, string?>()))
            .ConfigureWebJobs(b => b.AddHttp().AddSignalRConnectionInfo())
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .ConfigureServices(s => s.AddSingleton<ITypeLocator>(new FixedTypeLocator(typeof(DispatchFunctions))))
            .Build();
        started(jobHost);
        await jobHost.StartAsync().ConfigureAwait(false);

        var channel = new WorkerChannel(WorkerMessages.Load(app.OutputFolder));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        ListenOptions? grpc = null;
        ListenOptions? http = null;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, o =>
            {
                o.Protocols = HttpProtocols.Http2;
                grpc = o;
            });
            k.Listen(IPAddress.Loopback, 0, o =>
            {
                o.Protocols = HttpProtocols.Http1;
                http = o;
            });
        });
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = null);
        builder.Services.AddSingleton(channel);
        var web = builder.Build();
        built(web);
        web.MapGrpcService<FunctionRpcService>();
        if (staticFolder is not null)
        {
            web.UseStaticFiles(new StaticFileOptions { FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(staticFolder), ServeUnknownFileTypes = false });
        }

        StandInFunctionsHost? host = null;
        web.Map("/api/{**path}", (HttpContext context) => host!.InvokeAsync(context));
        await web.StartAsync().ConfigureAwait(false);

        var grpcPort = grpc!.IPEndPoint!.Port;
        var httpPort = http!.IPEndPoint!.Port;
        var (worker, output) = StartWorker(app, grpcPort, local.ConnectionString);
        host = new StandInFunctionsHost(web, jobHost, local, channel, worker, output, new Uri($"http://127.0.0.1:{httpPort}/"), sendAsJson);
        try
        {
            await host.LoadAsync(app).ConfigureAwait(false);
        }
        catch
        {
            // The caller stops the web host, the JobHost and the local service.
            await StopWorkerAsync(worker, channel).ConfigureAwait(false);
            host._forwarder.Dispose();
            throw;
        }

        return host;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopWorkerAsync(_worker, _channel).ConfigureAwait(false);
        }
        finally
        {
            _forwarder.Dispose();
            await StopAllAsync(_web, _jobHost, LocalService).ConfigureAwait(false);
        }
    }

    /// <summary>WorkerTerminate, then up to 10 s for the worker to exit; else it is killed (the Process object we started, never a bare id).</summary>
    private static async Task StopWorkerAsync(Process worker, WorkerChannel channel)
    {
        try
        {
            if (!worker.HasExited)
            {
                channel.Send(new JsonObject { ["requestId"] = Guid.NewGuid().ToString(), ["workerTerminate"] = new JsonObject { ["gracePeriod"] = "5s" } });
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await worker.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    worker.Kill(entireProcessTree: true);
                    worker.WaitForExit(10_000);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
        finally
        {
            worker.Dispose();
        }
    }

    /// <summary>Stops what <see cref="StartAsync"/> started, each even when another fails to stop.</summary>
    private static async Task StopAllAsync(WebApplication? web, IHost? jobHost, LocalSignalRService? local)
    {
        try
        {
            if (web is not null)
            {
                await web.StopAsync().ConfigureAwait(false);
                await web.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            try
            {
                if (jobHost is not null)
                {
                    await jobHost.StopAsync().ConfigureAwait(false);
                    jobHost.Dispose();
                }
            }
            finally
            {
                if (local is not null)
                {
                    await local.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private static (Process Process, StringBuilder Output) StartWorker(BuiltApp app, int grpcPort, string connectionString)
    {
        var workerId = Guid.NewGuid().ToString();
        var requestId = Guid.NewGuid().ToString();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = app.OutputFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // What the host passes: the old switches and the ones Worker 2.x reads.
        foreach (var argument in new[]
        {
            app.AssemblyPath,
            "--host", "127.0.0.1", "--port", grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", "2147483647",
            "--functions-uri", $"http://127.0.0.1:{grpcPort}/", "--functions-worker-id", workerId,
            "--functions-request-id", requestId, "--functions-grpc-max-message-length", "2147483647",
        })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = app.OutputFolder;
        info.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        info.Environment["AzureWebJobsScriptRoot"] = app.OutputFolder;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        // The host passes the app settings to the worker as environment variables: the negotiator reads this one.
        info.Environment["AzureSignalRConnectionString"] = connectionString;
        info.Environment.Remove("ASPNETCORE_URLS");
        var output = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => ProcessRunner.Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => ProcessRunner.Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    private async Task LoadAsync(BuiltApp app)
    {
        var exited = _worker.WaitForExitAsync();
        var started = await Task.WhenAny(_channel.Started, exited, Task.Delay(StartTimeout)).ConfigureAwait(false);
        if (started != _channel.Started)
        {
            throw new InvalidOperationException($"The worker did not open its stream ({(started == exited ? "it exited with " + _worker.ExitCode : "time-out")}). Output:{Environment.NewLine}{Diagnostics}");
        }

        InitResponse = await _channel.RequestAsync(
            new JsonObject
            {
                ["requestId"] = Guid.NewGuid().ToString(),
                ["workerInitRequest"] = new JsonObject
                {
                    ["hostVersion"] = "4.1000.0",
                    ["workerDirectory"] = app.OutputFolder,
                    ["functionAppDirectory"] = app.OutputFolder,
                    ["capabilities"] = new JsonObject(),
                },
            },
            "workerInitResponse",
            StartTimeout).ConfigureAwait(false);
        EnsureSuccess(InitResponse, "WorkerInitRequest");
        if (InitResponse["capabilities"]?["HttpUri"] is JsonValue uri)
        {
            WorkerHttpUri = new Uri((string)uri!);
            await WaitUntilListeningAsync(WorkerHttpUri).ConfigureAwait(false);
        }

        var metadata = await _channel.RequestAsync(
            new JsonObject
            {
                ["requestId"] = Guid.NewGuid().ToString(),
                ["functionsMetadataRequest"] = new JsonObject { ["functionAppDirectory"] = app.OutputFolder },
            },
            "functionMetadataResponse",
            StartTimeout).ConfigureAwait(false);
        EnsureSuccess(metadata, "FunctionsMetadataRequest");
        Functions = ((JsonArray)metadata["functionMetadataResults"]!).Select(f => new WorkerFunction((JsonObject)f!)).ToList();

        foreach (var function in Functions)
        {
            var loaded = await _channel.RequestAsync(
                new JsonObject
                {
                    ["requestId"] = Guid.NewGuid().ToString(),
                    ["functionLoadRequest"] = new JsonObject { ["functionId"] = function.FunctionId, ["metadata"] = function.Metadata.DeepClone() },
                },
                "functionLoadResponse:" + function.FunctionId,
                StartTimeout).ConfigureAwait(false);
            EnsureSuccess(loaded, "FunctionLoadRequest " + function.Name);
        }
    }

    /// <summary>The worker's Kestrel starts beside its gRPC client: the host waits until it accepts connections.</summary>
    private async Task WaitUntilListeningAsync(Uri uri)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(uri.Host, uri.Port).ConfigureAwait(false);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline && !_worker.HasExited)
            {
                await Task.Delay(50).ConfigureAwait(false);
            }
        }
    }

    private void EnsureSuccess(JsonObject response, string request)
    {
        var status = (string?)response["result"]?["status"];
        if (!string.Equals(status, "Success", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{request} failed: {response["result"]?.ToJsonString()}{Environment.NewLine}{Diagnostics}");
        }
    }

    private async Task InvokeAsync(HttpContext context)
    {
        var path = (string?)context.Request.RouteValues["path"] ?? string.Empty;
        Dictionary<string, string>? routeValues = null;
        var function = Functions.FirstOrDefault(f => f.TryMatch(path, out routeValues));
        if (function is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (function.Methods is not null && !function.Methods.Contains(context.Request.Method.ToUpperInvariant()))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        var body = buffer.ToArray();
        context.Request.Body.Position = 0;

        // The host binds the input bindings first (binding expressions from this request).
        context.Items[DispatchFunctions.FunctionKey] = function;
        context.Items[DispatchFunctions.MetadataKey] = _jobHost.Services.GetRequiredService<IJobHostMetadataProvider>();
        context.Items[DispatchFunctions.AsJsonKey] = _sendAsJson;
        try
        {
            await _jobHost.Services.GetRequiredService<IJobHost>().CallAsync("dispatch", new Dictionary<string, object?> { ["req"] = context.Request }).ConfigureAwait(false);
        }
        catch (FunctionInvocationException ex)
        {
            await WriteTextAsync(context, StatusCodes.Status500InternalServerError, "binding failed: " + (ex.InnerException?.InnerException ?? ex.InnerException ?? ex).Message).ConfigureAwait(false);
            return;
        }

        var inputs = (List<(string Name, JsonObject Data)>)context.Items[DispatchFunctions.InputsKey]!;
        var invocationId = Guid.NewGuid().ToString();
        var inputData = new JsonArray { new JsonObject { ["name"] = function.TriggerName, ["data"] = new JsonObject { ["http"] = ToRpcHttp(context.Request, body) } } };
        foreach (var (name, data) in inputs)
        {
            inputData.Add(new JsonObject { ["name"] = name, ["data"] = data });
        }

        var invocation = _channel.RequestAsync(
            new JsonObject
            {
                ["requestId"] = Guid.NewGuid().ToString(),
                ["invocationRequest"] = new JsonObject
                {
                    ["invocationId"] = invocationId,
                    ["functionId"] = function.FunctionId,
                    ["inputData"] = inputData,
                    ["triggerMetadata"] = RouteMetadata(routeValues!),
                    ["traceContext"] = new JsonObject(),
                },
            },
            "invocationResponse:" + invocationId,
            InvocationTimeout);

        if (WorkerHttpUri is not null)
        {
            using var forwarded = await ForwardAsync(context, body, invocationId).ConfigureAwait(false);
            var result = await invocation.ConfigureAwait(false);
            if (!string.Equals((string?)result["result"]?["status"], "Success", StringComparison.Ordinal))
            {
                await WriteTextAsync(context, StatusCodes.Status500InternalServerError, "function failed: " + result["result"]?.ToJsonString()).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = (int)forwarded.StatusCode;
            foreach (var header in forwarded.Content.Headers.Concat(forwarded.Headers))
            {
                if (!string.Equals(header.Key, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Headers[header.Key] = header.Value.ToArray();
                }
            }

            await context.Response.Body.WriteAsync(await forwarded.Content.ReadAsByteArrayAsync().ConfigureAwait(false)).ConfigureAwait(false);
            return;
        }

        var response = await invocation.ConfigureAwait(false);
        if (!string.Equals((string?)response["result"]?["status"], "Success", StringComparison.Ordinal))
        {
            await WriteTextAsync(context, StatusCodes.Status500InternalServerError, "function failed: " + response["result"]?.ToJsonString()).ConfigureAwait(false);
            return;
        }

        await WriteReturnValueAsync(context, response["returnValue"] as JsonObject).ConfigureAwait(false);
    }

    /// <summary>Route values as the host passes them in the trigger metadata: one string each, bound to parameters by name.</summary>
    private static JsonObject RouteMetadata(Dictionary<string, string> routeValues)
    {
        var metadata = new JsonObject();
        foreach (var (name, value) in routeValues)
        {
            metadata[name] = new JsonObject { ["string"] = value };
        }

        return metadata;
    }

    private async Task<HttpResponseMessage> ForwardAsync(HttpContext context, byte[] body, string invocationId)
    {
        var request = context.Request;
        var target = new Uri(WorkerHttpUri!, request.Path + request.QueryString);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), target);
        if (body.Length > 0 || !HttpMethods.IsGet(request.Method))
        {
            message.Content = new ByteArrayContent(body);
        }

        foreach (var header in request.Headers)
        {
            if (string.Equals(header.Key, "Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        message.Headers.TryAddWithoutValidation("x-ms-invocation-id", invocationId);
        return await _forwarder.SendAsync(message, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
    }

    private static JsonObject ToRpcHttp(HttpRequest request, byte[] body)
    {
        var headers = new JsonObject();
        var nullableHeaders = new JsonObject();
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
            nullableHeaders[header.Key] = new JsonObject { ["value"] = header.Value.ToString() };
        }

        var query = new JsonObject();
        var nullableQuery = new JsonObject();
        foreach (var item in request.Query)
        {
            query[item.Key] = item.Value.ToString();
            nullableQuery[item.Key] = new JsonObject { ["value"] = item.Value.ToString() };
        }

        var http = new JsonObject
        {
            ["method"] = request.Method,
            ["url"] = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}",
            ["headers"] = headers,
            ["nullableHeaders"] = nullableHeaders,
            ["query"] = query,
            ["nullableQuery"] = nullableQuery,
        };
        if (body.Length > 0)
        {
            http["body"] = new JsonObject { ["bytes"] = Convert.ToBase64String(body) };
            http["rawBody"] = new JsonObject { ["bytes"] = Convert.ToBase64String(body) };
        }

        return http;
    }

    /// <summary>
    /// The built-in model: the return value comes back over gRPC. An <c>http</c> value is the response; a <c>string</c>
    /// is the body as text/plain, a <c>json</c> value the body as application/json (the host's rendering of a plain
    /// return value of an HTTP function).
    /// </summary>
    private static async Task WriteReturnValueAsync(HttpContext context, JsonObject? value)
    {
        if (value is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        if (value["http"] is JsonObject http)
        {
            context.Response.StatusCode = int.TryParse((string?)http["statusCode"], out var status) ? status : 200;
            if (http["headers"] is JsonObject headers)
            {
                foreach (var (name, header) in headers)
                {
                    context.Response.Headers[name] = (string?)header;
                }
            }

            if (http["body"] is JsonObject bodyData)
            {
                var bytes = bodyData["bytes"] is JsonValue b ? Convert.FromBase64String((string)b!)
                    : bodyData["string"] is JsonValue s ? Encoding.UTF8.GetBytes((string)s!)
                    : bodyData["json"] is JsonValue j ? Encoding.UTF8.GetBytes((string)j!)
                    : Array.Empty<byte>();
                await context.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
            }

            return;
        }

        if (value["string"] is JsonValue text)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync((string)text!).ConfigureAwait(false);
            return;
        }

        if (value["json"] is JsonValue json)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync((string)json!).ConfigureAwait(false);
            return;
        }

        await WriteTextAsync(context, StatusCodes.Status500InternalServerError, "unexpected return value: " + value.ToJsonString()).ConfigureAwait(false);
    }

    private static async Task WriteTextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text).ConfigureAwait(false);
    }
}
