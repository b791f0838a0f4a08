using System.IO;
using System.Text;
using Flurl.Http.Configuration;
using Newtonsoft.Json;

namespace Eljur.Connectors.Shared;

/// <summary>
/// Flurl's JSON serializer on Newtonsoft.Json (Flurl 4 ships System.Text.Json only), with the
/// settings the vendors need: no date coercion, exact decimals (ids beyond 2^53 stay exact).
/// </summary>
internal sealed class NewtonsoftSerializer : ISerializer
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        NullValueHandling = NullValueHandling.Ignore,
    };

    public string Serialize(object obj) => JsonConvert.SerializeObject(obj, Settings);

    public T Deserialize<T>(string s) => JsonConvert.DeserializeObject<T>(s, Settings)!;

    public T Deserialize<T>(Stream stream)
    {
        using var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 4096, leaveOpen: true);
        using var reader = new JsonTextReader(text) { CloseInput = false };
        return JsonSerializer.Create(Settings).Deserialize<T>(reader)!;
    }
}
