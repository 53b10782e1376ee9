using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>A provider that reports every change through its reload token, as Key Vault or App Configuration providers do.</summary>
internal sealed class ReloadingConfigurationSource : IConfigurationSource
{
    public ReloadingConfigurationSource(IDictionary<string, string?> data) => Provider = new ReloadingProvider(data);

    public ReloadingProvider Provider { get; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
}
