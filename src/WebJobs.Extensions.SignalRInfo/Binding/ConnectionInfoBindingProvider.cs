using System.Reflection;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Description;
using Microsoft.Azure.WebJobs.Host.Bindings;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Makes a <see cref="ConnectionInfoBinding"/> for a <typeparamref name="TAttribute"/> parameter of one of our types
/// (<see cref="SignalRConnectionInfo"/>, <see cref="string"/>, <c>JObject</c>). The rule runs it before its BindToInput
/// provider, which keeps the other parameter types and tells the Functions host which types the binding has
/// (function.json's default type); the rule's validator has checked the attribute and its expressions first.
/// </summary>
internal sealed class ConnectionInfoBindingProvider<TAttribute> : IBindingProvider
    where TAttribute : SignalRConnectionInfoAttributeBase, IAttributeInvokeDescriptor<TAttribute>
{
    private readonly SignalRConnectionInfoConverter _converter;

    public ConnectionInfoBindingProvider(SignalRConnectionInfoConverter converter) => _converter = converter;

    /// <inheritdoc />
    public Task<IBinding?> TryCreateAsync(BindingProviderContext context)
    {
        var parameter = context.Parameter;
        var attribute = parameter.GetCustomAttribute<TAttribute>();
        var kind = ConnectionInfoBinding.KindOf(parameter.ParameterType);
        if (attribute is null || kind == ConnectionInfoParameterType.None)
        {
            return Task.FromResult<IBinding?>(null);
        }

        IAttributeInvokeDescriptor<TAttribute> descriptor = attribute;
        return Task.FromResult<IBinding?>(new ConnectionInfoBinding(attribute, hub => descriptor.FromInvokeString(hub), _converter, parameter, kind));
    }
}
