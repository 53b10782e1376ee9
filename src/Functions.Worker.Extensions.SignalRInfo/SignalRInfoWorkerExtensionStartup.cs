using System.ComponentModel;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Core;
using Microsoft.Extensions.Hosting;

namespace Functions.Worker.Extensions.SignalRInfo;

/// <summary>
/// Run by the worker at start-up (through the Worker.Sdk's generated extension start-up code; nothing to call): adds
/// the middleware that makes a negotiate function's return value a JSON response under ASP.NET Core integration.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SignalRInfoWorkerExtensionStartup : WorkerExtensionStartup
{
    /// <inheritdoc />
    public override void Configure(IFunctionsWorkerApplicationBuilder applicationBuilder)
    {
        applicationBuilder.UseMiddleware<NegotiateResponseMiddleware>();
    }
}
