using System;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.SignalRService;

namespace Microsoft.Extensions.Hosting;

/// <summary>Adds the stand-in of Microsoft's SignalR Service extension to a WebJobs host.</summary>
public static class StandInSignalRServiceWebJobsBuilderExtensions
{
    /// <summary>Adds <see cref="StandInSignalRServiceConfigProvider"/> (binding type <c>signalRConnectionInfo</c>).</summary>
    /// <param name="builder">The WebJobs builder.</param>
    /// <returns>The same builder.</returns>
    public static IWebJobsBuilder AddSignalRServiceStandIn(this IWebJobsBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.AddExtension<StandInSignalRServiceConfigProvider>();
        return builder;
    }
}
