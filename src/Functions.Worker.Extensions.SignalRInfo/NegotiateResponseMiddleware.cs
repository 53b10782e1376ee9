using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Invocation;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Functions.Worker.Extensions.SignalRInfo;

/// <summary>
/// For HTTP-triggered functions only (with one of our input bindings, or negotiating in code): runs the function through a
/// <see cref="NegotiateResultExecutor"/>, the innermost step of the pipeline, where a returned
/// <see cref="SignalRConnectionInfo"/> or binding string can still become the HTTP response. Extension middleware runs
/// outside the ASP.NET Core integration's own middleware, which completes the HTTP response as soon as it returns, so
/// the work is done at the executor (the worker lets an invocation feature replace it). Other functions pass straight
/// through: one dictionary look-up per invocation; an HTTP function without a negotiate result costs one type test.
/// </summary>
internal sealed class NegotiateResponseMiddleware : IFunctionsWorkerMiddleware
{
    private readonly IFunctionExecutor _executor;
    private readonly ConcurrentDictionary<string, NegotiateFunction> _functions = new(StringComparer.Ordinal);

    public NegotiateResponseMiddleware(IFunctionExecutor executor)
    {
        _executor = executor;
    }

    /// <inheritdoc />
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (!_functions.TryGetValue(context.FunctionId, out var function))
        {
            function = _functions.GetOrAdd(context.FunctionId, NegotiateFunction.Create(context.FunctionDefinition));
        }

        if (function.IsHttp)
        {
            var current = context.Features.Get<IFunctionExecutor>();
            var executor = current is null ? function.GetExecutor(_executor) : new NegotiateResultExecutor(current, function);
            context.Features.Set<IFunctionExecutor>(executor);
        }

        return next(context);
    }
}
