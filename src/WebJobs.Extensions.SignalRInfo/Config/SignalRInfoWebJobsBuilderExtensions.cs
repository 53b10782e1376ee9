using System;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Adds the SignalRConnectionInfo input binding to a WebJobs host.</summary>
public static class SignalRInfoWebJobsBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="SignalRConnectionInfoAttribute"/> and <see cref="SignalRInfoAttribute"/> bindings, with
    /// options bound from the <c>extensions:signalRInfo</c> section of host.json, and registers
    /// <see cref="ISignalRNegotiator"/> for negotiating in code (in-process function classes, WebJobs hosts).
    /// </summary>
    /// <param name="builder">The WebJobs builder.</param>
    /// <returns>The same builder.</returns>
    public static IWebJobsBuilder AddSignalRConnectionInfo(this IWebJobsBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.AddExtension<SignalRInfoExtensionConfigProvider>().BindOptions<SignalRInfoOptions>();
        var services = builder.Services;
        services.AddSignalRInfoCore(sp => SignalRInfoOptions.ReadValid(sp.GetRequiredService<IOptions<SignalRInfoOptions>>()).ToSettings());
        services.TryAddSingleton<ISignalRNegotiator, SignalRNegotiator>();
        services.TryAddSingleton<SignalRConnectionInfoConverter>();
        services.TryAddSingleton<SignalRNegotiationConverter>();
        services.TryAddSingleton<SignalRConnectionInfoValidator>();
        return builder;
    }

    /// <summary>
    /// Adds the <see cref="SignalRConnectionInfoAttribute"/> binding and configures its options in code (applied
    /// after host.json).
    /// </summary>
    /// <param name="builder">The WebJobs builder.</param>
    /// <param name="configure">Sets options, e.g. <c>o =&gt; o.TokenLifetime = TimeSpan.FromMinutes(30)</c>.</param>
    /// <returns>The same builder.</returns>
    public static IWebJobsBuilder AddSignalRConnectionInfo(this IWebJobsBuilder builder, Action<SignalRInfoOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        builder.AddSignalRConnectionInfo();
        builder.Services.Configure(configure);
        return builder;
    }
}
