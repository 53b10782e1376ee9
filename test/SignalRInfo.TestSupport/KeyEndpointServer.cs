using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SignalRInfo.TestSupport;

/// <summary>
/// A real HTTP server on 127.0.0.1 (ephemeral port) playing the SignalR Service key endpoint
/// <c>GET /api/v1/auth/accessKey</c>. It records every request and answers with <see cref="Responder"/>, which can
/// return any status and body, hold a reply until released, and change between requests. Stops itself on dispose.
/// </summary>
public sealed class KeyEndpointServer : IAsyncDisposable
{
    public const string KeyPath = "/api/v1/auth/accessKey";

    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _loop;
    private readonly object _waitersGate = new();
    private readonly List<(int Count, TaskCompletionSource<bool> Done)> _waiters = new();
    private int _count;

    private KeyEndpointServer(HttpListener listener, int port)
    {
        _listener = listener;
        Port = port;
        Responder = _ => Task.FromResult(KeyReply.Key("kid-1", "issued-key-1"));
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:{port}</c>.</summary>
    public string BaseUrl => "http://127.0.0.1:" + Port;

    /// <summary>Answers request number n (1-based).</summary>
    public Func<int, Task<KeyReply>> Responder { get; set; }

    public int RequestCount => Volatile.Read(ref _count);

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Cancelled when the server stops: held replies give up.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public static KeyEndpointServer Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
            try
            {
                listener.Start();
                return new KeyEndpointServer(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>A port nothing listens on (for connection-refused tests).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>Every request gets the same reply.</summary>
    public void Reply(KeyReply reply) => Responder = _ => Task.FromResult(reply);

    /// <summary>Completes when at least <paramref name="count"/> requests have arrived (fails after 10 s of real time).</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        TaskCompletionSource<bool> done;
        lock (_waitersGate)
        {
            if (RequestCount >= count)
            {
                return;
            }

            done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
        }

        var finished = await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromSeconds(10)));
        if (finished != done.Task)
        {
            throw new TimeoutException($"The key endpoint got {RequestCount} requests, expected {count}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // The listener was closed under the loop.
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        _requests.Enqueue(new RecordedRequest(request.HttpMethod, request.Url!.AbsolutePath, request.Url.Query, request.Headers["Authorization"]));
        var number = Interlocked.Increment(ref _count);
        lock (_waitersGate)
        {
            foreach (var waiter in _waiters.Where(w => w.Count <= number).ToArray())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(true);
            }
        }

        try
        {
            var reply = await Responder(number);
            context.Response.StatusCode = reply.Status;
            if (reply.Body is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(reply.Body);
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes, _stopping.Token);
            }

            context.Response.Close();
        }
        catch (Exception)
        {
            // The client gave up (timeout, cancellation) or the server is stopping.
            try
            {
                context.Response.Abort();
            }
            catch (Exception)
            {
                // Already gone.
            }
        }
    }

    public sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization);
}
