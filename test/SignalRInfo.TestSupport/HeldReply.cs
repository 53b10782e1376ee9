using System.Threading;
using System.Threading.Tasks;

namespace SignalRInfo.TestSupport;

/// <summary>A reply the test releases when it chooses (or that gives up when the server stops).</summary>
public sealed class HeldReply
{
    private readonly TaskCompletionSource<KeyReply> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(KeyReply reply) => _reply.TrySetResult(reply);

    public async Task<KeyReply> WaitAsync(CancellationToken stopping)
    {
        using (stopping.Register(() => _reply.TrySetCanceled()))
        {
            return await _reply.Task;
        }
    }
}
