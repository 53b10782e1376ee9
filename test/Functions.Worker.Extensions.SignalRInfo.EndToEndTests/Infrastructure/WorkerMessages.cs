using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>
/// The worker's gRPC messages without a copy of their .proto: the descriptor of <c>StreamingMessage</c> is taken from the
/// built app's own Microsoft.Azure.Functions.Worker.Grpc.dll (its generated classes are internal, the descriptor is
/// reachable by reflection), and messages are built and read as proto3 JSON with Google.Protobuf.
/// </summary>
internal sealed class WorkerMessages
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private readonly MessageDescriptor _descriptor;

    private WorkerMessages(MessageDescriptor descriptor)
    {
        _descriptor = descriptor;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, WorkerMessages> Loaded = new(StringComparer.Ordinal);

    /// <summary>Loads the descriptor from an app's output folder (once per folder).</summary>
    public static WorkerMessages Load(string appOutputFolder) => Loaded.GetOrAdd(appOutputFolder, LoadCore);

    private static WorkerMessages LoadCore(string appOutputFolder)
    {
        var path = Path.Combine(appOutputFolder, "Microsoft.Azure.Functions.Worker.Grpc.dll");
        var context = new AssemblyLoadContext("worker-grpc-" + Guid.NewGuid().ToString("N"), isCollectible: false);

        // Google.Protobuf must be the test's own copy, so the descriptor's types are the ones this code uses.
        context.Resolving += (ctx, name) => string.Equals(name.Name, "Google.Protobuf", StringComparison.Ordinal)
            ? typeof(IMessage).Assembly
            : File.Exists(Path.Combine(appOutputFolder, name.Name + ".dll")) ? ctx.LoadFromAssemblyPath(Path.Combine(appOutputFolder, name.Name + ".dll")) : null;
        var assembly = context.LoadFromAssemblyPath(path);
        var type = assembly.GetTypes().Single(t => t.Name == "StreamingMessage" && typeof(IMessage).IsAssignableFrom(t));
        var descriptor = (MessageDescriptor)type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        return new WorkerMessages(descriptor);
    }

    /// <summary>A <c>StreamingMessage</c> written as proto3 JSON (lowerCamelCase names), as bytes on the wire.</summary>
    public byte[] ToBytes(JsonObject message) => Parser.Parse(message.ToJsonString(), _descriptor).ToByteArray();

    /// <summary>A <c>StreamingMessage</c> from the wire, as proto3 JSON.</summary>
    public JsonObject FromBytes(byte[] bytes) => (JsonObject)JsonNode.Parse(Formatter.Format(_descriptor.Parser.ParseFrom(bytes)))!;
}
