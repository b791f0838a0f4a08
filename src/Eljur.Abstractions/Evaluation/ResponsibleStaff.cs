namespace Eljur.Abstractions.Evaluation;

/// <summary>
/// The staff member who must put a finding right (<c>rules.md</c>, «Who is responsible»). A finding whose
/// <see cref="Finding.Responsible"/> is <see langword="null"/> is the administration's.
/// </summary>
/// <param name="Id">Staff id, as in the snapshot.</param>
/// <param name="Name">Full name; the id when the snapshot has no staff record for it.</param>
public sealed record ResponsibleStaff(string Id, string Name);
