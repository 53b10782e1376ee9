using System;
using System.Collections.Generic;
using System.Security.Claims;

// Compiled into both packages, in each package's own namespace (README, "Negotiate in code").
#if SIGNALRINFO_WORKER
namespace Functions.Worker.Extensions.SignalRInfo;
#else
namespace WebJobs.Extensions.SignalRInfo;
#endif

/// <summary>What one <see cref="ISignalRNegotiator.NegotiateAsync"/> call puts into the access token.</summary>
public sealed class SignalRNegotiateOptions
{
    /// <summary>The user id (claim <c>asrs.s.uid</c>), or null for an anonymous connection.</summary>
    public string? UserId { get; set; }

    /// <summary>
    /// Claims to copy into the token, or null. Long claim types get their short JWT names, as JWT writers write them
    /// (<c>ClaimTypes.NameIdentifier</c> → <c>nameid</c>, <c>ClaimTypes.Name</c> → <c>unique_name</c>,
    /// <c>ClaimTypes.Role</c> → <c>role</c>, <c>ClaimTypes.Email</c> → <c>email</c>). As for the binding's IdToken
    /// claims: <c>asrs.*</c> claims are dropped,
    /// reserved JWT names (<c>aud</c>, <c>exp</c>, <c>iat</c>, <c>nbf</c>, <c>iss</c>, a second <c>sub</c>, …) are renamed
    /// <c>asrs.u.&lt;name&gt;</c>, repeated types become an array. <see cref="Claim.ValueType"/> Integer, Integer32,
    /// Integer64, Boolean and Double values are written as JSON numbers and booleans; all else as strings.
    /// </summary>
    public IEnumerable<Claim>? Claims { get; set; }

    /// <summary>How long the token is valid (1 second to 1 day), or null for the configured default (one hour).</summary>
    public TimeSpan? TokenLifetime { get; set; }

    /// <summary>The connection setting to read, or null for the default <c>AzureSignalRConnectionString</c>.</summary>
    public string? ConnectionStringSetting { get; set; }
}
