namespace SignalRInfo.Core;

/// <summary>Hub names the service accepts: <c>^[A-Za-z][A-Za-z0-9_`,.\[\]]{0,127}$</c>.</summary>
internal static class HubNames
{
    public const int MaxLength = 128;

    public static bool IsValid(string? hub)
    {
        if (hub is null || hub.Length == 0 || hub.Length > MaxLength || !IsLetter(hub[0]))
        {
            return false;
        }

        for (var i = 1; i < hub.Length; i++)
        {
            var c = hub[i];
            if (!IsLetter(c) && (c < '0' || c > '9') && c != '_' && c != '`' && c != ',' && c != '.' && c != '[' && c != ']')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the value still holds a binding expression such as <c>{query.hub}</c> (resolved per call).</summary>
    public static bool IsExpression(string value) => value.IndexOf('{') >= 0;

    private static bool IsLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
