using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Primitives;
using SignalRInfo.TestSupport;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// <c>--cold-child VARIANT [--key-endpoint URL] [--why]</c>: one cold start, in a process of its own (started by
/// <see cref="ColdStart"/>). Builds and starts a WebJobs host with the one negotiate function of its variant, makes
/// the first negotiate through <see cref="IJobHost.CallAsync(string, IDictionary{string, object}, System.Threading.CancellationToken)"/>,
/// then checks the result and prints one line (<see cref="LinePrefix"/>): the times from host start and from the
/// start of Main to the first response, from the response to the line (the checks), and the assemblies loaded at the
/// response. <c>--why</c> also prints, for every
/// extension-related assembly (<see cref="IsExtensionRelated"/>), a short stack of where it was loaded.
/// </summary>
/// <remarks>
/// Every variant's code is in a method of its own, never inlined: a method's JIT loads the assemblies of everything
/// it calls, taken branch or not, so a child loads only what its own variant needs. The result is checked after the
/// assemblies are counted (the token checks load Microsoft.IdentityModel).
/// </remarks>
internal static class ColdStartChild
{
    public const string Switch = "--cold-child";
    public const string KeyEndpointSwitch = "--key-endpoint";
    public const string WhySwitch = "--why";
    public const string LinePrefix = "COLD ";
    public const string WhyPrefix = "WHY ";
    public const string OursKey = "ours-key";
    public const string NoOpKey = "noop-key";
    public const string OursIdentity = "ours-identity";
    public const string NoOpIdentity = "noop-identity";

    /// <summary>The key the loopback key endpoint issues to identity connections, and its id.</summary>
    public const string IdentityKeyId = "cold-start-entra-kid";
    public const string IdentityAccessKey = "ColdStartKey0123456789abcdefghijklmnopqrstuvw=";

    private const string ResponseKey = "$response";
    private const int WhyFrames = 14;

    /// <summary>Runs the child; <paramref name="mainStart"/> is the <see cref="Stopwatch"/> timestamp taken first in Main.</summary>
    public static int Run(string[] args, long mainStart)
    {
        var variant = args.Length > 1 ? args[1] : string.Empty;
        var keyEndpointIndex = Array.IndexOf(args, KeyEndpointSwitch);
        var keyEndpoint = keyEndpointIndex >= 0 && keyEndpointIndex + 1 < args.Length ? args[keyEndpointIndex + 1] : null;
        if (Array.IndexOf(args, WhySwitch) >= 0)
        {
            AppDomain.CurrentDomain.AssemblyLoad += (_, e) => PrintWhy(e.LoadedAssembly.GetName().Name ?? string.Empty);
            foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
            {
                var name = loaded.GetName().Name ?? string.Empty;
                if (IsExtensionRelated(name))
                {
                    Console.WriteLine(WhyPrefix + name + " was loaded before Main");
                }
            }
        }

        var ours = variant is OursKey or OursIdentity;
        var identity = variant is OursIdentity or NoOpIdentity;
        if (!ours && variant != NoOpKey && variant != NoOpIdentity)
        {
            Console.Error.WriteLine("--cold-child: unknown variant '" + variant + "' (" + OursKey + ", " + NoOpKey + ", " + OursIdentity + ", " + NoOpIdentity + ").");
            return 2;
        }

        if (identity && keyEndpoint is null)
        {
            Console.Error.WriteLine("--cold-child " + variant + ": " + KeyEndpointSwitch + " URL is required.");
            return 2;
        }

        try
        {
            RunHost(variant, ours, identity, keyEndpoint, mainStart);
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine("--cold-child " + variant + " failed: " + e);
            return 1;
        }
    }

    /// <summary>The assemblies the finding is about: Azure.*, Microsoft.Identity.* (MSAL), Microsoft.Extensions.Azure.</summary>
    public static bool IsExtensionRelated(string name) =>
        name.StartsWith("Azure.", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.Identity.", StringComparison.Ordinal)
        || name == "Microsoft.Extensions.Azure";

    /// <summary>The identity connection string for the key endpoint at <paramref name="keyEndpoint"/> (http://127.0.0.1:port).</summary>
    public static string IdentityConnectionString(string keyEndpoint) => "Endpoint=http://127.0.0.1;Port=" + new Uri(keyEndpoint).Port.ToString(CultureInfo.InvariantCulture) + ";AuthType=azure";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunHost(string variant, bool ours, bool identity, string? keyEndpoint, long mainStart)
    {
        var settings = new Dictionary<string, string?>
        {
            [BenchmarkInputs.SettingName] = identity ? IdentityConnectionString(keyEndpoint!) : BenchmarkInputs.ConnectionString,
        };

        var hostStart = Stopwatch.GetTimestamp();
        using var host = new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings))
            .ConfigureWebJobs(b =>
            {
                b.AddHttp(o => o.SetResponse = (request, result) => request.HttpContext.Items[ResponseKey] = result);
                if (ours)
                {
                    ConfigureOurs(b, identity);
                }
                else
                {
                    ConfigureNoOp(b);
                }
            })
            .ConfigureServices(s => s.AddSingleton<ITypeLocator>(new FixedTypeLocator(FunctionClass(ours))))
            .Build();
        host.StartAsync().GetAwaiter().GetResult();
        var jobHost = host.Services.GetRequiredService<IJobHost>();

