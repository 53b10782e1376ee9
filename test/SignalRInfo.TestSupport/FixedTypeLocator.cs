using System;
using System.Collections.Generic;
using Microsoft.Azure.WebJobs;

namespace SignalRInfo.TestSupport;

/// <summary>A WebJobs host's <see cref="ITypeLocator"/> that indexes only the given function classes.</summary>
public sealed class FixedTypeLocator : ITypeLocator
{
    private readonly Type[] _types;

    public FixedTypeLocator(params Type[] types) => _types = types;

    public IReadOnlyList<Type> GetTypes() => _types;
}
