using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("WebJobs.Extensions.SignalRInfo.Tests")]
[assembly: InternalsVisibleTo("WebJobs.Extensions.SignalRInfo.Benchmarks")]
