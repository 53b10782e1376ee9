using System;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Host.Bindings;
using Microsoft.Azure.WebJobs.Host.Protocols;
using Newtonsoft.Json.Linq;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// The negotiate input binding of one parameter, made once when the host indexes the function. WebJobs' own
/// BindToInput rule clones the attribute per call, setting every property through reflection, before a converter
/// runs; this binding prepares HubName, UserId and IdToken once (<see cref="AutoResolvedValue"/>) and per call only
/// binds the ones with expressions and negotiates. What it produces is what the BindToInput rule produced: the same
/// converter, values, errors and invoke string (README, "How a negotiate is bound").
/// </summary>
internal sealed class ConnectionInfoBinding : IBinding
{
    private readonly SignalRConnectionInfoAttributeBase _attribute;
    private readonly Func<string, SignalRConnectionInfoAttributeBase> _fromInvokeString;
    private readonly SignalRConnectionInfoConverter _converter;
    private readonly AutoResolvedValue _hubName;
    private readonly AutoResolvedValue _userId;
    private readonly AutoResolvedValue _idToken;
    private readonly Type _type;
    private readonly ConnectionInfoParameterType _kind;
    private readonly string _parameterName;

    public ConnectionInfoBinding(SignalRConnectionInfoAttributeBase attribute, Func<string, SignalRConnectionInfoAttributeBase> fromInvokeString, SignalRConnectionInfoConverter converter, ParameterInfo parameter, ConnectionInfoParameterType kind)
    {
        _attribute = attribute;
        _fromInvokeString = fromInvokeString;
        _converter = converter;
        _hubName = AutoResolvedValue.Create(attribute.HubName, converter.NameResolver);
        _userId = AutoResolvedValue.Create(attribute.UserId, converter.NameResolver);
        _idToken = AutoResolvedValue.Create(attribute.IdToken, converter.NameResolver);
        _type = parameter.ParameterType;
        _kind = kind;
        _parameterName = parameter.Name ?? string.Empty;
    }

    /// <inheritdoc />
    public bool FromAttribute => true;

    /// <summary>The parameter types of ours, <see cref="ConnectionInfoParameterType.None"/> for others.</summary>
    public static ConnectionInfoParameterType KindOf(Type type) =>
        type == typeof(SignalRConnectionInfo) ? ConnectionInfoParameterType.Info
        : type == typeof(string) ? ConnectionInfoParameterType.Json
        : type == typeof(JObject) ? ConnectionInfoParameterType.JObject
        : ConnectionInfoParameterType.None;

    /// <inheritdoc />
    public Task<IValueProvider> BindAsync(BindingContext context)
    {
        try
        {
            var data = context.BindingData;
            var pending = _converter.ConvertAsync(_attribute, _hubName.Resolve(data), _userId.Resolve(data), _idToken.Resolve(data), context.CancellationToken);
            return pending.IsCompletedSuccessfully ? Task.FromResult(Provide(pending.Result)) : ProvideAsync(pending);
        }
        catch (Exception ex)
        {
            // As from WebJobs' bindings: a failed task, which the executor reports for this parameter.
            return Task.FromException<IValueProvider>(ex);
        }
    }

    /// <summary>
    /// An invocation given a value for this parameter (JobHost.CallAsync): a string is an invoke string (a hub), as
    /// for every WebJobs binding; a value of the parameter's type is used as it is.
    /// </summary>
    public Task<IValueProvider> BindAsync(object value, ValueBindingContext context)
    {
        if (value is string invokeString)
        {
            try
            {
                var attribute = _fromInvokeString(invokeString);
                return ProvideAsync(_converter.ConvertAsync(attribute, attribute.HubName, attribute.UserId, attribute.IdToken, context.CancellationToken));
            }
            catch (Exception ex)
            {
                return Task.FromException<IValueProvider>(ex);
            }
        }

        if (value is not null && _type.IsInstanceOfType(value))
        {
            return Task.FromResult<IValueProvider>(new ConnectionInfoValueProvider(_type, value, _attribute.InvokeString));
        }

        return Task.FromException<IValueProvider>(new InvalidOperationException(
            ErrorMessages.Format(ErrorMessages.BindingValueOfWrongType, _parameterName, value?.GetType().FullName ?? "null", _type.FullName)));
    }

    /// <inheritdoc />
    public ParameterDescriptor ToParameterDescriptor() => new() { Name = _parameterName, DisplayHints = new ParameterDisplayHints { Description = "input" } };

    private async Task<IValueProvider> ProvideAsync(ValueTask<SignalRConnectionInfo> pending) => Provide(await pending.ConfigureAwait(false));

    private IValueProvider Provide(SignalRConnectionInfo info)
    {
        object value = _kind switch
        {
            ConnectionInfoParameterType.Json => SignalRInfoExtensionConfigProvider.ToJson(info),
            ConnectionInfoParameterType.JObject => JObject.FromObject(info),
            _ => info,
        };
        return new ConnectionInfoValueProvider(_type, value, _attribute.InvokeString);
    }
}
