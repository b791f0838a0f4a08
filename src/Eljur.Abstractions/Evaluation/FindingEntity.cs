namespace Eljur.Abstractions.Evaluation;

/// <summary>The record a finding is about.</summary>
/// <param name="Type">Entity type, e.g. <c>lesson</c>, <c>mark</c>, <c>absence</c>, <c>revision</c>.</param>
/// <param name="Id">Entity id as defined in <c>rules.md</c> (e.g. <c>lessonId:studentId</c> for an absence).</param>
public sealed record FindingEntity(string Type, string Id);
