using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Access;
using Stillpoint.Core.Common;
using Stillpoint.Core.Instruments.Definitions;
using Stillpoint.Data;
using Stillpoint.Data.Alerts;
using Stillpoint.Web.Instruments;

namespace Stillpoint.Web.Alerts;

/// <summary>
/// The clinic's alert timings and booster rule settings: read by staff, changed by the clinic admin with optimistic
/// concurrency (the first save creates the row; version 0 = the defaults were never saved).
/// </summary>
internal sealed class AlertSettingsService(StillpointDbContext db, InstrumentCatalog catalog)
{
    /// <summary>Limits that keep the rules meaningful: at most 30 days for any timing.</summary>
    public const int MaxMinutes = 30 * 24 * 60;

    public async Task<AlertSettingsDto> GetAsync(CancellationToken ct)
    {
        var rules = await AlertSettingsStore.LoadAsync(db, db.Caller.ClinicId ?? Guid.Empty, ct);
        return new AlertSettingsDto(
            (int)rules.Alerts.OverdueThreshold.TotalMinutes,
            (int)rules.Alerts.MissedSessionGrace.TotalMinutes,
            (int)rules.Alerts.EscalateAfter.TotalMinutes,
            rules.Booster.ResponsePercent,
            rules.Booster.ReturnThresholds,
            rules.Version);
    }

    public async Task<Outcome<AlertSettingsDto>> UpdateAsync(AlertSettingsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (db.Caller.Role != Roles.ClinicAdmin || db.Caller.ClinicId is not { } clinicId)
        {
            return Outcome<AlertSettingsDto>.Forbidden("Only the clinic admin changes alert settings.");
        }

        var errors = Validate(request);
        if (!errors.IsEmpty)
        {
            return Outcome<AlertSettingsDto>.Invalid(errors);
        }

        var row = await db.Set<ClinicAlertSettings>().FirstOrDefaultAsync(s => s.ClinicId == clinicId, ct);
        if ((row?.Version ?? 0) != request.Version)
        {
            return Stale();
        }

        if (row is null)
        {
            // Version 1 on creation: 0 means "never saved", so a second save from the same defaults is stale.
            row = new ClinicAlertSettings { ClinicId = clinicId, BoosterThresholdsJson = "{}", Version = 1 };
            db.Add(row);
        }
        else
        {
            db.Entry(row).Property(s => s.Version).OriginalValue = request.Version!.Value;
        }

        row.OverdueThresholdMinutes = request.OverdueThresholdMinutes!.Value;
        row.MissedSessionGraceMinutes = request.MissedSessionGraceMinutes!.Value;
        row.EscalateAfterMinutes = request.EscalateAfterMinutes!.Value;
        row.BoosterResponsePercent = request.BoosterResponsePercent!.Value;
        row.BoosterThresholdsJson = AlertSettingsStore.ThresholdsJson(request.BoosterThresholds ?? new Dictionary<string, decimal>(StringComparer.Ordinal));
        row.UpdatedAt = db.Time.GetUtcNow();
        row.UpdatedBy = db.Caller.UserId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Stale version, or another admin created the row at the same moment (unique clinic index).
            db.ChangeTracker.Clear();
            return Stale();
        }

        return Outcome<AlertSettingsDto>.Ok(await GetAsync(ct));
    }

    private ValidationErrors Validate(AlertSettingsRequest request)
    {
        var errors = new ValidationErrors();
        Minutes(errors, "overdueThresholdMinutes", request.OverdueThresholdMinutes, 0);
        Minutes(errors, "missedSessionGraceMinutes", request.MissedSessionGraceMinutes, 0);
        Minutes(errors, "escalateAfterMinutes", request.EscalateAfterMinutes, 1);
        if (request.BoosterResponsePercent is not ({ } percent and > 0 and <= 100))
        {
            errors.Add("boosterResponsePercent", "A percentage above 0 and at most 100 (e.g. 50).");
        }

        foreach (var (instrument, threshold) in request.BoosterThresholds ?? new Dictionary<string, decimal>(StringComparer.Ordinal))
        {
            var field = $"boosterThresholds.{instrument}";
            if (!BoosterInstruments.Contains(instrument))
            {
                errors.Add(field, $"Booster thresholds apply to {string.Join(", ", BoosterInstruments)}.");
            }
            else if (catalog.Library.TryGet(instrument, out var definition) && TotalRange.Of(definition) is var range && (threshold < range.Min || threshold > range.Max))
            {
                errors.Add(field, $"Between {range.Min} and {range.Max} for {instrument}.");
            }
        }

        if (request.Version is null or < 0)
        {
            errors.Add("version", "Send the version you saw (0 when the settings were never saved).");
        }

        return errors;
    }

    private static IReadOnlySet<string> BoosterInstruments => Boosters.BoosterEvaluator.Instruments;

    private static void Minutes(ValidationErrors errors, string field, int? value, int min)
    {
        if (value is not { } minutes || minutes < min || minutes > MaxMinutes)
        {
            errors.Add(field, $"Whole minutes from {min} to {MaxMinutes} (30 days).");
        }
    }

    private static Outcome<AlertSettingsDto> Stale() =>
        Outcome<AlertSettingsDto>.Conflict("The settings were changed since you loaded them (stale version): reload and try again.");
}
