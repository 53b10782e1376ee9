using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>The provider of <see cref="ReloadingConfigurationSource"/>: fires its reload token on every change.</summary>
internal sealed class ReloadingProvider : ConfigurationProvider
{
    public ReloadingProvider(IDictionary<string, string?> data)
    {
        foreach (var pair in data)
        {
            Data[pair.Key] = pair.Value;
        }
    }

    public void SetAndReload(string key, string? value)
    {
        if (value is null)
        {
            Data.Remove(key);
        }
        else
        {
            Data[key] = value;
        }

        OnReload();
    }
}
