using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("WebJobs.Extensions.SignalRInfo.LocalService.Tests")]
