using System;
using System.Threading;
using System.Threading.Tasks;

namespace SignalRInfo.Core;

/// <summary>Asks one SignalR Service instance whether it is healthy (a seam for tests).</summary>
internal interface IEndpointHealthProbe
{
    /// <summary>Null when healthy; otherwise why not (no secret: a status code or an exception type and message).</summary>
    Task<string?> ProbeAsync(Uri healthUri, CancellationToken cancellationToken);
}
