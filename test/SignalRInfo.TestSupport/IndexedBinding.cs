using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Bindings;
using Microsoft.Azure.WebJobs.Host.Triggers;

namespace SignalRInfo.TestSupport;

/// <summary>
/// The bindings a started WebJobs host's extensions make for a function's parameters, as when the host indexes the
/// function: the trigger binding of its first parameter, and the input binding of another one with that trigger's
/// binding data contract.
/// </summary>
public static class IndexedBinding
{
    /// <summary>The trigger binding of <paramref name="method"/>'s first parameter.</summary>
    public static async Task<ITriggerBinding> TriggerAsync(IExtensionRegistry registry, MethodInfo method)
    {
        var parameter = method.GetParameters()[0];
        foreach (var provider in registry.GetExtensions<ITriggerBindingProvider>())
        {
            var binding = await provider.TryCreateAsync(new TriggerBindingProviderContext(parameter, CancellationToken.None)).ConfigureAwait(false);
            if (binding is not null)
            {
                return binding;
            }
        }

        throw new InvalidOperationException("No trigger binding for " + method.Name);
    }

    /// <summary>The binding of <paramref name="method"/>'s parameter <paramref name="parameterName"/>.</summary>
    public static async Task<IBinding> InputAsync(IExtensionRegistry registry, MethodInfo method, string parameterName)
    {
        var trigger = await TriggerAsync(registry, method).ConfigureAwait(false);
        var parameter = method.GetParameters().Single(p => p.Name == parameterName);
        foreach (var provider in registry.GetExtensions<IBindingProvider>())
        {
            var binding = await provider.TryCreateAsync(new BindingProviderContext(parameter, trigger.BindingDataContract, CancellationToken.None)).ConfigureAwait(false);
            if (binding is not null)
            {
                return binding;
            }
        }

        throw new InvalidOperationException("No binding for " + method.Name + "(" + parameterName + ")");
    }
}
