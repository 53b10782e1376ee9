using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Host;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

// IJobHostMetadataProvider is marked "not ready for public consumption", but it is what the Functions host calls.
#pragma warning disable CS0618

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>
/// The part of the Functions host that binds a worker function's input bindings (script mode): the binding's
/// <c>type</c> is mapped to an attribute by WebJobs' <see cref="IJobHostMetadataProvider"/>, the attribute is built from
/// the binding JSON the worker reported, and bound through the HTTP trigger invocation's <see cref="IBinder"/> — so
/// <c>{headers.…}</c> and <c>{query.…}</c> resolve from the request — as <see cref="string"/> when the binding says
/// <c>dataType: String</c>, else as the provider's default type, sent as <c>string</c> or (when asked) <c>json</c> typed data.
/// </summary>
public static class DispatchFunctions
{
    internal const string FunctionKey = "stand-in.function";
    internal const string MetadataKey = "stand-in.metadata";
    internal const string AsJsonKey = "stand-in.as-json";
    internal const string InputsKey = "stand-in.inputs";

    [FunctionName("dispatch")]
    public static async Task Dispatch([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req, IBinder binder)
    {
        var items = req.HttpContext.Items;
        var function = (WorkerFunction)items[FunctionKey]!;
        var metadata = (IJobHostMetadataProvider)items[MetadataKey]!;
        var asJson = (bool)items[AsJsonKey]!;
        var inputs = new List<(string Name, JsonObject Data)>();
        foreach (var binding in function.Inputs)
        {
            var type = (string)binding["type"]!;
            var attributeType = metadata.GetAttributeTypeFromName(type)
                ?? throw new InvalidOperationException($"No extension of the host handles the binding type '{type}' of function '{function.Name}'.");
            var attribute = metadata.GetAttribute(attributeType, JObject.Parse(binding.ToJsonString()));
            var isString = string.Equals((string?)binding["dataType"], "String", StringComparison.OrdinalIgnoreCase);
            var defaultType = metadata.GetDefaultType(attribute, FileAccess.Read, null);
            JsonObject data;
            if (!isString && asJson && (defaultType == typeof(string) || defaultType == typeof(JObject)))
            {
                var value = await binder.BindAsync<JObject>(attribute).ConfigureAwait(false);
                data = new JsonObject { ["json"] = value.ToString(Formatting.None) };
            }
            else
            {
                data = new JsonObject { ["string"] = await binder.BindAsync<string>(attribute).ConfigureAwait(false) };
            }

            inputs.Add(((string)binding["name"]!, data));
        }

        items[InputsKey] = inputs;
    }
}
