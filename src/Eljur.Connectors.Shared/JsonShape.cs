using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Eljur.Connectors.Shared;

/// <summary>
/// The parts of a vendor answer its reader uses: the JSON tree of an answer is built only for
/// them (<see cref="PrunedJsonLoader"/>), everything else is read and validated but dropped.
/// A shape is one of three kinds:
/// <list type="bullet">
/// <item><description>a leaf: the value is kept whole, whatever it is (a scalar, or an object or
/// array a reader walks freely or stores);</description></item>
/// <item><description>a record <c>{a, b: …}</c>: of an object only the named properties are kept,
/// each with its own shape; an array met where a record was expected keeps every element, each
/// read as that record (a list of records and a single record read alike);</description></item>
/// <item><description>each <c>*…</c>: every member of an object, whatever its key (ЭлЖур keys
/// students by id, days by date, lessons by number), and every element of an array, each with the
/// inner shape.</description></item>
/// </list>
/// Scalars are always kept, whatever the shape expected, so a reader sees every value type as sent;
/// no member of a kept collection and no element of a kept array is ever dropped, so emptiness,
/// counts of elements and the order of members stay as sent.
/// </summary>
/// <remarks>
/// Shapes are written as text, e.g. <c>{response: {state, error, result: {students: *{class, days: *{name}}}}}</c>:
/// a name alone is a leaf; <c>name: shape</c> gives its shape; <c>*shape</c> is each member;
/// names are letters, digits, <c>_</c> and <c>-</c>, or any text in double quotes.
/// </remarks>
internal sealed class JsonShape
{
    private readonly Dictionary<string, JsonShape>? _fields;

    private JsonShape(Dictionary<string, JsonShape>? fields, JsonShape? each)
    {
        _fields = fields;
        Each = each;
    }

    /// <summary>Keeps the value whole.</summary>
    public static JsonShape Leaf { get; } = new(null, null);

    /// <summary>Whether the value is kept whole.</summary>
    public bool IsLeaf => _fields is null && Each is null;

    /// <summary>The shape of every member or element (an "each" shape), or <see langword="null"/>.</summary>
    public JsonShape? Each { get; }

    /// <summary>The names a record keeps (empty for other kinds).</summary>
    public IEnumerable<string> Names => _fields?.Keys ?? (IEnumerable<string>)Array.Empty<string>();

    /// <summary>A record keeping the named properties, each with its shape.</summary>
    public static JsonShape Record(params (string Name, JsonShape Shape)[] fields)
    {
        var map = new Dictionary<string, JsonShape>(StringComparer.Ordinal);
        foreach (var (name, shape) in fields)
        {
            if (map.ContainsKey(name))
            {
                throw new ArgumentException($"the property \"{name}\" is named twice", nameof(fields));
            }

            map[name] = shape ?? throw new ArgumentNullException(nameof(fields));
        }

        return new JsonShape(map, null);
    }

    /// <summary>This record with the named properties added as leaves (those it names already keep their shape).</summary>
    /// <exception cref="InvalidOperationException">This is no record.</exception>
    public JsonShape WithLeaves(params string[] names)
    {
        if (_fields is null)
        {
            throw new InvalidOperationException("only a record takes more properties");
        }

        var map = new Dictionary<string, JsonShape>(_fields, StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!map.ContainsKey(name))
            {
                map[name] = Leaf;
            }
        }

        return new JsonShape(map, null);
    }

    /// <summary>Every member of an object and every element of an array, each with <paramref name="member"/>.</summary>
    public static JsonShape EachOf(JsonShape member) => new(null, member ?? throw new ArgumentNullException(nameof(member)));

    /// <summary>The shape of the property <paramref name="name"/> of an object read with this shape; <see langword="null"/> to drop it.</summary>
    public JsonShape? Property(string name)
    {
        if (Each is not null)
        {
            return Each;
        }

        if (_fields is null)
        {
            return Leaf;
        }

        return _fields.TryGetValue(name, out var shape) ? shape : null;
    }

    /// <summary>The shape of each element of an array read with this shape.</summary>
    public JsonShape Element => Each ?? this;

    /// <summary>Reads a shape written as text (see the remarks of <see cref="JsonShape"/>).</summary>
    /// <exception cref="FormatException">The text is not a shape.</exception>
    public static JsonShape Parse(string text)
    {
        var parser = new Parser(text ?? throw new ArgumentNullException(nameof(text)));
        var shape = parser.Shape();
        parser.End();
        return shape;
    }

    /// <summary>The shape as text, in the syntax <see cref="Parse"/> reads (names in order of the ordinal sort).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    private void Write(StringBuilder text)
    {
        if (Each is not null)
        {
            text.Append('*');
            Each.Write(text); // nothing more for "*" alone: each member kept whole
            return;
        }

        if (_fields is null)
        {
            return;
        }

        text.Append('{');
        var first = true;
        foreach (var name in new SortedSet<string>(_fields.Keys, StringComparer.Ordinal))
        {
            if (!first)
            {
                text.Append(", ");
            }

            first = false;
            text.Append(IsPlainName(name) ? name : "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"");
            if (!_fields[name].IsLeaf)
            {
                text.Append(": ");
                _fields[name].Write(text);
            }
        }

        text.Append('}');
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsNameChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Parser
    {
        private readonly string _text;
        private int _at;

        public Parser(string text) => _text = text;

        public JsonShape Shape()
        {
            SkipSpace();
            if (Peek('*'))
            {
                _at++;
                SkipSpace();
                return EachOf(Peek('{') || Peek('*') ? Shape() : Leaf);
            }

            if (!Peek('{'))
            {
                throw Error("expected '{' or '*'");
            }

            _at++;
            var fields = new List<(string, JsonShape)>();
            SkipSpace();
            if (Peek('}'))
            {
                _at++;
                return Record(fields.ToArray());
            }

            while (true)
            {
                var name = Name();
                SkipSpace();
                var shape = Leaf;
                if (Peek(':'))
                {
                    _at++;
                    shape = Shape();
                    SkipSpace();
                }

                fields.Add((name, shape));
                if (Peek(','))
                {
                    _at++;
                    SkipSpace();
                    continue;
                }

                if (Peek('}'))
                {
                    _at++;
                    break;
                }

                throw Error("expected ',' or '}'");
            }

            try
            {
                return Record(fields.ToArray());
            }
            catch (ArgumentException ex)
            {
                throw Error(ex.Message);
            }
        }

        public void End()
        {
            SkipSpace();
            if (_at != _text.Length)
            {
                throw Error("unexpected text after the shape");
            }
        }

        private string Name()
        {
            SkipSpace();
            if (Peek('"'))
            {
                _at++;
                var name = new StringBuilder();
                while (_at < _text.Length && _text[_at] != '"')
                {
                    if (_text[_at] == '\\' && _at + 1 < _text.Length)
                    {
                        _at++;
                    }

                    name.Append(_text[_at++]);
                }

                if (!Peek('"'))
                {
                    throw Error("unterminated name");
                }

                _at++;
                return name.ToString();
            }

            var start = _at;
            while (_at < _text.Length && IsNameChar(_text[_at]))
            {
                _at++;
            }

            if (_at == start)
            {
                throw Error("expected a property name");
            }

            return _text.Substring(start, _at - start);
        }

        private bool Peek(char c) => _at < _text.Length && _text[_at] == c;

        private void SkipSpace()
        {
            while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
            {
                _at++;
            }
        }

        private FormatException Error(string what) =>
            new(string.Format(CultureInfo.InvariantCulture, "JSON shape: {0} at position {1} of \"{2}\"", what, _at, _text));
    }
}
