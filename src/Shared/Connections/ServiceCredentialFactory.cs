using System;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;

namespace SignalRInfo.Core;

/// <summary>
/// The default <see cref="IServiceCredentialFactory"/> (README, "Connections"): Azure.Identity credentials for the
/// connection-string AuthType forms, and <see cref="AzureComponentFactory.CreateTokenCredential"/> (keys
/// <c>credential</c>, <c>clientId</c>, <c>tenantId</c>, <c>clientSecret</c>, <c>clientCertificate</c>, …) for a
/// section with <c>serviceUri</c>. No credential touches the network before its first token request.
/// </summary>
internal sealed class ServiceCredentialFactory : IServiceCredentialFactory
{
    private readonly AzureComponentFactory _componentFactory;

    public ServiceCredentialFactory(AzureComponentFactory componentFactory)
    {
        _componentFactory = componentFactory;
    }

    /// <inheritdoc />
    public TokenCredential CreateCredential(IdentityCredentialSpec spec, IConfiguration? section)
    {
        switch (spec.Kind)
        {
            case IdentityCredentialKind.ManagedIdentity:
                return new ManagedIdentityCredential(spec.ClientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(spec.ClientId));
            case IdentityCredentialKind.ServicePrincipal when spec.ClientSecret is not null:
                return new ClientSecretCredential(spec.TenantId, spec.ClientId, spec.ClientSecret);
            case IdentityCredentialKind.ServicePrincipal:
                return new ClientCertificateCredential(spec.TenantId, spec.ClientId, spec.ClientCertificatePath);
            case IdentityCredentialKind.ConfigurationSection:
                return _componentFactory.CreateTokenCredential(section ?? throw new ArgumentNullException(nameof(section)));
            default:
                return new DefaultAzureCredential();
        }
    }
}
