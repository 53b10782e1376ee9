using System;
using System.Threading.Tasks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker.Invocation;

namespace Functions.Worker.Extensions.SignalRInfo;

/// <summary>
/// Runs the function, then — under ASP.NET Core integration only — turns a returned <see cref="SignalRConnectionInfo"/>
/// (from a binding or from <see cref="ISignalRNegotiator"/>), a <see cref="SignalRNegotiationContext"/> or
/// <see cref="SignalREndpoint"/>[], or a returned string that is the negotiate binding's own value, into a 200 <c>application/json</c> response written to
/// the request's HTTP context. Without this the integration answers such a function with an empty 200 (it writes only an
/// <c>IActionResult</c>, an <c>IResult</c> or an <see cref="HttpResponseData"/>). In the built-in HTTP model the host
/// writes the return value itself, so nothing changes there; neither does any other return value, nor a response the
/// function has already started or given a status or content type of its own.
/// </summary>
internal sealed class NegotiateResultExecutor : IFunctionExecutor
{
    /// <summary>Where the ASP.NET Core integration keeps the invocation's <c>HttpContext</c> in <see cref="FunctionContext.Items"/>.</summary>
    internal const string HttpContextKey = "HttpRequestContext";

    private readonly NegotiateFunction _function;

    public NegotiateResultExecutor(IFunctionExecutor inner, NegotiateFunction function)
    {
        Inner = inner;
        _function = function;
    }

    public IFunctionExecutor Inner { get; }

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(FunctionContext context)
    {
        await Inner.ExecuteAsync(context).ConfigureAwait(false);
        if (!context.Items.TryGetValue(HttpContextKey, out var httpContext) || httpContext is null)
        {
            return;
        }

        var result = context.GetInvocationResult();
        var json = result.Value switch
        {
            SignalRConnectionInfo info => NegotiateJson.Serialize(info),
            SignalRNegotiationContext negotiation => NegotiateJson.Serialize(negotiation),
            SignalREndpoint[] endpoints => NegotiateJson.Serialize(endpoints),
            string text when await IsBindingValueAsync(context, text).ConfigureAwait(false) => text,
            _ => null,
        };
        if (json is null || !HttpContextResponse.IsUntouched(httpContext))
        {
            return;
        }

        var request = await context.GetHttpRequestDataAsync().ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        result.Value = await request.CreateNegotiateResponseAsync(json, context.CancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<bool> IsBindingValueAsync(FunctionContext context, string text)
    {
        foreach (var name in _function.StringBindingNames)
        {
            if (context.FunctionDefinition.InputBindings.TryGetValue(name, out var binding))
            {
                var bound = await context.BindInputAsync<string>(binding).ConfigureAwait(false);
                if (string.Equals(bound.Value, text, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
