using System;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace SignalRInfo.Core;

/// <summary>
/// Registers the shared core in a service collection, the same way in both packages: connections, Microsoft Entra ID
/// key providers, the issuer. Every registration is TryAdd, so tests and hosts can put their own first (a credential
/// factory, a clock). The Azure SDK's event-source log forwarder (registered by AddAzureClientsCore) is handed to the
/// resolver as a factory and created and started only when the first identity-based connection appears, so an
/// access-key app never creates it (creating or disposing it loads Azure.Core).
/// </summary>
internal static class SignalRInfoCoreServices
{
    /// <summary>Adds the core; <paramref name="settings"/> gives the negotiation defaults from the package's options.</summary>
    public static IServiceCollection AddSignalRInfoCore(this IServiceCollection services, Func<IServiceProvider, NegotiateSettings> settings)
    {
        services.AddAzureClientsCore();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IServiceCredentialFactory, ServiceCredentialFactory>();
        services.TryAddSingleton<IdentityKeyPolicy>();
        services.TryAddSingleton(sp => new IdentityKeyClient(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IdentityKeyProviderRegistry>();
        services.TryAddSingleton(settings);
        services.TryAddSingleton<IEndpointHealthProbe, HttpEndpointHealthProbe>();
        services.TryAddSingleton(sp => new ServiceConnectionResolver(
            sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<IdentityKeyProviderRegistry>(),
            sp.GetRequiredService<IServiceCredentialFactory>(),
            sp.GetRequiredService<NegotiateSettings>(),
            () => sp.GetService<AzureEventSourceLogForwarder>(),
            sp.GetRequiredService<IEndpointHealthProbe>(),
            sp.GetRequiredService<TimeProvider>()));

        // A router the app registers (ISignalREndpointRouter) takes the place of the configured mode.
        services.TryAddSingleton(sp => new EndpointRouter(sp.GetRequiredService<NegotiateSettings>().Routing, sp.GetService<ISignalREndpointRouter>()));
        services.TryAddSingleton(sp => new ConnectionInfoIssuer(sp.GetRequiredService<ServiceConnectionResolver>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<EndpointRouter>()));
        return services;
    }
}
