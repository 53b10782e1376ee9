using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace SignalRInfo.Core;

/// <summary>
/// One attempt of the key exchange described in README "Microsoft Entra ID": a Microsoft Entra ID token for
/// <c>https://signalr.azure.com/.default</c>, then <c>GET {AccessKeyUri}</c> with it as bearer, answered by
/// <c>{"KeyId":"…","AccessKey":"…"}</c>. One long-lived <see cref="HttpClient"/> per host. Every failure becomes an
/// <see cref="IdentityKeyException"/> whose message says what went wrong and never contains the token or the key.
/// </summary>
internal sealed class IdentityKeyClient : IDisposable
{
    /// <summary>The scope of the Microsoft Entra ID token the key endpoint accepts.</summary>
    public const string Scope = "https://signalr.azure.com/.default";

    private const int MaxResponseBytes = 64 * 1024;
    private static readonly string[] Scopes = { Scope };

    private readonly HttpClient _http;
    private readonly TimeProvider _timeProvider;

    public IdentityKeyClient(TimeProvider timeProvider)
        : this(CreateHandler(), timeProvider)
    {
    }

    internal IdentityKeyClient(HttpMessageHandler handler, TimeProvider timeProvider)
    {
        // Timeouts come from the TimeProvider (per attempt), not from HttpClient's wall clock.
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _timeProvider = timeProvider;
    }

    /// <summary>Fetches the key once.</summary>
    /// <param name="accessKeyUri">The key endpoint, <c>{ServerEndpoint or Endpoint}/api/v1/auth/accessKey</c>.</param>
    /// <param name="credential">The identity's credential.</param>
    /// <param name="credentialTimeout">How long the credential may take to return an Entra token.</param>
    /// <param name="timeout">How long the HTTP request may take.</param>
    /// <param name="stopping">Cancelled when the host stops.</param>
    /// <exception cref="IdentityKeyException">The attempt failed; the message is the cause.</exception>
    public async Task<IssuedKey> GetKeyAsync(Uri accessKeyUri, TokenCredential credential, TimeSpan credentialTimeout, TimeSpan timeout, CancellationToken stopping)
    {
        var token = await GetTokenAsync(credential, credentialTimeout, stopping).ConfigureAwait(false);
        using var timeoutSource = TimeProviderTasks.CancelAfter(_timeProvider, timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, stopping);
        using var request = new HttpRequestMessage(HttpMethod.Get, accessKeyUri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw StatusError(response.StatusCode);
            }

            var body = await ReadBodyAsync(response, linked.Token).ConfigureAwait(false);
            return Parse(body);
        }
        catch (OperationCanceledException ex) when (stopping.IsCancellationRequested)
        {
            throw new IdentityKeyException(ErrorMessages.KeyHostStopping, isTransient: false, ex);
        }
        catch (OperationCanceledException ex) when (timeoutSource.IsCancellationRequested)
        {
            throw new IdentityKeyException(ErrorMessages.Format(ErrorMessages.KeyRequestTimedOut, timeout), isTransient: true, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new IdentityKeyException(ErrorMessages.Format(ErrorMessages.KeyRequestFailed, Describe(ex)), isTransient: true, ex);
        }
        catch (IOException ex)
        {
            throw new IdentityKeyException(ErrorMessages.Format(ErrorMessages.KeyRequestFailed, Describe(ex)), isTransient: true, ex);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>Reads <c>{"KeyId":"…","AccessKey":"…"}</c>; the message of a failure never shows a value.</summary>
    internal static IssuedKey Parse(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            // The exception's text may quote the body, which may hold the key: leave it out.
            throw new IdentityKeyException(ErrorMessages.KeyResponseNotJson, isTransient: false);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new IdentityKeyException(ErrorMessages.KeyResponseNotJson, isTransient: false);
            }

            var hasKeyId = root.TryGetProperty("KeyId", out var keyId);
            var hasAccessKey = root.TryGetProperty("AccessKey", out var accessKey);
            if (!hasKeyId && !hasAccessKey && (HasPropertyIgnoringCase(root, "KeyId") || HasPropertyIgnoringCase(root, "AccessKey")))
            {
                throw new IdentityKeyException(ErrorMessages.KeyResponseCamelCase, isTransient: false);
            }

            var keyIdText = NonEmptyString(hasKeyId, keyId, "KeyId");
            var accessKeyText = NonEmptyString(hasAccessKey, accessKey, "AccessKey");
            return new IssuedKey(keyIdText, accessKeyText);
        }
    }

