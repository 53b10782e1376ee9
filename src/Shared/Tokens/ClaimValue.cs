namespace SignalRInfo.Core;

/// <summary>One value of a claim copied from an IdToken: a string, or JSON text for numbers, booleans, objects.</summary>
internal readonly struct ClaimValue
{
    public ClaimValue(string text, bool isJson)
    {
        Text = text;
        IsJson = isJson;
    }

    /// <summary>The string value, or the JSON text when <see cref="IsJson"/> is set.</summary>
    public string Text { get; }

    /// <summary>True when <see cref="Text"/> is JSON to write as it is (number, boolean, object, null).</summary>
    public bool IsJson { get; }
}
