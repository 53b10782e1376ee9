using System.Threading.Tasks;
using Grpc.Core;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>The stand-in host's FunctionRpc service: hands the worker's stream to the <see cref="WorkerChannel"/>.</summary>
internal sealed class FunctionRpcService : FunctionRpcBase
{
    private readonly WorkerChannel _channel;

    public FunctionRpcService(WorkerChannel channel)
    {
        _channel = channel;
    }

    /// <summary>Runs until the worker closes the stream or the host stops.</summary>
    public override Task EventStream(IAsyncStreamReader<byte[]> requests, IServerStreamWriter<byte[]> responses, ServerCallContext context)
        => _channel.RunAsync(requests, responses, context.CancellationToken);
}
