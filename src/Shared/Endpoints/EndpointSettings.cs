using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace SignalRInfo.Core;

/// <summary>
/// Reads the SignalR Service instances listed under <c>Azure:SignalR:Endpoints</c> in the grammar of Microsoft's
/// extension (README, "Several SignalR Service instances"): <c>Azure:SignalR:Endpoints:&lt;name&gt;</c> or
/// <c>Azure:SignalR:Endpoints:&lt;name&gt;:&lt;type&gt;</c> = a connection string (type <c>primary</c>, the default, or
/// <c>secondary</c>), or a section <c>Azure:SignalR:Endpoints:&lt;name&gt;</c> with <c>serviceUri</c>, <c>type</c>,
/// <c>clientEndpoint</c>, <c>serverEndpoint</c> and Azure.Identity credential keys. Environment variables use <c>__</c>
/// for <c>:</c>. Every malformed entry is an error that names it.
/// </summary>
internal static class EndpointSettings
{
    public const string SectionPath = "Azure:SignalR:Endpoints";
    private const string TypeKey = "type";

    /// <summary>The listed endpoints, ordered by name (as configuration lists them), each type of a name in turn.</summary>
    /// <exception cref="InvalidOperationException">An entry is empty or malformed (the message names it).</exception>
    public static IReadOnlyList<EndpointEntry> Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionPath);
        var entries = new List<EndpointEntry>();
        foreach (var child in section.GetChildren())
        {
            var path = SectionPath + ":" + child.Key;
            var children = child.GetChildren().ToList();
            if (children.Count == 0)
            {
                entries.Add(new EndpointEntry(child.Key, SignalREndpointType.Primary, path, ConnectionString(path, child.Value)));
                continue;
            }

            if (child.Value is not null)
            {
                throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.EndpointEntryValueAndChildren, path));
            }

            if (!string.IsNullOrWhiteSpace(child[ConnectionSettingReader.ServiceUriKey]))
            {
                entries.Add(new EndpointEntry(child.Key, ParseType(path + ":" + TypeKey, child[TypeKey]), path, new ConnectionSource(null, child, ConnectionSettingReader.SectionFingerprint(child))));
                continue;
            }

            foreach (var typed in children)
            {
                var typedPath = path + ":" + typed.Key;
                if (!TryParseType(typed.Key, out var type))
                {
                    throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.EndpointEntryUnknownKey, typedPath, path));
                }

                if (typed.GetChildren().Any())
                {
                    throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.EndpointEntryTypedSection, typedPath, path));
                }

                entries.Add(new EndpointEntry(child.Key, type, typedPath, ConnectionString(typedPath, typed.Value)));
            }
        }

        return entries;
    }

    private static ConnectionSource ConnectionString(string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.EndpointEntryEmpty, path));
        }

        return new ConnectionSource(value, null, value!);
    }

    private static SignalREndpointType ParseType(string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return SignalREndpointType.Primary;
        }

        if (!TryParseType(value!.Trim(), out var type))
        {
            throw new InvalidOperationException(ErrorMessages.Format(ErrorMessages.EndpointEntryInvalidType, path));
        }

        return type;
    }

    private static bool TryParseType(string text, out SignalREndpointType type)
    {
        if (string.Equals(text, "primary", StringComparison.OrdinalIgnoreCase))
        {
            type = SignalREndpointType.Primary;
            return true;
        }

        if (string.Equals(text, "secondary", StringComparison.OrdinalIgnoreCase))
        {
            type = SignalREndpointType.Secondary;
            return true;
        }

        type = default;
        return false;
    }
}
