using System;
using Microsoft.Azure.WebJobs.Hosting;
using Newtonsoft.Json.Linq;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Host-wide options of the SignalRConnectionInfo binding, bound from the <c>extensions:signalR</c> section of
/// host.json (for example <c>{ "extensions": { "signalR": { "tokenLifetime": "00:30:00" } } }</c>).
/// </summary>
public sealed class SignalRInfoOptions : IOptionsFormatter
{
    /// <summary>The default access token lifetime: one hour.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>The longest access token lifetime accepted: one day.</summary>
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(1);

    private TimeSpan _tokenLifetime = DefaultTokenLifetime;

    /// <summary>
    /// How long an access token is valid. Default one hour; must be at least one second and at most one day.
    /// A binding's <see cref="SignalRConnectionInfoAttribute.TokenLifetimeSeconds"/> overrides it.
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

    /// <summary>Formats the options for the host's start-up log. Holds no secret.</summary>
    /// <returns>The options as indented JSON.</returns>
    public string Format()
    {
        var options = new JObject
        {
            [nameof(TokenLifetime)] = _tokenLifetime.ToString(),
        };
        return options.ToString(Newtonsoft.Json.Formatting.Indented);
    }
}
