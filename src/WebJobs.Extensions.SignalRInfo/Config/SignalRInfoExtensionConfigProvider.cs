using System;
using Microsoft.Azure.WebJobs.Description;
using Microsoft.Azure.WebJobs.Host.Config;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// Registers the <see cref="SignalRConnectionInfoAttribute"/> binding rule: a validator at indexing and an input
/// converter per call, plus conversions to <see cref="string"/> and <see cref="JObject"/>.
/// </summary>
[Extension("SignalRInfo", "signalR")]
internal sealed class SignalRInfoExtensionConfigProvider : IExtensionConfigProvider
{
    private readonly SignalRConnectionInfoConverter _converter;
    private readonly SignalRConnectionInfoValidator _validator;
    private readonly IOptions<SignalRInfoOptions> _options;

    public SignalRInfoExtensionConfigProvider(SignalRConnectionInfoConverter converter, SignalRConnectionInfoValidator validator, IOptions<SignalRInfoOptions> options)
    {
        _converter = converter;
        _validator = validator;
        _options = options;
    }

    /// <inheritdoc />
    public void Initialize(ExtensionConfigContext context)
    {
        EnsureOptionsValid();
        context.AddConverter<SignalRConnectionInfo, string>(ToJson);
        context.AddConverter<SignalRConnectionInfo, JObject>(JObject.FromObject);

        var rule = context.AddBindingRule<SignalRConnectionInfoAttribute>();
        rule.AddValidator(_validator.Validate);
        rule.BindToInput(_converter);
    }

    /// <summary>Compact camelCase JSON: <c>{"url":"…","accessToken":"…"}</c>.</summary>
    internal static string ToJson(SignalRConnectionInfo info) => JsonConvert.SerializeObject(info, Formatting.None);

    private void EnsureOptionsValid()
    {
        try
        {
            _ = _options.Value;
        }
        catch (Exception ex)
        {
            // A setter's range check surfaces wrapped by the configuration binder: show its own message.
            for (var inner = ex; inner is not null; inner = inner.InnerException)
            {
                if (inner is ArgumentOutOfRangeException { ParamName: nameof(SignalRInfoOptions.TokenLifetime) or nameof(SignalRInfoOptions.IdentityKeyWaitTimeout) })
                {
                    throw new InvalidOperationException(inner.Message, inner);
                }
            }

            throw;
        }
    }
}
