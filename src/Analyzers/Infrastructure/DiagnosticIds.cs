namespace WsLimits.Analyzers.Infrastructure;

/// <summary>
/// Every rule ID the package reports. IDs are never reused. Ranges:
/// 1xxx send side, 2xxx receive side, 3xxx limit configuration, 9xxx the package's own configuration.
/// </summary>
public static class DiagnosticIds
{
    public const string UnboundedSingleFrameSend = "WSL1001";
    public const string PayloadOverLimit = "WSL1002";
    public const string FragmentedSendWithoutExclusiveAccess = "WSL1003";
    public const string MessageNeverEnded = "WSL1004";
    public const string EndOfMessageIgnored = "WSL2001";
    public const string UnboundedReassembly = "WSL2002";
    public const string TextDecodedPerFragment = "WSL2003";
    public const string CloseDescriptionTooLong = "WSL2004";
    public const string BufferSizeIsNotALimit = "WSL3001";
    public const string SignalRReceiveLimitDisabled = "WSL3002";
    public const string SignalRPayloadOverReceiveLimit = "WSL3003";
    public const string LimitRaisedOnOneSide = "WSL3004";
    public const string SignalRBackPressureDisabled = "WSL3005";
    public const string InvalidLimitOption = "WSL9001";
}
