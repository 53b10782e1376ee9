namespace WebJobs.Extensions.SignalRInfo;

/// <summary>
/// The parameter types <see cref="ConnectionInfoBinding"/> binds, and the value of each: our
/// <see cref="SignalRConnectionInfo"/>, its compact camelCase JSON as a <see cref="string"/>, or a <c>JObject</c>
/// (the types function.json languages and the isolated worker bind). Other types are left to WebJobs' converters.
/// </summary>
internal enum ConnectionInfoParameterType
{
    /// <summary>Not a type of ours.</summary>
    None,

    /// <summary><see cref="SignalRConnectionInfo"/>.</summary>
    Info,

    /// <summary><see cref="string"/>: <c>{"url":"…","accessToken":"…"}</c>.</summary>
    Json,

    /// <summary><c>JObject</c>.</summary>
    JObject,
}
