using Microsoft.Azure.WebJobs.Description;
using Microsoft.Azure.WebJobs.Host.Config;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>A binding rule for <see cref="NoOpConnectionInfoAttribute"/> whose BindToInput returns a constant.</summary>
[Extension("NoOpConnectionInfo")]
internal sealed class NoOpConnectionInfoExtension : IExtensionConfigProvider
{
    public void Initialize(ExtensionConfigContext context)
    {
        var rule = context.AddBindingRule<NoOpConnectionInfoAttribute>();
        rule.BindToInput<SignalRConnectionInfo>(_ => NegotiateFunctions.Constant);
    }
}
