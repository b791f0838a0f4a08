using System.IO;

namespace Eljur.Cli.Infrastructure;

/// <summary>
/// Checks a path the user typed before a library opens it, so that the message names the option and
/// says what to do: a missing file, a folder where a file is expected, an empty file, a folder to write into.
/// </summary>
internal static class InputFiles
{
    /// <summary>An existing file to read; <paramref name="option"/> is how the user gave it (e.g. <c>--snapshot</c>).</summary>
    public static string Existing(string path, string option, string what, bool mayBeEmpty = false)
    {
        if (Directory.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"{option}: {path} — это папка, а нужен {what}: укажите путь к файлу.");
        }

        if (!File.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"{option}: файл не найден: {path}. Проверьте путь ({Where(path)}).");
        }

        if (!mayBeEmpty && new FileInfo(path).Length == 0)
        {
            throw new CliException(ExitCodes.BadInput, $"{option}: файл {path} пуст, а нужен {what}.");
        }

        return path;
    }

    /// <summary>A file to write: not a folder, in a folder that exists.</summary>
    public static string Writable(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"{option}: {path} — это папка, а нужен файл: укажите имя файла, например {Path.Combine(path, "report.html")}.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliException(ExitCodes.BadInput, $"{option}: папки {folder} нет: создайте её или укажите другой путь.");
        }

        return path;
    }

    /// <summary>An existing folder to read from.</summary>
    public static string Folder(string path, string option, string what)
    {
        if (File.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"{option}: {path} — это файл, а нужна {what}: укажите путь к папке.");
        }

        if (!Directory.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"{option}: папка не найдена: {path}. Проверьте путь ({Where(path)}).");
        }

        return path;
    }

    private static string Where(string path) =>
        Path.IsPathRooted(path) ? "путь указан от корня" : "относительные пути считаются от текущей папки " + Directory.GetCurrentDirectory();
}
