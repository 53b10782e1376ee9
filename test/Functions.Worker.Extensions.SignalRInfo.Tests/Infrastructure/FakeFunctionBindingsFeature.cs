using System;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Functions.Worker.Extensions.SignalRInfo.Tests;

/// <summary>
/// The worker's invocation result lives in its internal IFunctionBindingsFeature, read by the public
/// <c>FunctionContext.GetInvocationResult()</c>. This proxy implements that interface (found by name in Worker.Core)
/// and keeps only InvocationResult, counting its writes; every other member throws.
/// </summary>
public class FakeFunctionBindingsFeature : DispatchProxy
{
    internal static readonly Type FeatureType = typeof(FunctionContext).Assembly.GetType("Microsoft.Azure.Functions.Worker.Context.Features.IFunctionBindingsFeature", throwOnError: true)!;

    public object? InvocationResult { get; set; }

    public int ResultWrites { get; private set; }

    /// <summary>Adds a fake bindings feature holding <paramref name="result"/> to <paramref name="context"/>.</summary>
    internal static FakeFunctionBindingsFeature AddTo(FakeFunctionContext context, object? result)
    {
        var proxy = DispatchProxy.Create(FeatureType, typeof(FakeFunctionBindingsFeature));
        var fake = (FakeFunctionBindingsFeature)proxy;
        fake.InvocationResult = result;
        ((FakeFunctionContext.InvocationFeatures)context.Features).Set(FeatureType, proxy);
        return fake;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        switch (targetMethod?.Name)
        {
            case "get_InvocationResult":
                return InvocationResult;
            case "set_InvocationResult":
                ResultWrites++;
                InvocationResult = args![0];
                return null;
            default:
                throw new NotSupportedException(targetMethod?.Name);
        }
    }
}
