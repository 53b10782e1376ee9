using System;

namespace Functions.Worker.Extensions.SignalRInfo;

/// <summary>
/// The defaults of <see cref="ISignalRNegotiator"/> in an isolated worker app, set with
/// <c>services.AddSignalRNegotiator(o =&gt; …)</c>. A call's <see cref="SignalRNegotiateOptions"/> overrides them.
/// </summary>
public sealed class SignalRNegotiatorOptions
{
    private const string TokenLifetimeName = "SignalRNegotiatorOptions.TokenLifetime (AddSignalRNegotiator)";
    private const string IdentityKeyWaitTimeoutName = "SignalRNegotiatorOptions.IdentityKeyWaitTimeout (AddSignalRNegotiator)";

    private TimeSpan _tokenLifetime = NegotiateSettings.DefaultTokenLifetime;
    private TimeSpan _identityKeyWaitTimeout = NegotiateSettings.DefaultIdentityKeyWaitTimeout;

    /// <summary>How long an access token is valid. Default one hour; at least one second, at most one day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public TimeSpan TokenLifetime
    {
        get => _tokenLifetime;
        set => _tokenLifetime = NegotiateSettings.CheckTokenLifetime(value, nameof(TokenLifetime), TokenLifetimeName);
    }

    /// <summary>
    /// For identity-based connections (Microsoft Entra ID): how long a negotiation that finds no usable signing key
    /// waits for one. Default 30 seconds; at least one second, at most five minutes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public TimeSpan IdentityKeyWaitTimeout
    {
        get => _identityKeyWaitTimeout;
        set => _identityKeyWaitTimeout = NegotiateSettings.CheckIdentityKeyWaitTimeout(value, nameof(IdentityKeyWaitTimeout), IdentityKeyWaitTimeoutName);
    }

    /// <summary>The connection setting read when a call names none. Default <c>AzureSignalRConnectionString</c>.</summary>
    public string ConnectionStringSetting { get; set; } = NegotiateSettings.DefaultConnectionStringSetting;

    /// <summary>Routing among several SignalR Service instances (<c>Azure:SignalR:Endpoints</c> in the worker's configuration).</summary>
    public SignalRRoutingOptions Routing { get; } = new();

    internal NegotiateSettings ToSettings() => new(_tokenLifetime, _identityKeyWaitTimeout, IdentityKeyWaitTimeoutName, ConnectionStringSetting, Routing);
}
