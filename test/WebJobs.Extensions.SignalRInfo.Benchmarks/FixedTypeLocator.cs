using System;
using System.Collections.Generic;
using Microsoft.Azure.WebJobs;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>Indexes only the given function classes.</summary>
internal sealed class FixedTypeLocator : ITypeLocator
{
    private readonly Type[] _types;

    public FixedTypeLocator(params Type[] types) => _types = types;

    public IReadOnlyList<Type> GetTypes() => _types;
}
