using Microsoft.Azure.WebJobs.Description;
using Microsoft.Azure.WebJobs.Host.Config;

namespace Microsoft.Azure.WebJobs.Extensions.SignalRService;

/// <summary>Binds the stand-in <see cref="SignalRConnectionInfoAttribute"/> to <see cref="Value"/>, whatever the attribute says.</summary>
[Extension("SignalR", "signalR")]
public sealed class StandInSignalRServiceConfigProvider : IExtensionConfigProvider
{
    /// <summary>What every stand-in binding receives.</summary>
    public const string Value = "microsoft-stand-in";

    /// <inheritdoc />
    public void Initialize(ExtensionConfigContext context)
    {
        context.AddBindingRule<SignalRConnectionInfoAttribute>().BindToInput<string>(_ => Value);
    }
}
