using System;
using Microsoft.Azure.WebJobs;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>The connection setting a binding's ConnectionStringSetting stands for.</summary>
internal static class ConnectionSettingNames
{
    /// <summary>
    /// The default when empty, the app setting's value for a <c>%name%</c> form (as WebJobs resolves other binding
    /// properties), else the name itself.
    /// </summary>
    /// <exception cref="InvalidOperationException">A <c>%name%</c> form names no app setting, or an empty one.</exception>
    public static string Resolve(string? configured, INameResolver nameResolver)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return SignalRConnectionInfoAttributeBase.DefaultConnectionStringSetting;
        }

        var name = configured!.Trim();
        if (name.Length > 2 && name[0] == '%' && name[name.Length - 1] == '%')
        {
            var resolved = nameResolver.Resolve(name.Substring(1, name.Length - 2));
            if (string.IsNullOrWhiteSpace(resolved))
            {
                throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.ConnectionSettingNameUnresolved, name));
            }

            return resolved.Trim();
        }

        return name;
    }
}
