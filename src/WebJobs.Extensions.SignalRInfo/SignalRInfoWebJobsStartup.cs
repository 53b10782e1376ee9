using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Hosting;
using Microsoft.Extensions.Hosting;

[assembly: WebJobsStartup(typeof(SignalRInfoWebJobsStartup))]

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>Lets the Azure Functions host load the extension with no code: it adds the binding.</summary>
public sealed class SignalRInfoWebJobsStartup : IWebJobsStartup
{
    /// <inheritdoc />
    public void Configure(IWebJobsBuilder builder) => builder.AddSignalRConnectionInfo();
}
