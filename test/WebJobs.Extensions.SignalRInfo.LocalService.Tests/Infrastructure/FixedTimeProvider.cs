using System;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests.Infrastructure;

/// <summary>A clock that says what the test tells it.</summary>
internal sealed class FixedTimeProvider : TimeProvider
{
    public FixedTimeProvider(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
