using System;
using System.Collections.Generic;
using Eljur.Abstractions.Policies;
using Newtonsoft.Json.Linq;

namespace Eljur.Gateway.Configuration;

/// <summary>A validated <c>eljur.gateway/1</c> configuration.</summary>
internal sealed record GatewaySettings(
    string? FileName,
    string BaseDirectory,
    GatewayStorageSettings Storage,
    int SyncsInFlight,
    IReadOnlyDictionary<string, int> PerConnector,
    IReadOnlyList<UserSettings> Users,
    IReadOnlyList<ApiKeySettings> ApiKeys,
    IReadOnlyList<SchoolSettings> Schools,
    IReadOnlyCollection<string> Secrets);

/// <summary>One school of the configuration.</summary>
internal sealed record SchoolSettings(
    string Id,
    string Name,
    string TimeZone,
    int WorkWeek,
    string Connector,
    JObject Options,
    string PolicyName,
    Policy Policy,
    string Schedule,
    DateTime? From,
    DateTime? To);

/// <summary>A user who signs in to the pages.</summary>
internal sealed record UserSettings(string Login, string PasswordHash, AccessScope Access);

/// <summary>An API key (kept as a hash).</summary>
internal sealed record ApiKeySettings(string Name, string Hash, AccessScope Access);
