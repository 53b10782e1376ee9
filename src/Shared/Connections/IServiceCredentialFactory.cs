using Azure.Core;
using Microsoft.Extensions.Configuration;

namespace SignalRInfo.Core;

/// <summary>
/// Builds the <see cref="TokenCredential"/> of an identity connection. Registered in DI with TryAdd, so tests and
/// hosts with unusual credentials can register their own before or after <c>AddSignalRConnectionInfo()</c>.
/// </summary>
internal interface IServiceCredentialFactory
{
    /// <summary>Creates the credential <paramref name="spec"/> asks for.</summary>
    /// <param name="spec">What the connection string (AuthType, ClientId, …) or the section asks for.</param>
    /// <param name="section">The configuration section for <see cref="IdentityCredentialKind.ConfigurationSection"/>; otherwise null.</param>
    /// <returns>The credential. Creating it must not touch the network.</returns>
    TokenCredential CreateCredential(IdentityCredentialSpec spec, IConfiguration? section);
}
