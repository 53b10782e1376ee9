using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.Functions.Worker.Http;

namespace Functions.Worker.Extensions.SignalRInfo;

/// <summary>Negotiate responses for functions that return an <see cref="HttpResponseData"/> (both HTTP models).</summary>
public static class SignalRConnectionInfoHttpExtensions
{
    /// <summary>
    /// A 200 response with <c>Content-Type: application/json; charset=utf-8</c> and the body
    /// <c>{"url":"…","accessToken":"…"}</c>, the shape every SignalR client reads.
    /// </summary>
    /// <param name="request">The HTTP trigger's request.</param>
    /// <param name="connectionInfo">The negotiate binding's value.</param>
    /// <param name="cancellationToken">Cancels writing the body.</param>
    /// <returns>The response, to return from the function.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The two overloads take different values of the same binding; the token is optional in both, as in the worker's own WriteStringAsync.")]
    public static Task<HttpResponseData> CreateNegotiateResponseAsync(this HttpRequestData request, SignalRConnectionInfo connectionInfo, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (connectionInfo is null)
        {
            throw new ArgumentNullException(nameof(connectionInfo));
        }

        if (string.IsNullOrEmpty(connectionInfo.Url) || string.IsNullOrEmpty(connectionInfo.AccessToken))
        {
            throw new ArgumentException(
                $"The connection info has no {(string.IsNullOrEmpty(connectionInfo.Url) ? nameof(SignalRConnectionInfo.Url) : nameof(SignalRConnectionInfo.AccessToken))}: pass the SignalRConnectionInfo that [SignalRConnectionInfoInput] or [SignalRInfoInput] bound.",
                nameof(connectionInfo));
        }

        return CreateNegotiateResponseAsync(request, NegotiateJson.Serialize(connectionInfo), cancellationToken);
    }

    /// <summary>
    /// A 200 response with <c>Content-Type: application/json; charset=utf-8</c> whose body is the negotiate binding's
    /// string value (already the JSON <c>{"url":"…","accessToken":"…"}</c>).
    /// </summary>
    /// <param name="request">The HTTP trigger's request.</param>
    /// <param name="connectionInfoJson">The negotiate binding's value bound as <see cref="string"/>.</param>
    /// <param name="cancellationToken">Cancels writing the body.</param>
    /// <returns>The response, to return from the function.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "See the other overload.")]
    public static async Task<HttpResponseData> CreateNegotiateResponseAsync(this HttpRequestData request, string connectionInfoJson, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (connectionInfoJson is null)
        {
            throw new ArgumentNullException(nameof(connectionInfoJson));
        }

        if (connectionInfoJson.Length == 0)
        {
            throw new ArgumentException("The negotiate binding's value is empty: pass the string or SignalRConnectionInfo that [SignalRConnectionInfoInput] or [SignalRInfoInput] bound.", nameof(connectionInfoJson));
        }

        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.Add("Content-Type", NegotiateJson.ContentType);
        await response.WriteStringAsync(connectionInfoJson, cancellationToken).ConfigureAwait(false);
        return response;
    }
}
