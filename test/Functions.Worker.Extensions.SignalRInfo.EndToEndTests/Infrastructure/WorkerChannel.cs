using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using System.Text.Json.Nodes;
using Grpc.Core;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>
/// The host's end of the worker's event stream: queues messages to the worker, and completes a waiter per expected
/// answer (<c>workerInitResponse</c>, <c>functionMetadataResponse</c>, <c>functionLoadResponse:&lt;id&gt;</c>,
/// <c>invocationResponse:&lt;id&gt;</c>). The worker's own log lines are kept for failure messages.
/// </summary>
internal sealed class WorkerChannel
{
    private readonly WorkerMessages _messages;
    private readonly Channel<JsonObject> _outgoing = Channel.CreateUnbounded<JsonObject>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _waiters = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<string> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkerChannel(WorkerMessages messages)
    {
        _messages = messages;
    }

    /// <summary>Completes with the worker id when the worker opens its stream (StartStream).</summary>
    public Task<string> Started => _started.Task;

    /// <summary>The worker's log lines (RpcLog), newest last.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>Sends a message and waits for the answer named <paramref name="answer"/>.</summary>
    public async Task<JsonObject> RequestAsync(JsonObject message, string answer, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var waiter = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_waiters.TryAdd(answer, waiter))
        {
            throw new InvalidOperationException("Already waiting for " + answer);
        }

        try
        {
            Send(message);
            return await waiter.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The worker sent no {answer} within {timeout}. Its last log lines: {string.Join(" | ", Logs.ToArray()[^Math.Min(Logs.Count, 10)..])}");
        }
        finally
        {
            _waiters.TryRemove(answer, out _);
        }
    }

    /// <summary>Queues a message to the worker.</summary>
    public void Send(JsonObject message) => _outgoing.Writer.TryWrite(message);

    /// <summary>Runs the stream until the worker closes it or the host stops.</summary>
    public async Task RunAsync(IAsyncStreamReader<byte[]> requests, IServerStreamWriter<byte[]> responses, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = Task.Run(
            async () =>
            {
                await foreach (var message in _outgoing.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                {
                    await responses.WriteAsync(_messages.ToBytes(message), stop.Token).ConfigureAwait(false);
                }
            },
            stop.Token);
        try
        {
            while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                Dispatch(_messages.FromBytes(requests.Current));
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
        catch (IOException)
        {
            // The worker went away.
        }
        finally
        {
            stop.Cancel();
            try
            {
                await writer.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException or RpcException)
            {
                // Stopped with the stream, or the worker went away while a message was being written.
                Logs.Enqueue("stream writer stopped: " + ex.GetType().Name);
            }

            foreach (var waiter in _waiters.Values)
            {
                waiter.TrySetException(new InvalidOperationException("The worker's stream ended. Its last log lines: " + string.Join(" | ", Logs.ToArray()[^Math.Min(Logs.Count, 10)..])));
            }
        }
    }

    private void Dispatch(JsonObject message)
    {
        foreach (var (kind, body) in message)
        {
            if (kind == "requestId" || body is not JsonObject content)
            {
                continue;
            }

            switch (kind)
            {
                case "startStream":
                    _started.TrySetResult((string?)content["workerId"] ?? string.Empty);
                    return;
                case "rpcLog":
                    Logs.Enqueue($"{content["level"]} {content["category"]}: {content["message"]}{(content["exception"] is JsonObject ex ? " " + ex["message"] : string.Empty)}");
                    return;
                case "functionLoadResponse":
                    Complete(kind + ":" + (string?)content["functionId"], content);
                    return;
                case "invocationResponse":
                    Complete(kind + ":" + (string?)content["invocationId"], content);
                    return;
                default:
                    Complete(kind, content);
                    return;
            }
        }
    }

    private void Complete(string answer, JsonObject content)
    {
        if (_waiters.TryGetValue(answer, out var waiter))
        {
            waiter.TrySetResult(content);
        }
    }
}
