namespace SignalRInfo.Core;

/// <summary>The kinds of Microsoft Entra ID credential a connection can ask for.</summary>
internal enum IdentityCredentialKind
{
    /// <summary>DefaultAzureCredential (AuthType=azure, or no AuthType).</summary>
    Default,

    /// <summary>ManagedIdentityCredential, system-assigned or user-assigned (AuthType=azure.msi).</summary>
    ManagedIdentity,

    /// <summary>ClientSecretCredential or ClientCertificateCredential (AuthType=azure.app).</summary>
    ServicePrincipal,

    /// <summary>A credential built by AzureComponentFactory from a configuration section with serviceUri.</summary>
    ConfigurationSection,
}