    private async Task<string> GetTokenAsync(TokenCredential credential, TimeSpan credentialTimeout, CancellationToken stopping)
    {
        using var timeoutSource = TimeProviderTasks.CancelAfter(_timeProvider, credentialTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, stopping);
        var gaveUp = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = linked.Token.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), gaveUp);
        try
        {
            var request = credential.GetTokenAsync(new TokenRequestContext(Scopes), linked.Token).AsTask();
            if (await Task.WhenAny(request, gaveUp.Task).ConfigureAwait(false) != request)
            {
                // A credential that ignores its cancellation token is not awaited past the timeout: its late outcome
                // is dropped, and the cancellation is reported by the handlers below like a credential that honours it.
                _ = request.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                linked.Token.ThrowIfCancellationRequested();
            }

            var token = await request.ConfigureAwait(false);
            if (string.IsNullOrEmpty(token.Token))
            {
                throw new IdentityKeyException(ErrorMessages.Format(ErrorMessages.KeyCredentialFailed, credential.GetType().Name, "it returned an empty token"), isTransient: false);
            }

            return token.Token;
        }
        catch (OperationCanceledException ex) when (stopping.IsCancellationRequested)
        {
            throw new IdentityKeyException(ErrorMessages.KeyHostStopping, isTransient: false, ex);
        }
        catch (OperationCanceledException ex) when (timeoutSource.IsCancellationRequested)
        {
            throw new IdentityKeyException(ErrorMessages.Format(ErrorMessages.KeyCredentialTimedOut, credential.GetType().Name, credentialTimeout), isTransient: true, ex);
        }
        catch (Exception ex) when (ex is not IdentityKeyException)
        {
            throw new IdentityKeyException(ErrorMessages.Format(ErrorMessages.KeyCredentialFailed, ex.GetType().Name, Describe(ex)), isTransient: false, ex);
        }
    }

    private static IdentityKeyException StatusError(HttpStatusCode status)
    {
        var code = (int)status;
        return code switch
        {
            401 => new IdentityKeyException(ErrorMessages.KeyStatusUnauthorized, isTransient: false),
            403 => new IdentityKeyException(ErrorMessages.KeyStatusForbidden, isTransient: false),
            404 => new IdentityKeyException(ErrorMessages.KeyStatusNotFound, isTransient: false),
            >= 300 and < 400 => new IdentityKeyException(ErrorMessages.Format(ErrorMessages.KeyStatusRedirect, code), isTransient: false),
            408 or 429 or >= 500 => new IdentityKeyException(ErrorMessages.Format(ErrorMessages.KeyStatusServiceError, code, status), isTransient: true),
            _ => new IdentityKeyException(ErrorMessages.Format(ErrorMessages.KeyStatusUnexpected, code, status), isTransient: false),
        };
    }

    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxResponseBytes)
            {
                throw new IdentityKeyException(ErrorMessages.KeyResponseNotJson, isTransient: false);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool HasPropertyIgnoringCase(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string NonEmptyString(bool present, JsonElement value, string name)
    {
        if (!present || value.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(value.GetString()))
        {
            throw new IdentityKeyException(ErrorMessages.Format(ErrorMessages.KeyResponseFieldMissing, name), isTransient: false);
        }

        return value.GetString()!;
    }

    private static string Describe(Exception ex)
    {
        var text = ex.Message.TrimEnd('.');
        var inner = ex.InnerException;
        if (inner is not null && inner.Message.Length > 0 && text.IndexOf(inner.Message, StringComparison.Ordinal) < 0)
        {
            text += " (" + inner.Message.TrimEnd('.') + ")";
        }

        return text;
    }

    private static HttpMessageHandler CreateHandler()
    {
#if NET
        // Connections are recycled so DNS changes (failover, private endpoints) are picked up.
        return new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
#else
        return new HttpClientHandler { AllowAutoRedirect = false };
#endif
    }
}
