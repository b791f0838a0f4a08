using Eljur.Abstractions.Evaluation;

namespace Eljur.Cli.Infrastructure;

/// <summary>The nouns the CLI counts, in their three Russian forms (<see cref="RussianText.Count"/> picks one).</summary>
internal static class Words
{
    public static string Lessons(long n) => RussianText.Count(n, "урок", "урока", "уроков");

    public static string Marks(long n) => RussianText.Count(n, "отметка", "отметки", "отметок");

    public static string Absences(long n) => RussianText.Count(n, "пропуск", "пропуска", "пропусков");

    public static string Students(long n) => RussianText.Count(n, "ученик", "ученика", "учеников");

    public static string Schools(long n) => RussianText.Count(n, "школа", "школы", "школ");

    public static string Breaches(long n) => RussianText.Count(n, "нарушение", "нарушения", "нарушений");

    public static string Notes(long n) => RussianText.Count(n, "замечание", "замечания", "замечаний");

    public static string Topics(long n) => RussianText.Count(n, "тема", "темы", "тем");

    public static string Homework(long n) => RussianText.Count(n, "домашнее задание", "домашних задания", "домашних заданий");

    public static string Records(long n) => RussianText.Count(n, "запись", "записи", "записей");

    /// <summary>«192 урока, 452 отметки, 30 пропусков».</summary>
    public static string Records(long lessons, long marks, long absences) => $"{Lessons(lessons)}, {Marks(marks)}, {Absences(absences)}";
}
