using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Azure.Functions.Worker;
using Xunit;

namespace Functions.Worker.Extensions.SignalRInfo.Tests;

/// <summary>
/// The executor outside ASP.NET Core integration (the built-in HTTP model, no "HttpRequestContext" item): it runs the
/// function and leaves whatever it returned alone, for the host to write. The invocation result is read and written
/// through the worker's public <c>GetInvocationResult()</c> over <see cref="FakeFunctionBindingsFeature"/>.
/// </summary>
public class NegotiateResultExecutorTests
{
    private static FakeFunctionContext NegotiateContext() => new("negotiate", ("req", "httpTrigger"), ("connectionInfo", "signalRConnectionInfo"));

    private static NegotiateResultExecutor Executor(NegotiateResponseMiddlewareTests.RecordingExecutor inner, FakeFunctionContext context) =>
        new(inner, NegotiateFunctionFor(context));

    private static NegotiateFunction NegotiateFunctionFor(FunctionContext context) => NegotiateFunction.Create(context.FunctionDefinition);

    public static TheoryData<object?> Results => new()
    {
        new SignalRConnectionInfo { Url = "https://contoso.service.signalr.net/client/?hub=chat", AccessToken = "header.payload.signature" },
        "{\"url\":\"https://contoso.service.signalr.net/client/?hub=chat\",\"accessToken\":\"a.b.c\"}",
        42,
        null,
    };

    [Theory]
    [MemberData(nameof(Results))]
    public async Task ExecuteAsync_BuiltInModel_LeavesTheFunctionsResultUntouched(object? returned)
    {
        var context = NegotiateContext();
        var bindings = FakeFunctionBindingsFeature.AddTo(context, null);
        var inner = new NegotiateResponseMiddlewareTests.RecordingExecutor { SetsResult = true, ResultToSet = returned };

        await Executor(inner, context).ExecuteAsync(context);

        Assert.Equal(new List<FunctionContext> { context }, inner.Calls);
        Assert.Same(returned, bindings.InvocationResult);
        Assert.Equal(1, bindings.ResultWrites);
        Assert.Same(returned, context.GetInvocationResult().Value);
    }

    [Fact]
    public async Task ExecuteAsync_BuiltInModelWithoutResultSet_DoesNotWriteAResult()
    {
        var context = NegotiateContext();
        var bindings = FakeFunctionBindingsFeature.AddTo(context, null);
        var inner = new NegotiateResponseMiddlewareTests.RecordingExecutor();

        await Executor(inner, context).ExecuteAsync(context);

        Assert.Single(inner.Calls);
        Assert.Equal(0, bindings.ResultWrites);
        Assert.Null(bindings.InvocationResult);
    }

    [Fact]
    public async Task ExecuteAsync_HttpContextWithANonNegotiateResult_LeavesItUntouched()
    {
        var context = NegotiateContext();
        context.Items[NegotiateResultExecutor.HttpContextKey] = new object();
        var bindings = FakeFunctionBindingsFeature.AddTo(context, null);
        var inner = new NegotiateResponseMiddlewareTests.RecordingExecutor { SetsResult = true, ResultToSet = 42 };

        await Executor(inner, context).ExecuteAsync(context);

        Assert.Equal(42, bindings.InvocationResult);
        Assert.Equal(1, bindings.ResultWrites);
    }

    [Fact]
    public async Task ExecuteAsync_HttpContextWhoseResponseHasStarted_LeavesTheConnectionInfoUntouched()
    {
        var context = NegotiateContext();
        context.Items[NegotiateResultExecutor.HttpContextKey] = new StartedHttpContext();
        var info = new SignalRConnectionInfo { Url = "https://contoso.service.signalr.net/client/?hub=chat", AccessToken = "a.b.c" };
        var bindings = FakeFunctionBindingsFeature.AddTo(context, null);
        var inner = new NegotiateResponseMiddlewareTests.RecordingExecutor { SetsResult = true, ResultToSet = info };

        await Executor(inner, context).ExecuteAsync(context);

        Assert.Same(info, bindings.InvocationResult);
        Assert.Equal(1, bindings.ResultWrites);
    }

    /// <summary>Shaped like ASP.NET Core's HttpContext as far as the executor reads it (by reflection): Response.HasStarted.</summary>
    public sealed class StartedHttpContext
    {
        public StartedResponse Response { get; } = new();

        public sealed class StartedResponse
        {
            public bool HasStarted => true;
        }
    }
}
