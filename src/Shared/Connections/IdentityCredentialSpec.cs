namespace SignalRInfo.Core;

/// <summary>
/// What credential an identity connection asks for. Holds the client secret in memory only to build the
/// credential; <see cref="ToString"/> and <see cref="Description"/> never show it.
/// </summary>
internal sealed class IdentityCredentialSpec
{
    private IdentityCredentialSpec(IdentityCredentialKind kind, string? clientId, string? tenantId, string? clientSecret, string? clientCertificatePath, bool recognisedAuthType)
    {
        Kind = kind;
        ClientId = clientId;
        TenantId = tenantId;
        ClientSecret = clientSecret;
        ClientCertificatePath = clientCertificatePath;
        RecognisedAuthType = recognisedAuthType;
    }

    public IdentityCredentialKind Kind { get; }

    public string? ClientId { get; }

    public string? TenantId { get; }

    public string? ClientSecret { get; }

    public string? ClientCertificatePath { get; }

    /// <summary>False when the connection string named an AuthType we do not know (DefaultAzureCredential is used).</summary>
    public bool RecognisedAuthType { get; }

    /// <summary>A secret-free description for messages, e.g. "ManagedIdentityCredential (user-assigned, client id …)"; ids with control characters escaped.</summary>
    public string Description => Kind switch
    {
        IdentityCredentialKind.ManagedIdentity when ClientId is null => "ManagedIdentityCredential (system-assigned)",
        IdentityCredentialKind.ManagedIdentity => "ManagedIdentityCredential (user-assigned, client id " + ErrorMessages.Escape(ClientId!) + ")",
        IdentityCredentialKind.ServicePrincipal when ClientSecret is not null => "ClientSecretCredential (client id " + ErrorMessages.Escape(ClientId!) + ", tenant " + ErrorMessages.Escape(TenantId!) + ")",
        IdentityCredentialKind.ServicePrincipal => "ClientCertificateCredential (client id " + ErrorMessages.Escape(ClientId!) + ", tenant " + ErrorMessages.Escape(TenantId!) + ")",
        IdentityCredentialKind.ConfigurationSection => "the credential of the configuration section (AzureComponentFactory)",
        _ => "DefaultAzureCredential",
    };

    public static IdentityCredentialSpec Default(bool recognised) => new(IdentityCredentialKind.Default, null, null, null, null, recognised);

    public static IdentityCredentialSpec ManagedIdentity(string? clientId) => new(IdentityCredentialKind.ManagedIdentity, clientId, null, null, null, true);

    public static IdentityCredentialSpec ServicePrincipal(string clientId, string tenantId, string? clientSecret, string? clientCertificatePath) =>
        new(IdentityCredentialKind.ServicePrincipal, clientId, tenantId, clientSecret, clientCertificatePath, true);

    public static IdentityCredentialSpec ConfigurationSection() => new(IdentityCredentialKind.ConfigurationSection, null, null, null, null, true);

    /// <inheritdoc />
    public override string ToString() => Description;
}
