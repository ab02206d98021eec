namespace WsLimits.Analyzers.Infrastructure;

internal static class RuleCategories
{
    public const string Send = "WsLimits.Send";
    public const string Receive = "WsLimits.Receive";
    public const string Limits = "WsLimits.Limits";
    public const string Configuration = "WsLimits.Configuration";
}