        // The request NegotiateInvocationBenchmarks sends (without the IdToken, which these functions do not read).
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = "POST";
        request.Scheme = "https";
        request.Host = new HostString("contoso-functions.azurewebsites.net");
        request.Path = "/api/negotiate";
        request.QueryString = new QueryString("?negotiateVersion=1");
        request.Headers[NegotiateFunctions.UserIdHeader] = new StringValues(BenchmarkInputs.UserId);
        jobHost.CallAsync(ours ? NegotiateFunctions.Ours : NegotiateFunctions.NoOp, new Dictionary<string, object?> { ["req"] = request }).GetAwaiter().GetResult();
        var info = context.Items[ResponseKey] as SignalRConnectionInfo;
        var end = Stopwatch.GetTimestamp();
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "?").OrderBy(n => n, StringComparer.Ordinal).ToList();

        if (ours)
        {
            CheckOurs(info, identity, keyEndpoint);
        }
        else
        {
            CheckNoOp(info);
        }

        // The parent's clock runs until it reads this line: it takes off the time the checks took.
        var line = new StringBuilder(LinePrefix)
            .Append("variant=").Append(variant)
            .Append(" host_start_to_first_response_ms=").Append(Ms(end - hostStart))
            .Append(" main_to_first_response_ms=").Append(Ms(end - mainStart))
            .Append(" first_response_to_line_ms=").Append(Ms(Stopwatch.GetTimestamp() - end))
            .Append(" loaded_assemblies=").Append(loaded.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" azure_identity_loaded=").Append(loaded.Contains("Azure.Identity") ? "true" : "false")
            .Append(" azure_core_loaded=").Append(loaded.Contains("Azure.Core") ? "true" : "false")
            .Append(" assemblies=").Append(string.Join(",", loaded))
            .ToString();

        // Printed before the host stops.
        Console.WriteLine(line);
        host.StopAsync().GetAwaiter().GetResult();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ConfigureOurs(IWebJobsBuilder builder, bool identity)
    {
        if (identity)
        {
            AddFakeCredentials(builder.Services);
        }

        builder.AddSignalRConnectionInfo();
    }

    /// <summary>Apart from <see cref="ConfigureOurs"/>: its JIT loads Azure.Core (TokenCredential), which the access-key child must not owe to the benchmark.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddFakeCredentials(IServiceCollection services) => services.AddSingleton<IServiceCredentialFactory>(new FakeServiceCredentialFactory());

    /// <summary>The no-op host: HTTP and the no-op extension only (the identity settings, if any, are in its configuration).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ConfigureNoOp(IWebJobsBuilder builder) => builder.AddExtension<NoOpConnectionInfoExtension>();

    private static Type FunctionClass(bool ours) => ours ? typeof(ColdStartOurFunction) : typeof(ColdStartNoOpFunction);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckOurs(SignalRConnectionInfo? info, bool identity, string? keyEndpoint)
    {
        if (info is null)
        {
            throw new InvalidOperationException("our binding: the function returned no SignalRConnectionInfo");
        }

        if (identity)
        {
            var endpoint = new ServiceEndpoint(new Uri(keyEndpoint!));
            Check(info.Url == endpoint.GetClientUrl(BenchmarkInputs.LowerHub), "our binding (identity): url is '" + info.Url + "'");
            InputChecks.IdentityToken("our binding (identity)", info.AccessToken, IdentityAccessKey, IdentityKeyId, endpoint.GetAudience(BenchmarkInputs.LowerHub));
        }
        else
        {
            Check(info.Url == BenchmarkInputs.ClientUrl, "our binding (access key): url is '" + info.Url + "'");
            InputChecks.AccessKeyToken("our binding (access key)", info.AccessToken);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckNoOp(SignalRConnectionInfo? info) =>
        Check(ReferenceEquals(info, NegotiateFunctions.Constant), "no-op binding: the function did not return the bound constant");

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Cold start check failed: " + message);
        }
    }

    private static string Ms(long ticks) => (ticks * 1000.0 / Stopwatch.Frequency).ToString("0.0", CultureInfo.InvariantCulture);

    private static void PrintWhy(string name)
    {
        if (!IsExtensionRelated(name))
        {
            return;
        }

        // Skips this method, the handler and the runtime's load plumbing; a load the JIT triggers shows the caller of the method being compiled.
        var frames = new StackTrace(2, false).GetFrames()
            .Select(f => f.GetMethod())
            .Where(m => m is not null && m.DeclaringType?.Namespace is not ("System.Runtime.Loader" or "System.Reflection" or "System.Runtime.CompilerServices"))
            .Select(m => m!.DeclaringType is null ? m.Name : m.DeclaringType.FullName + "." + m.Name)
            .Take(WhyFrames);
        var text = new StringBuilder(WhyPrefix).Append(name).Append(" loaded at:");
        foreach (var frame in frames)
        {
            text.Append("\n    ").Append(frame);
        }

        Console.WriteLine(text.ToString());
    }
}
