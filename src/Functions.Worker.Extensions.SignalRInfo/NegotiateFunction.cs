using System;
using System.Collections.Generic;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Invocation;

namespace Functions.Worker.Extensions.SignalRInfo;

/// <summary>
/// What the worker needs to know of a function, once: whether it is HTTP-triggered (only those can return a negotiate
/// response: from a binding, or from <see cref="ISignalRNegotiator"/> in code), the names of its negotiate input
/// bindings, and which of them are bound to <see cref="string"/> parameters (only those can be compared with a
/// returned string: the worker caches each binding's value under its name, converted to the parameter's type).
/// </summary>
internal sealed class NegotiateFunction
{
    /// <summary>The binding types of this package's input attributes.</summary>
    internal static readonly string[] BindingTypes = { "signalRConnectionInfo", "signalRInfo", "signalRNegotiation", "signalREndpoints" };

    private NegotiateResultExecutor? _executor;

    private static readonly NegotiateFunction NotHttp = new(false, Array.Empty<string>(), Array.Empty<string>());

    private NegotiateFunction(bool isHttp, string[] bindingNames, string[] stringBindingNames)
    {
        IsHttp = isHttp;
        BindingNames = bindingNames;
        StringBindingNames = stringBindingNames;
    }

    /// <summary>True for an HTTP-triggered function: a returned <see cref="SignalRConnectionInfo"/> becomes its JSON response.</summary>
    public bool IsHttp { get; }

    /// <summary>The names of the function's negotiate input bindings; empty for a function without one.</summary>
    public string[] BindingNames { get; }

    /// <summary>Those of <see cref="BindingNames"/> whose parameter is a <see cref="string"/>.</summary>
    public string[] StringBindingNames { get; }

    public static NegotiateFunction Create(FunctionDefinition definition)
    {
        var names = new List<string>();
        var httpTrigger = false;
        foreach (var binding in definition.InputBindings)
        {
            var type = binding.Value.Type;
            if (string.Equals(type, "httpTrigger", StringComparison.OrdinalIgnoreCase))
            {
                httpTrigger = true;
            }
            else if (Array.Exists(BindingTypes, t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase)))
            {
                names.Add(binding.Key);
            }
        }

        if (!httpTrigger)
        {
            return NotHttp;
        }

        var strings = names.FindAll(name =>
        {
            foreach (var parameter in definition.Parameters)
            {
                if (string.Equals(parameter.Name, name, StringComparison.Ordinal))
                {
                    return parameter.Type == typeof(string);
                }
            }

            return false;
        });
        return new NegotiateFunction(true, names.ToArray(), strings.ToArray());
    }

    /// <summary>The executor around the worker's own one, made once per function.</summary>
    public NegotiateResultExecutor GetExecutor(IFunctionExecutor inner)
    {
        var executor = _executor;
        if (executor is null || !ReferenceEquals(executor.Inner, inner))
        {
            executor = new NegotiateResultExecutor(inner, this);
            _executor = executor;
        }

        return executor;
    }
}
