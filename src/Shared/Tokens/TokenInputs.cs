namespace SignalRInfo.Core;

/// <summary>Where a token's user id and claims came from, so that an error names what the user sets.</summary>
internal enum TokenInputs
{
    /// <summary>A binding: UserId, IdToken and ClaimTypeList.</summary>
    Binding,

    /// <summary>A negotiator call: SignalRNegotiateOptions.UserId and Claims.</summary>
    Negotiator,
}
