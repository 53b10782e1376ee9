using System.Collections.Generic;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Bindings.Path;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// One <c>[AutoResolve]</c> property of a binding attribute, prepared once per function as WebJobs prepares it:
/// <c>%Setting%</c> replaced from the app settings, then text with braces parsed as a binding template. Per call only
/// such a template (<c>{headers.x}</c>, <c>{query.x}</c>, <c>{sys.…}</c>, escaped <c>{{</c>) is bound, with WebJobs' own
/// <see cref="BindingTemplate"/>, so an expression means what it means in every other binding (a missing key is an
/// error). An empty value stays as written.
/// </summary>
/// <remarks>
/// A template that is one <c>{name.key}</c> expression whose binding data is the HTTP trigger's header or query
/// dictionary (a <see cref="Dictionary{TKey,TValue}"/> of strings) is looked up directly: WebJobs finds that
/// dictionary's <c>TryGetValue</c> through reflection and invokes it, per call, to the same result. Every other case,
/// a key the dictionary lacks included, is bound by the template.
/// </remarks>
internal sealed class AutoResolvedValue
{
    private static readonly char[] Braces = { '{', '}' };

    private readonly string? _constant;
    private readonly BindingTemplate? _template;
    private readonly string? _name;
    private readonly string? _key;

    private AutoResolvedValue(string? constant, BindingTemplate? template)
    {
        _constant = constant;
        _template = template;
        if (template is not null)
        {
            (_name, _key) = SimpleLookup(template.Pattern);
        }
    }

    /// <summary>Prepares <paramref name="value"/> as written in the attribute.</summary>
    /// <exception cref="System.InvalidOperationException">A <c>%Setting%</c> names no app setting.</exception>
    /// <exception cref="System.FormatException">The text is not a valid binding template.</exception>
    public static AutoResolvedValue Create(string? value, INameResolver nameResolver)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new AutoResolvedValue(value, null);
        }

        // Text without braces is a constant; any brace means a template, even without expressions: WebJobs binds it per
        // call, which turns an escaped '{{' or '}}' into a brace.
        var resolved = nameResolver.ResolveWholeString(value);
        return resolved.IndexOfAny(Braces) < 0 ? new AutoResolvedValue(resolved, null) : new AutoResolvedValue(null, BindingTemplate.FromString(resolved));
    }

    /// <summary>The value for one call; without binding data, a template's text as written (as WebJobs does).</summary>
    /// <exception cref="System.InvalidOperationException">An expression names binding data the call does not have.</exception>
    public string? Resolve(IReadOnlyDictionary<string, object>? bindingData)
    {
        if (_template is null)
        {
            return _constant;
        }

        if (bindingData is null)
        {
            return _template.Pattern;
        }

        if (_name is not null
            && bindingData.TryGetValue(_name, out var data)
            && data is not null
            && data.GetType() == typeof(Dictionary<string, string>)
            && ((Dictionary<string, string>)data).TryGetValue(_key!, out var value)
            && value is not null)
        {
            return value;
        }

        return _template.Bind(bindingData);
    }

    /// <summary>
    /// <c>name</c> and <c>key</c> of a template that is exactly <c>{name.key}</c>, both made of letters, digits, '_' and
    /// '-' (no format, no literal text, no deeper path); otherwise nulls.
    /// </summary>
    internal static (string? Name, string? Key) SimpleLookup(string pattern)
    {
        if (pattern.Length < 5 || pattern[0] != '{' || pattern[pattern.Length - 1] != '}')
        {
            return (null, null);
        }

        var dot = pattern.IndexOf('.');
        if (dot < 2 || dot > pattern.Length - 3)
        {
            return (null, null);
        }

        for (var i = 1; i < pattern.Length - 1; i++)
        {
            var c = pattern[i];
            var plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!plain && i != dot)
            {
                return (null, null);
            }
        }

        return (pattern.Substring(1, dot - 1), pattern.Substring(dot + 1, pattern.Length - dot - 2));
    }
}
