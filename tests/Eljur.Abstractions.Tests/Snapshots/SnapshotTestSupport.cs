using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;

namespace Eljur.Abstractions.Tests.Snapshots;

internal static class SnapshotTestSupport
{
    public static GradebookSnapshot Read(string json, string? fileName = null) =>
        SnapshotReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), fileName);

    public static string Write(GradebookSnapshot snapshot, bool indented = true)
    {
        using var ms = new MemoryStream();
        SnapshotWriter.Write(snapshot, ms, indented);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>
    /// Asserts two model objects are equal field by field, recursing through records, lists and
    /// dictionaries. Stricter than value equality where it matters for a lossless round-trip:
    /// timestamps must keep their offset and decimals their scale.
    /// </summary>
    public static void AssertDeepEqual(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: {Show(expected)} vs {Show(actual)}");
            return;
        }

        if (expected is string || expected is not IEnumerable)
        {
            Assert.True(expected.GetType() == actual.GetType(), $"{path}: type {expected.GetType()} vs {actual.GetType()}");
        }

        switch (expected)
        {
            case string or bool or int or long or DateTime or TimeSpan or Enum:
                Assert.True(expected.Equals(actual), $"{path}: {Show(expected)} vs {Show(actual)}");
                if (expected is DateTime d)
                {
                    Assert.True(d.Kind == ((DateTime)actual).Kind, $"{path}: kind {d.Kind} vs {((DateTime)actual).Kind}");
                }

                return;
            case DateTimeOffset dto:
                Assert.True(dto.EqualsExact((DateTimeOffset)actual), $"{path}: {dto:o} vs {(DateTimeOffset)actual:o}");
                return;
            case decimal m:
                Assert.True(
                    m.ToString(CultureInfo.InvariantCulture) == ((decimal)actual).ToString(CultureInfo.InvariantCulture),
                    $"{path}: {m} vs {actual}");
                return;
            case IReadOnlyDictionary<string, string> dict:
                var other = (IReadOnlyDictionary<string, string>)actual;
                Assert.True(dict.Keys.SequenceEqual(other.Keys), $"{path}: keys {string.Join(",", dict.Keys)} vs {string.Join(",", other.Keys)}");
                foreach (var key in dict.Keys)
                {
                    Assert.True(dict[key] == other[key], $"{path}.{key}: {dict[key]} vs {other[key]}");
                }

                return;
            case IEnumerable list:
                var a = list.Cast<object?>().ToList();
                var b = ((IEnumerable)actual).Cast<object?>().ToList();
                Assert.True(a.Count == b.Count, $"{path}: count {a.Count} vs {b.Count}");
                for (var i = 0; i < a.Count; i++)
                {
                    AssertDeepEqual(a[i], b[i], $"{path}[{i}]");
                }

                return;
        }

        var properties = expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract");
        foreach (var p in properties)
        {
            AssertDeepEqual(p.GetValue(expected), p.GetValue(actual), path + "." + p.Name);
        }
    }

    private static string Show(object? value) => value is null ? "null" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}

/// <summary>A read-only stream that cannot seek, has no length, and returns at most a few bytes per read.</summary>
internal sealed class ForwardOnlyStream : Stream
{
    private readonly Stream _inner;
    private readonly int _chunk;

    public ForwardOnlyStream(byte[] bytes, int chunk)
    {
        _inner = new MemoryStream(bytes);
        _chunk = chunk;
    }

    public long BytesRead { get; private set; }

    public Action<long>? OnRead { get; init; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = _inner.Read(buffer, offset, Math.Min(count, _chunk));
        BytesRead += n;
        OnRead?.Invoke(BytesRead);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
