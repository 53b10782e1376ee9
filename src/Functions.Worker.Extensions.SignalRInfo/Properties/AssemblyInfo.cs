using System.Runtime.CompilerServices;
using Microsoft.Azure.Functions.Worker.Core;

[assembly: WorkerExtensionStartup(typeof(SignalRInfoWorkerExtensionStartup))]
[assembly: InternalsVisibleTo("Functions.Worker.Extensions.SignalRInfo.Tests")]
