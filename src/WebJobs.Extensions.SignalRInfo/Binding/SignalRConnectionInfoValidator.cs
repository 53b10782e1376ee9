using System;
using System.Linq;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Checks a binding when the host indexes the function, so configuration mistakes stop the function before the
/// first client connects: the static HubName, TokenLifetimeSeconds, and the connection (through the same
/// <see cref="ServiceConnectionResolver"/> the invocations use). Values that hold binding expressions are checked
/// per call instead. An IdToken without ClaimTypeList (or the reverse) is legal but copies nothing: a warning.
/// </summary>
internal sealed partial class SignalRConnectionInfoValidator
{
    private readonly ServiceConnectionResolver _resolver;
    private readonly INameResolver _nameResolver;
    private readonly ILogger _logger;

    public SignalRConnectionInfoValidator(ServiceConnectionResolver resolver, INameResolver nameResolver, ILoggerFactory loggerFactory)
    {
        _resolver = resolver;
        _nameResolver = nameResolver;
        _logger = loggerFactory.CreateLogger(LogCategory.Name);
    }

    /// <summary>Throws an exception whose message names the property or setting and how to fix it.</summary>
    public void Validate(SignalRConnectionInfoAttributeBase attribute, Type parameterType)
    {
        var hub = attribute.HubName;
        if (string.IsNullOrWhiteSpace(hub))
        {
            throw new InvalidOperationException(ErrorMessages.HubNameMissing);
        }

        if (!HubNames.IsExpression(hub!) && !HubNames.IsValid(hub))
        {
            throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.HubNameInvalid, hub));
        }

        if (attribute.TokenLifetimeSeconds < 0 || attribute.TokenLifetimeSeconds > NegotiateSettings.MaxTokenLifetime.TotalSeconds)
        {
            throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.TokenLifetimeSecondsOutOfRange, attribute.TokenLifetimeSeconds));
        }

        _resolver.GetEndpoints(ConnectionSettingNames.Resolve(attribute.ConnectionStringSetting, _nameResolver));

        // Neither value is logged: an IdToken written into the attribute would be a credential.
        var hasIdToken = !string.IsNullOrWhiteSpace(attribute.IdToken);
        var hasClaimTypes = attribute.ClaimTypeList?.Any(t => !string.IsNullOrWhiteSpace(t)) == true;
        if (hasIdToken && !hasClaimTypes)
        {
            Log.IdTokenWithoutClaimTypeList(_logger, hub!);
        }
        else if (hasClaimTypes && !hasIdToken)
        {
            Log.ClaimTypeListWithoutIdToken(_logger, hub!);
        }
    }

    /// <summary>Checks a <see cref="SignalREndpointsAttribute"/> at indexing: its connection setting and endpoints.</summary>
    public void ValidateEndpoints(SignalREndpointsAttribute attribute, Type parameterType)
    {
        _resolver.GetEndpoints(ConnectionSettingNames.Resolve(attribute.ConnectionStringSetting, _nameResolver));
    }
}
