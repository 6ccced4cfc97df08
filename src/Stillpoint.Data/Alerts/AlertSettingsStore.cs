using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.FollowUp;

namespace Stillpoint.Data.Alerts;

/// <summary>A clinic's alert and booster settings as the Core rules take them (Core defaults when none are stored).</summary>
public sealed record ClinicFollowUpRules(AlertSettings Alerts, BoosterSettings Booster, int Version)
{
    public static ClinicFollowUpRules Default { get; } = new(AlertSettings.Default, BoosterSettings.Default, 0);
}

public static class AlertSettingsStore
{
    public static async Task<ClinicFollowUpRules> LoadAsync(StillpointDbContext db, Guid clinicId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Set<ClinicAlertSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.ClinicId == clinicId, ct);
        return row is null ? ClinicFollowUpRules.Default : ToRules(row);
    }

    public static ClinicFollowUpRules ToRules(ClinicAlertSettings row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var thresholds = JsonSerializer.Deserialize<Dictionary<string, decimal>>(row.BoosterThresholdsJson) ?? [];
        return new(
            new AlertSettings(TimeSpan.FromMinutes(row.OverdueThresholdMinutes), TimeSpan.FromMinutes(row.MissedSessionGraceMinutes), TimeSpan.FromMinutes(row.EscalateAfterMinutes)),
            new BoosterSettings(row.BoosterResponsePercent, new Dictionary<string, decimal>(thresholds, StringComparer.Ordinal)),
            row.Version);
    }

    public static string ThresholdsJson(IReadOnlyDictionary<string, decimal> thresholds) =>
        JsonSerializer.Serialize(thresholds.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));
}
