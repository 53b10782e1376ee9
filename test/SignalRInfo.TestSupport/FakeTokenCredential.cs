using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace SignalRInfo.TestSupport;

/// <summary>
/// A TokenCredential that hands out a recognisable token (<see cref="TokenValue"/>, valid for an hour) and records the
/// scopes asked for; a test can make it throw (<see cref="Failure"/>) or hang (<see cref="Hang"/>).
/// </summary>
public sealed class FakeTokenCredential : TokenCredential
{
    public const string TokenValue = "ENTRA-TOKEN-RECOGNISABLE-4b1d9e";

    private readonly ConcurrentQueue<string[]> _scopes = new();

    /// <summary>When set, every token request throws it.</summary>
    public Exception? Failure { get; set; }

    /// <summary>When set, every token request hangs (ignoring its cancellation token) until this completes.</summary>
    public TaskCompletionSource<bool>? Hang { get; set; }

    public IReadOnlyCollection<string[]> Scopes => _scopes.ToArray();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        _scopes.Enqueue(requestContext.Scopes);
        if (Failure is not null)
        {
            throw Failure;
        }

        return Issued();
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var hang = Hang;
        if (hang is null)
        {
            return new(GetToken(requestContext, cancellationToken));
        }

        _scopes.Enqueue(requestContext.Scopes);
        return new(hang.Task.ContinueWith(_ => Issued(), TaskScheduler.Default));
    }

    private static AccessToken Issued() => new(TokenValue, DateTimeOffset.UtcNow.AddHours(1));
}
