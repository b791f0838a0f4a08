using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Eljur.Connectors.Shared;

/// <summary>
/// Reads one JSON value from a <see cref="JsonReader"/> into a tree holding only what a
/// <see cref="JsonShape"/> keeps: a dropped property is passed over with
/// <see cref="JsonReader.SkipAsync"/>, which still reads (and so checks) every token of it, so a
/// cut or broken answer fails as before, and costs no node of the tree. Kept values are built as
/// <see cref="JToken.ReadFromAsync(JsonReader, JsonLoadSettings, CancellationToken)"/> builds them
/// (same values, same handling of duplicate names and comments).
/// </summary>
internal static class PrunedJsonLoader
{
    /// <summary>
    /// Reads the value at (or after) the reader's position. <see cref="Result.RootMembers"/> counts
    /// the distinct names of a root object as sent, dropped ones included (a reader may judge an
    /// answer by it).
    /// </summary>
    /// <exception cref="JsonReaderException">The JSON is malformed or ends early.</exception>
    public static async Task<Result> LoadAsync(JsonReader reader, JsonShape shape, JsonLoadSettings settings, CancellationToken cancellationToken)
    {
        if (reader.TokenType == JsonToken.None && !await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new JsonReaderException("Error reading JToken from JsonReader.");
        }

        var loader = new Loader(reader, settings, JsonPruning.Current, cancellationToken);
        loader.Scope?.CountPruned();
        if (reader.TokenType == JsonToken.StartObject && !shape.IsLeaf)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            var root = await loader.ObjectAsync(shape, names).ConfigureAwait(false);
            return new Result(root, names.Count);
        }

        var token = await loader.ValueAsync(shape).ConfigureAwait(false);
        return new Result(token, null);
    }

    /// <summary>The tree, and the number of distinct names of a root object (<see langword="null"/> when the root is no object or was kept whole).</summary>
    internal readonly struct Result
    {
        public Result(JToken token, int? rootMembers)
        {
            Token = token;
            RootMembers = rootMembers;
        }

        public JToken Token { get; }

        public int? RootMembers { get; }
    }

    private sealed class Loader
    {
        private readonly JsonReader _reader;
        private readonly JsonLoadSettings _settings;
        private readonly CancellationToken _cancellationToken;

        public Loader(JsonReader reader, JsonLoadSettings settings, JsonPruning? scope, CancellationToken cancellationToken)
        {
            _reader = reader;
            _settings = settings;
            Scope = scope;
            _cancellationToken = cancellationToken;
        }

        public JsonPruning? Scope { get; }

        /// <summary>The value at the reader's position; the reader is left on its last token.</summary>
        public async Task<JToken> ValueAsync(JsonShape shape)
        {
            switch (_reader.TokenType)
            {
                case JsonToken.StartObject when !shape.IsLeaf:
                    return await ObjectAsync(shape, null).ConfigureAwait(false);
                case JsonToken.StartArray when !shape.IsLeaf:
                    return await ArrayAsync(shape.Element).ConfigureAwait(false);
                default:
                    // A scalar, a value kept whole, or a constructor: as JToken builds it.
                    return await JToken.ReadFromAsync(_reader, _settings, _cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task<JObject> ObjectAsync(JsonShape shape, HashSet<string>? names)
        {
            var result = new JObject();
            while (true)
            {
                await NextAsync("JObject").ConfigureAwait(false);
                switch (_reader.TokenType)
                {
                    case JsonToken.EndObject:
                        return result;
                    case JsonToken.Comment:
                        continue;
                    case JsonToken.PropertyName:
                        var name = (string)_reader.Value!;
                        names?.Add(name);
                        if (shape.Property(name) is not { } member)
                        {
                            await _reader.SkipAsync(_cancellationToken).ConfigureAwait(false);
                            Scope?.CountSkipped();
                            continue;
                        }

                        do
                        {
                            await NextAsync("JProperty").ConfigureAwait(false);
                        }
                        while (_reader.TokenType == JsonToken.Comment);

                        // A name sent twice: the last value wins, in the place of the first (as DuplicatePropertyNameHandling.Replace).
                        result[name] = await ValueAsync(member).ConfigureAwait(false);
                        break;
                    default:
                        throw Unexpected();
                }
            }
        }

        private async Task<JArray> ArrayAsync(JsonShape element)
        {
            var result = new JArray();
            while (true)
            {
                await NextAsync("JArray").ConfigureAwait(false);
                switch (_reader.TokenType)
                {
                    case JsonToken.EndArray:
                        return result;
                    case JsonToken.Comment:
                        continue;
                    default:
                        result.Add(await ValueAsync(element).ConfigureAwait(false));
                        break;
                }
            }
        }

        private async Task NextAsync(string what)
        {
            if (!await _reader.ReadAsync(_cancellationToken).ConfigureAwait(false))
            {
                throw new JsonReaderException(string.Format(CultureInfo.InvariantCulture, "Unexpected end of content while loading {0}. Path '{1}'.", what, _reader.Path));
            }
        }

        private JsonReaderException Unexpected() =>
            new(string.Format(CultureInfo.InvariantCulture, "Unexpected token while loading JObject: {0}. Path '{1}'.", _reader.TokenType, _reader.Path));
    }
}
