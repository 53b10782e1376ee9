using System;

namespace SignalRInfo.Core;

/// <summary>The JSON names of <see cref="SignalREndpointType"/>: <c>primary</c>, <c>secondary</c>.</summary>
internal static class EndpointTypeNames
{
    public static string ToName(SignalREndpointType type) => type == SignalREndpointType.Secondary ? "secondary" : "primary";

    public static SignalREndpointType FromName(string? name) =>
        string.Equals(name, "secondary", StringComparison.OrdinalIgnoreCase) ? SignalREndpointType.Secondary : SignalREndpointType.Primary;
}
