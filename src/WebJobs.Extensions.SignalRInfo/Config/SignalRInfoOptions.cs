using System;
using Microsoft.Azure.WebJobs.Hosting;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Host-wide options of the SignalRConnectionInfo binding, bound from the <c>extensions:signalRInfo</c> section of
/// host.json (for example <c>{ "extensions": { "signalRInfo": { "tokenLifetime": "00:30:00" } } }</c>).
/// </summary>
public sealed class SignalRInfoOptions : IOptionsFormatter
{
    /// <summary>The default access token lifetime: one hour.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = NegotiateSettings.DefaultTokenLifetime;

    /// <summary>The longest access token lifetime accepted: one day.</summary>
    public static readonly TimeSpan MaxTokenLifetime = NegotiateSettings.MaxTokenLifetime;

    /// <summary>The default longest wait of a negotiate for a Microsoft Entra ID key: 30 seconds.</summary>
    public static readonly TimeSpan DefaultIdentityKeyWaitTimeout = NegotiateSettings.DefaultIdentityKeyWaitTimeout;

    /// <summary>The longest <see cref="IdentityKeyWaitTimeout"/> accepted: five minutes.</summary>
    public static readonly TimeSpan MaxIdentityKeyWaitTimeout = NegotiateSettings.MaxIdentityKeyWaitTimeout;

    private const string TokenLifetimeName = "SignalRInfoOptions.TokenLifetime (host.json 'extensions:signalRInfo:tokenLifetime')";
    private const string IdentityKeyWaitTimeoutName = "SignalRInfoOptions.IdentityKeyWaitTimeout (host.json 'extensions:signalRInfo:identityKeyWaitTimeout')";

    private TimeSpan _tokenLifetime = DefaultTokenLifetime;
    private TimeSpan _identityKeyWaitTimeout = DefaultIdentityKeyWaitTimeout;

    /// <summary>
    /// How long an access token is valid. Default one hour; must be at least one second and at most one day.
    /// A binding's <see cref="SignalRConnectionInfoAttributeBase.TokenLifetimeSeconds"/> overrides it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public TimeSpan TokenLifetime
    {
        get => _tokenLifetime;
        set => _tokenLifetime = NegotiateSettings.CheckTokenLifetime(value, nameof(TokenLifetime), TokenLifetimeName);
    }

    /// <summary>
    /// For identity-based connections (Microsoft Entra ID): how long a negotiate that finds no usable signing key
    /// waits for the service to issue one before it fails with the cause. Default 30 seconds; must be at least one
    /// second and at most five minutes. Negotiations that have a usable key never wait.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public TimeSpan IdentityKeyWaitTimeout
    {
        get => _identityKeyWaitTimeout;
        set => _identityKeyWaitTimeout = NegotiateSettings.CheckIdentityKeyWaitTimeout(value, nameof(IdentityKeyWaitTimeout), IdentityKeyWaitTimeoutName);
    }

    /// <summary>The negotiation defaults these options give.</summary>
    internal NegotiateSettings ToSettings() => new(_tokenLifetime, _identityKeyWaitTimeout, IdentityKeyWaitTimeoutName, routing: Routing);

    /// <summary>
    /// Routing among several SignalR Service instances (<c>Azure:SignalR:Endpoints</c>), from host.json
    /// <c>extensions:signalRInfo:routing</c>: <c>mode</c> (random, userHash, weighted, priority), <c>weights:&lt;name&gt;</c>,
    /// <c>order</c>, <c>healthProbeInterval</c>, <c>offlineAfterFailures</c>.
    /// </summary>
    public SignalRRoutingOptions Routing { get; } = new();

    /// <summary>
    /// The bound options; a setter's range check, which the configuration binder wraps, surfaces with its own message.
    /// </summary>
    /// <exception cref="InvalidOperationException">An option in host.json is out of range.</exception>
    internal static SignalRInfoOptions ReadValid(IOptions<SignalRInfoOptions> options)
    {
        try
        {
            return options.Value;
        }
        catch (Exception ex)
        {
            for (var inner = ex; inner is not null; inner = inner.InnerException)
            {
                if (inner is ArgumentOutOfRangeException { ParamName: nameof(TokenLifetime) or nameof(IdentityKeyWaitTimeout) or nameof(SignalRRoutingOptions.HealthProbeInterval) or nameof(SignalRRoutingOptions.OfflineAfterFailures) })
                {
                    throw new InvalidOperationException(inner.Message, inner);
                }
            }

            throw;
        }
    }

    /// <summary>Formats the options for the host's start-up log. Holds no secret.</summary>
    /// <returns>The options as indented JSON.</returns>
    public string Format()
    {
        var options = new JObject
        {
            [nameof(TokenLifetime)] = _tokenLifetime.ToString(),
            [nameof(IdentityKeyWaitTimeout)] = _identityKeyWaitTimeout.ToString(),
            [nameof(Routing)] = new JObject
            {
                [nameof(SignalRRoutingOptions.Mode)] = Routing.Mode.ToString(),
                [nameof(SignalRRoutingOptions.Weights)] = JObject.FromObject(Routing.Weights),
                [nameof(SignalRRoutingOptions.Order)] = new JArray(Routing.Order),
                [nameof(SignalRRoutingOptions.HealthProbeInterval)] = Routing.HealthProbeInterval.ToString(),
                [nameof(SignalRRoutingOptions.OfflineAfterFailures)] = Routing.OfflineAfterFailures,
            },
        };
        return options.ToString(Newtonsoft.Json.Formatting.Indented);
    }
}
