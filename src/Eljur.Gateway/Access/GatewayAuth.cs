namespace Eljur.Gateway.Access;

/// <summary>Names the gateway's authentication uses.</summary>
internal static class GatewayAuth
{
    public const string CookieScheme = "EljurGateway";
    public const string ApiKeyScheme = "EljurApiKey";
    public const string Scheme = "EljurGatewayAny";
    public const string AccessClaim = "eljur:access";
    public const string CookieName = "eljur.gateway";
}
