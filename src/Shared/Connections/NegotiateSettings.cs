using System;

namespace SignalRInfo.Core;

/// <summary>
/// The defaults every negotiation uses, taken from the package's own options type (host: <c>SignalRInfoOptions</c>
/// from host.json; worker: <c>SignalRNegotiatorOptions</c> from <c>AddSignalRNegotiator</c>), with the names those
/// options have for the user, so that a message names the option to change.
/// </summary>
internal sealed class NegotiateSettings
{
    /// <summary>The setting read when a binding or a call names none.</summary>
    public const string DefaultConnectionStringSetting = "AzureSignalRConnectionString";

    /// <summary>The default access token lifetime: one hour.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>The shortest access token lifetime accepted: one second.</summary>
    public static readonly TimeSpan MinTokenLifetime = TimeSpan.FromSeconds(1);

    /// <summary>The longest access token lifetime accepted: one day.</summary>
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(1);

    /// <summary>The default longest wait of a negotiate for a Microsoft Entra ID key: 30 seconds.</summary>
    public static readonly TimeSpan DefaultIdentityKeyWaitTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The longest identity key wait accepted: five minutes.</summary>
    public static readonly TimeSpan MaxIdentityKeyWaitTimeout = TimeSpan.FromMinutes(5);

    public NegotiateSettings(TimeSpan tokenLifetime, TimeSpan identityKeyWaitTimeout, string identityKeyWaitTimeoutName, string? defaultConnectionStringSetting = null, SignalRRoutingOptions? routing = null)
    {
        Routing = routing ?? new SignalRRoutingOptions();
        foreach (var weight in Routing.Weights)
        {
            if (weight.Value < 0)
            {
                throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.WeightOutOfRange, weight.Key, weight.Value));
            }
        }

        TokenLifetime = tokenLifetime;
        IdentityKeyWaitTimeout = identityKeyWaitTimeout;
        IdentityKeyWaitTimeoutName = identityKeyWaitTimeoutName;
        DefaultConnectionSetting = string.IsNullOrWhiteSpace(defaultConnectionStringSetting) ? DefaultConnectionStringSetting : defaultConnectionStringSetting!.Trim();
    }

    /// <summary>The token lifetime when a binding or a call sets none.</summary>
    public TimeSpan TokenLifetime { get; }

    /// <summary>How long a negotiate without a usable identity key waits for one.</summary>
    public TimeSpan IdentityKeyWaitTimeout { get; }

    /// <summary>How the user sets <see cref="IdentityKeyWaitTimeout"/>, for messages.</summary>
    public string IdentityKeyWaitTimeoutName { get; }

    /// <summary>Routing among several SignalR Service instances.</summary>
    public SignalRRoutingOptions Routing { get; }

    /// <summary>The connection setting when a binding or a call names none.</summary>
    public string DefaultConnectionSetting { get; }

    /// <summary>Checks a token lifetime option; <paramref name="optionName"/> says how the user sets it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Shorter than a second or longer than a day.</exception>
    public static TimeSpan CheckTokenLifetime(TimeSpan value, string parameterName, string optionName)
    {
        if (value < MinTokenLifetime || value > MaxTokenLifetime)
        {
            throw new ArgumentOutOfRangeException(parameterName, ErrorMessages.Format(ErrorMessages.TokenLifetimeOutOfRange, optionName, value));
        }

        return value;
    }

    /// <summary>Checks an identity key wait option; <paramref name="optionName"/> says how the user sets it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Shorter than a second or longer than five minutes.</exception>
    public static TimeSpan CheckIdentityKeyWaitTimeout(TimeSpan value, string parameterName, string optionName)
    {
        if (value < TimeSpan.FromSeconds(1) || value > MaxIdentityKeyWaitTimeout)
        {
            throw new ArgumentOutOfRangeException(parameterName, ErrorMessages.Format(ErrorMessages.IdentityKeyWaitTimeoutOutOfRange, optionName, value));
        }

        return value;
    }
}
