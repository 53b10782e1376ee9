using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Azure.WebJobs.Description;
using Microsoft.Azure.WebJobs.Host.Config;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Registers the binding rules of <see cref="SignalRConnectionInfoAttribute"/> (<c>signalRConnectionInfo</c>) and
/// <see cref="SignalRInfoAttribute"/> (<c>signalRInfo</c>): a validator at indexing and an input converter per call,
/// plus conversions to <see cref="string"/> and <see cref="JObject"/>. Options come from host.json
/// <c>extensions:signalRInfo</c> (Microsoft's SignalR Service extension reads <c>extensions:signalR</c>).
/// </summary>
[Extension("SignalRInfo", "signalRInfo")]
internal sealed partial class SignalRInfoExtensionConfigProvider : IExtensionConfigProvider
{
    /// <summary>The assembly of Microsoft's SignalR Service extension, which also claims <c>signalRConnectionInfo</c>.</summary>
    internal const string MicrosoftExtensionAssemblyName = "Microsoft.Azure.WebJobs.Extensions.SignalRService";

    private readonly SignalRConnectionInfoConverter _converter;
    private readonly SignalRNegotiationConverter _negotiationConverter;
    private readonly SignalRConnectionInfoValidator _validator;
    private readonly IOptions<SignalRInfoOptions> _options;
    private readonly ILogger _logger;
    private readonly Func<IEnumerable<AssemblyName>> _loadedAssemblies;

    public SignalRInfoExtensionConfigProvider(SignalRConnectionInfoConverter converter, SignalRNegotiationConverter negotiationConverter, SignalRConnectionInfoValidator validator, IOptions<SignalRInfoOptions> options, ILoggerFactory loggerFactory)
        : this(converter, negotiationConverter, validator, options, loggerFactory, LoadedAssemblies)
    {
    }

    /// <summary>
    /// Test seam: <paramref name="loadedAssemblies"/> stands in for the assemblies of the current AppDomain, which a test
    /// process cannot unload once it has loaded one. Dependency injection uses the public constructor only.
    /// </summary>
    internal SignalRInfoExtensionConfigProvider(SignalRConnectionInfoConverter converter, SignalRNegotiationConverter negotiationConverter, SignalRConnectionInfoValidator validator, IOptions<SignalRInfoOptions> options, ILoggerFactory loggerFactory, Func<IEnumerable<AssemblyName>> loadedAssemblies)
    {
        _converter = converter;
        _negotiationConverter = negotiationConverter;
        _validator = validator;
        _options = options;
        _logger = loggerFactory.CreateLogger(LogCategory.Name);
        _loadedAssemblies = loadedAssemblies;
    }

    /// <inheritdoc />
    public void Initialize(ExtensionConfigContext context)
    {
        EnsureOptionsValid();
        WarnIfMicrosoftExtensionIsLoaded();
        context.AddConverter<SignalRConnectionInfo, string>(ToJson);
        context.AddConverter<SignalRConnectionInfo, JObject>(JObject.FromObject);

        // Our parameter types bind through ConnectionInfoBinding (README, "How a negotiate is bound"); BindToInput
        // keeps every other type and describes the rule to the Functions host.
        var rule = context.AddBindingRule<SignalRConnectionInfoAttribute>();
        rule.AddValidator(_validator.Validate);
        rule.Bind(new ConnectionInfoBindingProvider<SignalRConnectionInfoAttribute>(_converter));
        rule.BindToInput<SignalRConnectionInfo>(_converter);

        var uniqueRule = context.AddBindingRule<SignalRInfoAttribute>();
        uniqueRule.AddValidator(_validator.Validate);
        uniqueRule.Bind(new ConnectionInfoBindingProvider<SignalRInfoAttribute>(_converter));
        uniqueRule.BindToInput<SignalRConnectionInfo>(_converter);

        // Several instances (README, "Several SignalR Service instances"): a token per instance, or the instances.
        context.AddConverter<SignalRNegotiationContext, string>(ToJson);
        context.AddConverter<SignalRNegotiationContext, JObject>(JObject.FromObject);
        context.AddConverter<SignalREndpoint[], string>(ToJson);
        context.AddConverter<SignalREndpoint[], JArray>(JArray.FromObject);
        var negotiationRule = context.AddBindingRule<SignalRNegotiationAttribute>();
        negotiationRule.AddValidator(_validator.Validate);
        negotiationRule.BindToInput<SignalRNegotiationContext>(_negotiationConverter);
        var endpointsRule = context.AddBindingRule<SignalREndpointsAttribute>();
        endpointsRule.AddValidator(_validator.ValidateEndpoints);
        endpointsRule.BindToInput<SignalREndpoint[]>(_negotiationConverter);
    }

    /// <summary>Compact camelCase JSON: <c>{"url":"…","accessToken":"…"}</c>.</summary>
    internal static string ToJson(SignalRConnectionInfo info) => JsonConvert.SerializeObject(info, Formatting.None);

    /// <summary>Compact camelCase JSON of a negotiation context or an endpoint list (types as strings).</summary>
    internal static string ToJson<T>(T value) => JsonConvert.SerializeObject(value, Formatting.None);

    private void WarnIfMicrosoftExtensionIsLoaded()
    {
        foreach (var name in _loadedAssemblies())
        {
            if (string.Equals(name.Name, MicrosoftExtensionAssemblyName, StringComparison.OrdinalIgnoreCase))
            {
                Log.MicrosoftExtensionLoaded(_logger, name.Version?.ToString() ?? "?");
                return;
            }
        }
    }

    private static IEnumerable<AssemblyName> LoadedAssemblies() => AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName());

    private void EnsureOptionsValid() => SignalRInfoOptions.ReadValid(_options);
}
