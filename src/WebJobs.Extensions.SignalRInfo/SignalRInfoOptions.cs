using System;
using Microsoft.Azure.WebJobs.Hosting;
using Newtonsoft.Json.Linq;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Host-wide options of the SignalRConnectionInfo binding, bound from the <c>extensions:signalRInfo</c> section of
/// host.json (for example <c>{ "extensions": { "signalRInfo": { "tokenLifetime": "00:30:00" } } }</c>).
/// </summary>
public sealed class SignalRInfoOptions : IOptionsFormatter
{
    /// <summary>The default access token lifetime: one hour.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>The longest access token lifetime accepted: one day.</summary>
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(1);

    /// <summary>The default longest wait of a negotiate for a Microsoft Entra ID key: 30 seconds.</summary>
    public static readonly TimeSpan DefaultIdentityKeyWaitTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The longest <see cref="IdentityKeyWaitTimeout"/> accepted: five minutes.</summary>
    public static readonly TimeSpan MaxIdentityKeyWaitTimeout = TimeSpan.FromMinutes(5);

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
        set
        {
            if (value < TimeSpan.FromSeconds(1) || value > MaxTokenLifetime)
            {
                throw new ArgumentOutOfRangeException(nameof(TokenLifetime), ErrorMessages.Format(ErrorMessages.TokenLifetimeOutOfRange, value));
            }

            _tokenLifetime = value;
        }
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
        set
        {
            if (value < TimeSpan.FromSeconds(1) || value > MaxIdentityKeyWaitTimeout)
            {
                throw new ArgumentOutOfRangeException(nameof(IdentityKeyWaitTimeout), ErrorMessages.Format(ErrorMessages.IdentityKeyWaitTimeoutOutOfRange, value));
            }

            _identityKeyWaitTimeout = value;
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
        };
        return options.ToString(Newtonsoft.Json.Formatting.Indented);
    }
}
