using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Newtonsoft.Json.Linq;

namespace Eljur.Gateway.Configuration;

/// <summary>Turns a configuration section (appsettings, environment) back into the JSON the reader validates.</summary>
internal static class ConfigurationJson
{
    public static JObject ToJson(IConfiguration configuration) => (JObject)Convert(configuration);

    public static IConfiguration ToConfiguration(JObject options)
    {
        var pairs = new System.Collections.Generic.Dictionary<string, string?>();
        Flatten(options, "", pairs);
        return new ConfigurationBuilder().AddInMemoryCollection(pairs).Build();
    }

    private static JToken Convert(IConfiguration section)
    {
        var children = section.GetChildren().ToList();
        var isArray = children.Count > 0 && children.Select((c, i) => c.Key == i.ToString(CultureInfo.InvariantCulture)).All(x => x);
        if (isArray)
        {
            return new JArray(children.Select(Value));
        }

        var o = new JObject();
        foreach (var child in children)
        {
            o[child.Key] = Value(child);
        }

        return o;
    }

    private static JToken Value(IConfigurationSection child) =>
        child.GetChildren().Any() ? Convert(child) : child.Value is null ? JValue.CreateNull() : new JValue(child.Value);

    private static void Flatten(JToken token, string prefix, System.Collections.Generic.IDictionary<string, string?> pairs)
    {
        switch (token)
        {
            case JObject o:
                foreach (var p in o.Properties())
                {
                    Flatten(p.Value, prefix.Length == 0 ? p.Name : prefix + ":" + p.Name, pairs);
                }

                break;
            case JArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Flatten(a[i], prefix + ":" + i.ToString(CultureInfo.InvariantCulture), pairs);
                }

                break;
            case JValue v:
                pairs[prefix] = v.Type == JTokenType.Null ? null : System.Convert.ToString(v.Value, CultureInfo.InvariantCulture);
                break;
        }
    }
}
