using System.Text.Json;
using System.Text.Json.Serialization;

namespace SignalRInfo.Core;

/// <summary>System.Text.Json: enums as camelCase strings (<c>"primary"</c>), as the endpoint grammar writes them.</summary>
internal sealed class CamelCaseEnumConverter : JsonStringEnumConverter
{
    public CamelCaseEnumConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
