using System.Threading.Tasks;
using Grpc.Core;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>
/// The Functions host's gRPC service <c>AzureFunctionsRpcMessages.FunctionRpc</c> with its one method, the bidirectional
/// <c>EventStream</c>, carrying raw message bytes (read and written by <see cref="WorkerMessages"/>); no generated code.
/// Grpc.AspNetCore binds a method only where it overrides the one declared by the type the attribute names, so the
/// shape is that of generated code: this base declares it, <see cref="FunctionRpcService"/> implements it.
/// </summary>
[BindServiceMethod(typeof(FunctionRpcBase), nameof(BindService))]
internal abstract class FunctionRpcBase
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    private static readonly Method<byte[], byte[]> EventStreamMethod = new(MethodType.DuplexStreaming, "AzureFunctionsRpcMessages.FunctionRpc", "EventStream", Bytes, Bytes);

    /// <summary>Called by Grpc.AspNetCore to learn the service's methods.</summary>
    public static void BindService(ServiceBinderBase binder, FunctionRpcBase? service)
    {
        binder.AddMethod(EventStreamMethod, service is null ? null : service.EventStream);
    }

    /// <summary>The worker's stream.</summary>
    public abstract Task EventStream(IAsyncStreamReader<byte[]> requests, IServerStreamWriter<byte[]> responses, ServerCallContext context);
}
