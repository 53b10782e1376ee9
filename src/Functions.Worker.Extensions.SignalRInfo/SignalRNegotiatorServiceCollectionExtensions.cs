using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ISignalRNegotiator"/> in an isolated worker app (README, "Negotiate in code").</summary>
public static class SignalRNegotiatorServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ISignalRNegotiator"/>, which reads the same connection settings as the binding from the worker's
    /// configuration (app settings are environment variables there): a connection string under
    /// <c>AzureSignalRConnectionString</c> or <c>ConnectionStrings:AzureSignalRConnectionString</c>, or an identity-based
    /// section <c>AzureSignalRConnectionString__serviceUri</c> with Azure.Identity credential keys.
    /// </summary>
    /// <param name="services">The worker's services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddSignalRNegotiator(this IServiceCollection services)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.AddOptions<SignalRNegotiatorOptions>();
        services.AddSignalRInfoCore(sp => sp.GetRequiredService<IOptions<SignalRNegotiatorOptions>>().Value.ToSettings());
        services.TryAddSingleton<ISignalRNegotiator, SignalRNegotiator>();
        return services;
    }

    /// <summary>Adds <see cref="ISignalRNegotiator"/> and sets its defaults.</summary>
    /// <param name="services">The worker's services.</param>
    /// <param name="configure">Sets the defaults, e.g. <c>o =&gt; o.TokenLifetime = TimeSpan.FromMinutes(30)</c>.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddSignalRNegotiator(this IServiceCollection services, Action<SignalRNegotiatorOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddSignalRNegotiator();
        services.Configure(configure);
        return services;
    }
}
