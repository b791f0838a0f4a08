using System.CommandLine;
using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Cli.Infrastructure;
using Eljur.Rules;

namespace Eljur.Cli.Commands;

/// <summary><c>eljur policies [list|show ID|validate FILE]</c>.</summary>
internal static class PoliciesCommand
{
    public static Command Create(Console2 console)
    {
        var list = new Command("list", "Список пресетов, правил и показателей");
        list.SetAction(_ => List(console));

        var id = new Argument<string>("id") { Description = "Id пресета" };
        var show = new Command("show", "Показать пресет (JSON)") { id };
        show.SetAction(parse => Show(parse.GetValue(id)!, console));

        var file = new Argument<string>("file") { Description = "Файл регламента (JSON)" };
        var validate = new Command("validate", "Проверить файл регламента") { file };
        validate.SetAction(parse => Validate(parse.GetValue(file)!, console));

        var command = new Command("policies", "Пресеты регламентов и каталог правил") { list, show, validate };
        command.SetAction(_ => List(console));
        return command;
    }

    private static int List(Console2 console)
    {
        var o = console.Out;
        o.WriteLine("Пресеты:");
        if (Presets.Ids.Count == 0)
        {
            o.WriteLine("  (пока нет)");
        }

        foreach (var preset in Presets.Ids)
        {
            o.WriteLine($"  {preset} — {Presets.Load(preset).Title}");
        }

        o.WriteLine();
        o.WriteLine("Правила:");
        foreach (var rule in StandardRules.All.Where(r => !r.IsMetric))
        {
            o.WriteLine($"  {rule.Id} — {rule.Title}");
        }

        o.WriteLine();
        o.WriteLine("Показатели:");
        foreach (var rule in StandardRules.All.Where(r => r.IsMetric))
        {
            o.WriteLine($"  {rule.Id} — {rule.Title}");
        }

        return ExitCodes.Ok;
    }

    private static int Show(string id, Console2 console)
    {
        var json = Presets.GetJson(id) ?? throw new CliException(
            ExitCodes.BadInput,
            $"нет пресета «{id}»{Suggestions.Hint(id, Presets.Ids)}. Пресеты: {string.Join(", ", Presets.Ids)}.");
        console.Out.Write(json);
        return ExitCodes.Ok;
    }

    private static int Validate(string path, Console2 console)
    {
        var policy = PolicyInput.ReadFile(path, "eljur policies validate");
        console.Out.WriteLine($"Регламент «{policy.Title}» ({policy.Id}) корректен: {RussianText.Count(policy.Uses.Count, "правило или показатель", "правила или показателя", "правил или показателей")}.");
        return ExitCodes.Ok;
    }
}
