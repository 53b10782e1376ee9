using System;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Checks a binding when the host indexes the function, so configuration mistakes stop the function before the
/// first client connects: the static HubName, TokenLifetimeSeconds, and the connection (through the same
/// <see cref="ServiceConnectionResolver"/> the invocations use). Values that hold binding expressions are checked
/// per call instead.
/// </summary>
internal sealed class SignalRConnectionInfoValidator
{
    private readonly ServiceConnectionResolver _resolver;

    public SignalRConnectionInfoValidator(ServiceConnectionResolver resolver)
    {
        _resolver = resolver;
    }

    /// <summary>Throws an exception whose message names the property or setting and how to fix it.</summary>
    public void Validate(SignalRConnectionInfoAttribute attribute, Type parameterType)
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

        if (attribute.TokenLifetimeSeconds < 0 || attribute.TokenLifetimeSeconds > SignalRInfoOptions.MaxTokenLifetime.TotalSeconds)
        {
            throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.TokenLifetimeSecondsOutOfRange, attribute.TokenLifetimeSeconds));
        }

        _resolver.GetConnection(_resolver.ResolveSettingName(attribute.ConnectionStringSetting));
    }
}
