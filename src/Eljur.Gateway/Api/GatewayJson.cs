using System.Text.Encodings.Web;
using System.Text.Json;

namespace Eljur.Gateway.Api;

/// <summary>How the API writes JSON: Cyrillic as is (the answers are application/json, never embedded in a page).</summary>
internal static class GatewayJson
{
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
