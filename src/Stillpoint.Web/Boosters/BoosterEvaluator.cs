using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.FollowUp;
using Stillpoint.Core.Instruments.Definitions;
using Stillpoint.Data;
using Stillpoint.Data.Alerts;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Web.Boosters;

/// <summary>
/// Runs the Core booster rule for one patient and instrument and stores a new suggestion (in the caller's unit of
/// work) when it fires. The course is taken to have ended at the patient's latest dose (the latest session whose
/// dosing started); without any dose there is nothing to boost. Only rumination and depression measures count (§5).
/// One open suggestion per patient and instrument: while one waits for a prescriber, new evidence adds nothing; once
/// decided, the same evidence (same latest response) is never suggested again.
/// </summary>
internal static class BoosterEvaluator
{
    public static readonly IReadOnlySet<string> Instruments = new HashSet<string>(StringComparer.Ordinal)
    {
        DefaultScheduleTemplate.Phq9, DefaultScheduleTemplate.Rrs22, DefaultScheduleTemplate.Ptq, "qids-sr16",
    };

    public static async Task<BoosterSuggestionRow?> EvaluateAsync(
        StillpointDbContext db, Guid clinicId, Guid patientId, InstrumentDefinition definition, IReadOnlyList<MeasureResponse> history, BoosterSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        if (!Instruments.Contains(definition.Id))
        {
            return null;
        }

        var lastDose = await db.Set<DosingSession>().AsNoTracking()
            .Where(s => s.PatientId == patientId && s.DosingStartedAt != null)
            .OrderByDescending(s => s.DosingStartedAt)
            .Select(s => s.DosingStartedAt)
            .FirstOrDefaultAsync(ct);
        if (lastDose is not { } courseEndedAt || BoosterRule.Evaluate(definition, history, courseEndedAt, settings) is not { } suggestion)
        {
            return null;
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"booster/{definition.Id}/{suggestion.Latest.ResponseId}");
        var set = db.Set<BoosterSuggestionRow>();
        if (set.Local.Any(b => b.ClinicId == clinicId && (b.EvidenceKey == key || (b.PatientId == patientId && b.InstrumentId == definition.Id && b.State == BoosterStates.Open)))
            || await set.IgnoreQueryFilters().AnyAsync(
                b => b.ClinicId == clinicId && (b.EvidenceKey == key || (b.PatientId == patientId && b.InstrumentId == definition.Id && b.State == BoosterStates.Open)), ct))
        {
            return null;
        }

        var row = new BoosterSuggestionRow
        {
            ClinicId = clinicId,
            PatientId = patientId,
            EvidenceKey = key,
            InstrumentId = definition.Id,
            BaselineTotal = suggestion.Baseline.Total,
            BaselineAt = suggestion.Baseline.At,
            ResponseTotal = suggestion.Response.Total,
            ResponseAt = suggestion.Response.At,
            BestTotal = suggestion.Best.Total,
            BestAt = suggestion.Best.At,
            LatestTotal = suggestion.Latest.Total,
            LatestAt = suggestion.Latest.At,
            LatestResponseId = suggestion.Latest.ResponseId,
            RulesJson = JsonSerializer.Serialize(suggestion.Rules),
            Explanation = suggestion.Explanation.Length <= 4000 ? suggestion.Explanation : suggestion.Explanation[..3999] + "…",
            SuggestedAt = db.Time.GetUtcNow(),
            State = BoosterStates.Open,
        };
        set.Add(row);
        return row;
    }
}
