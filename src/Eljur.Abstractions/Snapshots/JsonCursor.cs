using System;
using System.Text;
using System.Text.Json;

namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// System.Text.Json's <see cref="Utf8JsonReader"/> over a <see cref="JsonInput"/>: reads the next token,
/// refilling the buffer when the reader runs out, keeps the JSON path, and gives values without
/// allocating where it can (dates and numbers parsed from the bytes, repeated texts from a pool).
/// </summary>
internal ref struct JsonCursor
{
    private static readonly JsonReaderOptions Options = new()
    {
        // Comments come through as tokens and Read steps over them: the reader's own skipping mode takes
        // a slower path for every token, comment or not.
        CommentHandling = JsonCommentHandling.Allow,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    private readonly JsonInput _in;
    private Utf8JsonReader _r;

    public JsonCursor(JsonInput input)
    {
        _in = input;
        _r = new Utf8JsonReader(new ReadOnlySpan<byte>(input.Buffer, input.Origin, input.Filled - input.Origin), input.Final, new JsonReaderState(Options));
    }

    /// <summary>The current token's type.</summary>
    public JsonTokenType Type => _r.TokenType;

    /// <summary>The raw bytes of the current value (escaped as in the text for strings).</summary>
    public ReadOnlySpan<byte> Raw => _r.ValueSpan;

    /// <summary>Whether the current string holds escapes.</summary>
    public bool IsEscaped => _r.ValueIsEscaped;

    /// <summary>The buffer index where the current token starts.</summary>
    public int TokenIndex => _in.Origin + (int)_r.TokenStartIndex;

    /// <summary>Reads the next token; false at the end of the text.</summary>
    public bool Read()
    {
        do
        {
            while (!_r.Read())
            {
                if (_in.Final)
                {
                    return false;
                }

                _in.Refill(_in.Origin + (int)_r.BytesConsumed);
                _r = new Utf8JsonReader(new ReadOnlySpan<byte>(_in.Buffer, 0, _in.Filled), _in.Final, _r.CurrentState);
            }
        }
        while (_r.TokenType == JsonTokenType.Comment);

        switch (_r.TokenType)
        {
            case JsonTokenType.PropertyName:
                if (_r.ValueIsEscaped)
                {
                    var text = Unescape();
                    var known = Array.IndexOf(SnapshotParser.KnownNames, text);
                    _in.SetName(known, known < 0 ? _in.Names.Intern(text) : null);
                }
                else
                {
                    // The format's own names by number; only another name is decoded (once, through the pool).
                    var known = SnapshotNameTable.Find(_r.ValueSpan);
                    _in.SetName(known, known < 0 ? _in.Names.Get(_in.Buffer, StringIndex, _r.ValueSpan.Length, JsonInput.StrictUtf8) : null);
                }

                break;
            case JsonTokenType.StartObject:
                _in.BeginValue();
                _in.Push(isArray: false);
                break;
            case JsonTokenType.StartArray:
                _in.BeginValue();
                _in.Push(isArray: true);
                break;
            case JsonTokenType.EndObject:
            case JsonTokenType.EndArray:
                _in.Pop();
                break;
            default:
                _in.BeginValue();
                break;
        }

        return true;
    }

    /// <summary>The current string token's text (a new string).</summary>
    public string GetString() =>
        _r.ValueIsEscaped ? Unescape() : JsonInput.StrictUtf8.GetString(_in.Buffer, StringIndex, _r.ValueSpan.Length);

    /// <summary>The current string token's text, shared through <paramref name="pool"/>.</summary>
    public string GetPooled(Utf8Pool pool) =>
        _r.ValueIsEscaped ? pool.Intern(Unescape()) : pool.Get(_in.Buffer, StringIndex, _r.ValueSpan.Length, JsonInput.StrictUtf8);

    /// <summary>The current number as a decimal; false when out of range.</summary>
    public bool TryGetDecimal(out decimal value) => _r.TryGetDecimal(out value);

    /// <summary>The current number as an int; false when out of range or not whole.</summary>
    public bool TryGetInt32(out int value) => _r.TryGetInt32(out value);

    /// <summary>Whether the current number is written without a fraction or an exponent.</summary>
    public bool IsInteger()
    {
        var raw = _r.ValueSpan;
        return raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;
    }

    /// <summary>The raw text of the current token (for messages).</summary>
    public string RawText() => Encoding.UTF8.GetString(_r.ValueSpan.ToArray());

    /// <summary>The current token's type as the error messages name it (Json.NET's names, as before).</summary>
    public string TypeName() => _r.TokenType switch
    {
        JsonTokenType.StartObject => "StartObject",
        JsonTokenType.EndObject => "EndObject",
        JsonTokenType.StartArray => "StartArray",
        JsonTokenType.EndArray => "EndArray",
        JsonTokenType.PropertyName => "PropertyName",
        JsonTokenType.String => "String",
        JsonTokenType.Number => IsInteger() ? "Integer" : "Float",
        JsonTokenType.True or JsonTokenType.False => "Boolean",
        JsonTokenType.Null => "Null",
        JsonTokenType.Comment => "Comment",
        _ => "None",
    };

    private int StringIndex => _in.Origin + (int)_r.TokenStartIndex + 1;

    private string Unescape()
    {
        try
        {
            return _r.GetString() ?? "";
        }
        catch (InvalidOperationException e)
        {
            throw new DecoderFallbackException(e.Message, e);
        }
    }
}
