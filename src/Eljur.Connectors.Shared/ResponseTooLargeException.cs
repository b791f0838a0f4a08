using System;
using System.Globalization;

namespace Eljur.Connectors.Shared;

/// <summary>A vendor answer longer than the connector's cap; becomes a <c>ConnectorException</c> naming the call and the size.</summary>
internal sealed class ResponseTooLargeException : Exception
{
    public ResponseTooLargeException(long size, long cap, bool declared)
        : base($"answer of {size} bytes over the cap of {cap}")
    {
        Size = size;
        Cap = cap;
        Declared = declared;
    }

    /// <summary>Bytes read before the read stopped, or the declared <c>Content-Length</c>.</summary>
    public long Size { get; }

    public long Cap { get; }

    /// <summary>The size is the answer's <c>Content-Length</c> (nothing was read).</summary>
    public bool Declared { get; }

    /// <summary>The Russian reason for the exception: the size, the cap, and how to raise it.</summary>
    public string Describe(string optionHint)
    {
        var size = Declared ? $"{Megabytes(Size)} (по заголовку Content-Length)" : $"более {Megabytes(Cap)} (чтение остановлено на {Megabytes(Size)})";
        return $"ответ сервера слишком большой: {size}, допустимо не более {Megabytes(Cap)} на один ответ. "
            + $"Если такой объём ожидаем, поднимите предел ({optionHint}) или загрузите меньший период или меньше классов за раз.";
    }

    /// <summary>Megabytes (2^20 bytes) in Russian notation: «32,0 МБ».</summary>
    public static string Megabytes(long bytes) =>
        (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',') + " МБ";
}
