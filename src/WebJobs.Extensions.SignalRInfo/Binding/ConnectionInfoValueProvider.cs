using System;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Host.Bindings;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>The bound value of one invocation, with the binding's invoke string (the hub as written, never request data).</summary>
internal sealed class ConnectionInfoValueProvider : IValueProvider
{
    private readonly object _value;
    private readonly string _invokeString;

    public ConnectionInfoValueProvider(Type type, object value, string invokeString)
    {
        Type = type;
        _value = value;
        _invokeString = invokeString;
    }

    /// <inheritdoc />
    public Type Type { get; }

    /// <inheritdoc />
    public Task<object> GetValueAsync() => Task.FromResult(_value);

    /// <inheritdoc />
    public string ToInvokeString() => _invokeString;
}
