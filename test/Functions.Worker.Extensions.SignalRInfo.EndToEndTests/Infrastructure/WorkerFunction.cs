using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>A function as the worker reported it (FunctionMetadataResponse): id, name, bindings, and its HTTP route.</summary>
internal sealed class WorkerFunction
{
    public WorkerFunction(JsonObject metadata)
    {
        Metadata = metadata;
        Name = (string)metadata["name"]!;
        FunctionId = (string)metadata["functionId"]!;
        RawBindings = ((JsonArray?)metadata["rawBindings"] ?? new JsonArray()).Select(b => (JsonObject)JsonNode.Parse((string)b!)!).ToList();
        var trigger = RawBindings.Single(b => string.Equals((string?)b["type"], "httpTrigger", StringComparison.OrdinalIgnoreCase));
        TriggerName = (string)trigger["name"]!;
        Route = (string?)trigger["route"] ?? Name;
        Methods = trigger["methods"] is JsonArray methods ? methods.Select(m => ((string)m!).ToUpperInvariant()).ToArray() : null;
        Inputs = RawBindings.Where(b => !ReferenceEquals(b, trigger) && string.Equals((string?)b["direction"], "In", StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>The worker's RpcFunctionMetadata, sent back as is in the FunctionLoadRequest.</summary>
    public JsonObject Metadata { get; }

    public string Name { get; }

    public string FunctionId { get; }

    /// <summary>The bindings as the worker's source generator wrote them (raw JSON).</summary>
    public IReadOnlyList<JsonObject> RawBindings { get; }

    public string TriggerName { get; }

    public string Route { get; }

    /// <summary>The allowed methods, upper case; null for any.</summary>
    public IReadOnlyList<string>? Methods { get; }

    /// <summary>The input bindings other than the trigger: the host binds them before the invocation.</summary>
    public IReadOnlyList<JsonObject> Inputs { get; }

    /// <summary>
    /// Whether <paramref name="path"/> (below /api/) matches the route: literal segments ignoring case, a
    /// <c>{name}</c> segment takes any one segment as the route value <c>name</c> (as the host gives it to the function).
    /// </summary>
    public bool TryMatch(string path, out Dictionary<string, string> routeValues)
    {
        routeValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var template = Route.Trim('/').Split('/');
        var segments = path.Trim('/').Split('/');
        if (template.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            var part = template[i];
            if (part.Length > 2 && part[0] == '{' && part[^1] == '}')
            {
                if (segments[i].Length == 0)
                {
                    return false;
                }

                routeValues[part[1..^1]] = Uri.UnescapeDataString(segments[i]);
            }
            else if (!string.Equals(part, segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
