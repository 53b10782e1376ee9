using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Bindings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignalRInfo.TestSupport;

namespace WebJobs.Extensions.SignalRInfo.Benchmarks;

/// <summary>
/// What the WebJobs function executor does per negotiate for the input binding, and nothing else of the pipeline: the
/// <see cref="IBinding"/> the host made for the function's parameter binds with the binding data of the request's
/// trigger (the executor adds <c>sys</c> and the call's parameters to a copy per call; these functions use neither),
/// then its value and its invoke string are read. The functions, the host and the request are those of
/// <see cref="NegotiateInvocationBenchmarks"/>; the no-op binding (Baseline) is WebJobs' BindToInput with a constant.
/// These calls complete synchronously, so the rows carry none of the thread-pool hops of a whole invocation.
/// </summary>
[MemoryDiagnoser]
public class BindingBenchmarks
{
    private IHost _host = null!;
    private IBinding _ours = null!;
    private IBinding _oursWithClaims = null!;
    private IBinding _noOp = null!;
    private IReadOnlyDictionary<string, object?> _bindingData = null!;
    private ValueBindingContext _valueContext = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = NegotiateHost.Start();
        var registry = _host.Services.GetRequiredService<IExtensionRegistry>();
        _ours = Binding(registry, nameof(NegotiateFunctions.Negotiate));
        _oursWithClaims = Binding(registry, nameof(NegotiateFunctions.NegotiateWithClaims));
        _noOp = Binding(registry, nameof(NegotiateFunctions.NegotiateNoOp));

        // The binding data the executor gives every binding of a call: the trigger's, for the benchmark request.
        var trigger = IndexedBinding.TriggerAsync(registry, Method(nameof(NegotiateFunctions.Negotiate))).GetAwaiter().GetResult();
        _valueContext = new ValueBindingContext(new FunctionBindingContext(Guid.NewGuid(), CancellationToken.None), CancellationToken.None);
        _bindingData = trigger.BindAsync(NegotiateHost.Request(BenchmarkInputs.IdToken()), _valueContext).GetAwaiter().GetResult().BindingData;
        InputChecks.Binding(Ours().GetAwaiter().GetResult(), OursWithClaims().GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }

    [Benchmark(Description = "Bind: our binding")]
    public Task<object?> Ours() => BindAsync(_ours);

    [Benchmark(Description = "Bind: our binding + IdToken claims")]
    public Task<object?> OursWithClaims() => BindAsync(_oursWithClaims);

    [Benchmark(Baseline = true, Description = "Bind: no-op binding (BindToInput)")]
    public Task<object?> NoOp() => BindAsync(_noOp);

    private async Task<object?> BindAsync(IBinding binding)
    {
        // As the executor does per invocation: bind with the trigger's binding data, read the value and the invoke string.
        var provider = await binding.BindAsync(new BindingContext(_valueContext, _bindingData!)).ConfigureAwait(false);
        var value = await provider.GetValueAsync().ConfigureAwait(false);
        return provider.ToInvokeString() is null ? null : value;
    }

    private static IBinding Binding(IExtensionRegistry registry, string method) =>
        IndexedBinding.InputAsync(registry, Method(method), "connectionInfo").GetAwaiter().GetResult();

    private static MethodInfo Method(string name) => typeof(NegotiateFunctions).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;
}
