namespace Eljur.Connectors.Testing;

/// <summary>
/// A record a mock vendor serves, or a record of a snapshot traced back to it: its kind (as in
/// <c>source.unmapped</c>: <c>lesson</c>, <c>mark</c>, <c>finalMark</c>, <c>absence</c>, …) and a key
/// the harness chooses (the vendor id, or fields that identify it when the vendor has no id).
/// </summary>
/// <param name="Kind">The kind of record.</param>
/// <param name="Key">The key; equal keys of one kind are counted as many times as they occur.</param>
public sealed record ServedRecord(string Kind, string Key);
