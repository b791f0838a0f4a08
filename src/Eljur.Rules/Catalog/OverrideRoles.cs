using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary>
/// The <c>overrideRoles</c> parameter shared by <c>mark-correction</c> and <c>closed-period</c>: staff
/// roles allowed to do what the rule otherwise forbids, and how an author is judged against them.
/// </summary>
internal sealed class OverrideRoles
{
    private OverrideRoles(IReadOnlyList<StaffRole> roles)
    {
        Roles = roles;
    }

    public IReadOnlyList<StaffRole> Roles { get; }

    public int Count => Roles.Count;

    /// <summary>The roles in Russian, comma-separated.</summary>
    public string Names => string.Join(", ", Roles.Select(RoleName));

    public static OverrideRoles Parse(RuleParameters p, string name = "overrideRoles")
    {
        var roles = new List<StaffRole>();
        foreach (var text in p.GetStringList(name))
        {
            if (!JsonNames.TryParse<StaffRole>(text, out var role))
            {
                throw p.Invalid(name, $"unknown role \"{text}\"; expected one of {string.Join(", ", JsonNames.AllOf<StaffRole>())}");
            }

            roles.Add(role);
        }

        return new OverrideRoles(roles);
    }

    /// <summary>Whether the author (a staff id, or null when unknown) may override.</summary>
    public AuthorStatus Judge(EvaluationData data, string? author)
    {
        if (Roles.Count == 0)
        {
            return AuthorStatus.NotAllowed;
        }

        if (string.IsNullOrEmpty(author))
        {
            return AuthorStatus.Unknown;
        }

        var staff = data.FindStaff(author);
        return staff is not null && staff.Roles.Any(Roles.Contains) ? AuthorStatus.Allowed : AuthorStatus.NotAllowed;
    }

    /// <summary>The sentence tail explaining the author, for messages: ".", or who may override.</summary>
    public string Explain(AuthorStatus author) => Roles.Count == 0
        ? "."
        : author == AuthorStatus.Unknown
            ? $"; автор неизвестен, а это вправе делать только: {Names}."
            : $"; сделал не тот, кто вправе это делать ({Names}).";

    public static string RoleName(StaffRole role) => role switch
    {
        StaffRole.Deputy => "заместитель директора",
        StaffRole.Director => "директор",
        StaffRole.Administrator => "администратор журнала",
        StaffRole.ClassTeacher => "классный руководитель",
        StaffRole.Secretary => "секретарь",
        _ => "учитель",
    };
}

/// <summary>How an author stands against the override roles.</summary>
internal enum AuthorStatus
{
    Allowed,
    NotAllowed,
    Unknown,
}
