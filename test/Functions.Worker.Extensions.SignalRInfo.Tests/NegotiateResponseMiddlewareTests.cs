using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Invocation;
using Xunit;

namespace Functions.Worker.Extensions.SignalRInfo.Tests;

/// <summary>
/// Which invocations the middleware touches: only HTTP-triggered functions (with one of our input bindings, or without,
/// as a function negotiating in code with ISignalRNegotiator is) get a <see cref="NegotiateResultExecutor"/> as their
/// <see cref="IFunctionExecutor"/> feature; every other one passes straight through. (What that executor then writes under ASP.NET Core integration is covered end to end.)
/// </summary>
public class NegotiateResponseMiddlewareTests
{
    private static async Task<(FakeFunctionContext Context, int NextCalls)> InvokeAsync(NegotiateResponseMiddleware middleware, FakeFunctionContext context)
    {
        var calls = 0;
        await middleware.Invoke(context, c =>
        {
            Assert.Same(context, c);
            calls++;
            return Task.CompletedTask;
        });
        return (context, calls);
    }

    public static TheoryData<string, (string Name, string Type)[]> OtherFunctions => new()
    {
        { "no http trigger", new[] { ("message", "queueTrigger"), ("connectionInfo", "signalRConnectionInfo") } },
        { "no http trigger, signalRInfo", new[] { ("timer", "timerTrigger"), ("connectionInfo", "signalRInfo") } },
        { "queue trigger only", new[] { ("message", "queueTrigger") } },
    };

    [Theory]
    [InlineData("http trigger only")]
    [InlineData("http trigger, other input")]
    public async Task Invoke_HttpFunctionWithoutOurBinding_GetsTheExecutorForANegotiatorResult(string name)
    {
        var workerExecutor = new RecordingExecutor();
        var middleware = new NegotiateResponseMiddleware(workerExecutor);
        var bindings = name.Contains("other", System.StringComparison.Ordinal) ? new[] { ("req", "httpTrigger"), ("blob", "blob") } : new[] { ("req", "httpTrigger") };

        var (context, calls) = await InvokeAsync(middleware, new FakeFunctionContext("f-" + name, bindings));

        Assert.Equal(1, calls);
        var executor = Assert.IsType<NegotiateResultExecutor>(context.Features.Get<IFunctionExecutor>());
        Assert.Same(workerExecutor, executor.Inner);
    }

    [Theory]
    [MemberData(nameof(OtherFunctions))]
    public async Task Invoke_NotANegotiateFunction_PassesThroughWithoutExecutorFeature(string name, (string Name, string Type)[] bindings)
    {
        var middleware = new NegotiateResponseMiddleware(new RecordingExecutor());

        var (context, calls) = await InvokeAsync(middleware, new FakeFunctionContext("f-" + name, bindings));

        Assert.Equal(1, calls);
        Assert.Null(context.Features.Get<IFunctionExecutor>());
        Assert.Empty(context.Items);
    }

    [Fact]
    public async Task Invoke_NotANegotiateFunctionWithExecutorFeature_LeavesThatFeature()
    {
        var middleware = new NegotiateResponseMiddleware(new RecordingExecutor());
        var context = new FakeFunctionContext("queue", ("message", "queueTrigger"), ("connectionInfo", "signalRInfo"));
        var existing = new RecordingExecutor();
        context.Features.Set<IFunctionExecutor>(existing);

        await InvokeAsync(middleware, context);

        Assert.Same(existing, context.Features.Get<IFunctionExecutor>());
    }

    [Theory]
    [InlineData("httpTrigger", "signalRConnectionInfo")]
    [InlineData("httpTrigger", "signalRInfo")]
    [InlineData("HttpTrigger", "SignalRInfo")]
    public async Task Invoke_NegotiateFunction_SetsAnExecutorAroundTheWorkersOwn(string triggerType, string bindingType)
    {
        var workerExecutor = new RecordingExecutor();
        var middleware = new NegotiateResponseMiddleware(workerExecutor);

        var (context, calls) = await InvokeAsync(middleware, new FakeFunctionContext("negotiate", ("req", triggerType), ("connectionInfo", bindingType), ("blob", "blob")));

        Assert.Equal(1, calls);
        var executor = Assert.IsType<NegotiateResultExecutor>(context.Features.Get<IFunctionExecutor>());
        Assert.Same(workerExecutor, executor.Inner);
    }

    [Fact]
    public async Task Invoke_NegotiateFunctionWithExecutorFeature_WrapsThatFeature()
    {
        var middleware = new NegotiateResponseMiddleware(new RecordingExecutor());
        var context = new FakeFunctionContext("negotiate", ("req", "httpTrigger"), ("connectionInfo", "signalRInfo"));
        var existing = new RecordingExecutor();
        context.Features.Set<IFunctionExecutor>(existing);

        await InvokeAsync(middleware, context);

        var executor = Assert.IsType<NegotiateResultExecutor>(context.Features.Get<IFunctionExecutor>());
        Assert.Same(existing, executor.Inner);
    }

    [Fact]
    public async Task Invoke_SameNegotiateFunctionTwice_ReusesItsExecutor()
    {
        var middleware = new NegotiateResponseMiddleware(new RecordingExecutor());

        var (first, _) = await InvokeAsync(middleware, new FakeFunctionContext("negotiate", ("req", "httpTrigger"), ("connectionInfo", "signalRConnectionInfo")));
        var (second, _) = await InvokeAsync(middleware, new FakeFunctionContext("negotiate", ("req", "httpTrigger"), ("connectionInfo", "signalRConnectionInfo")));
        var (other, _) = await InvokeAsync(middleware, new FakeFunctionContext("negotiate2", ("req", "httpTrigger"), ("connectionInfo", "signalRConnectionInfo")));

        Assert.Same(first.Features.Get<IFunctionExecutor>(), second.Features.Get<IFunctionExecutor>());
        Assert.NotSame(first.Features.Get<IFunctionExecutor>(), other.Features.Get<IFunctionExecutor>());
    }

    [Fact]
    public async Task ExecuteAsync_Executor_RunsTheInnerExecutorOnce()
    {
        var workerExecutor = new RecordingExecutor();
        var middleware = new NegotiateResponseMiddleware(workerExecutor);
        var (context, _) = await InvokeAsync(middleware, new FakeFunctionContext("negotiate", ("req", "httpTrigger"), ("connectionInfo", "signalRInfo")));

        await context.Features.Get<IFunctionExecutor>()!.ExecuteAsync(context);

        Assert.Equal(new List<FunctionContext> { context }, workerExecutor.Calls);
    }

    /// <summary>An executor that only records the contexts it ran.</summary>
    internal sealed class RecordingExecutor : IFunctionExecutor
    {
        public List<FunctionContext> Calls { get; } = new();

        public object? ResultToSet { get; init; }

        public bool SetsResult { get; init; }

        public ValueTask ExecuteAsync(FunctionContext context)
        {
            Calls.Add(context);
            if (SetsResult)
            {
                context.GetInvocationResult().Value = ResultToSet;
            }

            return default;
        }
    }
}
