using System.IO;

namespace Eljur.Cli.Infrastructure;

/// <summary>The output channels of one CLI run (the real console or test writers).</summary>
internal sealed record Console2(TextWriter Out, TextWriter Error);
