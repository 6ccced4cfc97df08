using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Eligibility;
using Stillpoint.Core.Plans;

namespace Stillpoint.Data.Assessment;

/// <summary>
/// The dosing gate over storage, reusable by any feature that schedules or starts a dosing session:
/// <c>await db.CheckDosingGateAsync(patientId, ct)</c>. It reads through the caller's clinic/patient filters
/// and does not audit by itself: the calling use case records its read.
/// </summary>
public static class DosingGateQueries
{
    public static async Task<GateResult> CheckDosingGateAsync(this StillpointDbContext db, Guid patientId, CancellationToken ct) =>
        DosingGate.Check(await db.GateFactsAsync(patientId, ct));

    public static async Task<GateFacts> GateFactsAsync(this StillpointDbContext db, Guid patientId, CancellationToken ct) => new(
        await db.EligibilityStateAsync(patientId, ct),
        await db.ConsentStateAsync(patientId, ct),
        await db.Set<TreatmentPlan>().AnyAsync(p => p.PatientId == patientId && p.Status == PlanStatus.Active, ct));

    /// <summary>Signed and current = the latest sign-off is for the latest intake revision and no baseline response is newer.</summary>
    public static async Task<EligibilityState> EligibilityStateAsync(this StillpointDbContext db, Guid patientId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.Set<EligibilitySignOff>().AsNoTracking()
            .Where(s => s.PatientId == patientId)
            .OrderByDescending(s => s.IntakeRevisionNumber).ThenByDescending(s => s.SignedAt)
            .FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return EligibilityState.NotSigned;
        }

        var latestIntake = await db.Set<IntakeRevision>().Where(r => r.PatientId == patientId).MaxAsync(r => (int?)r.Number, ct);
        if (latestIntake != latest.IntakeRevisionNumber)
        {
            return EligibilityState.OutOfDate;
        }

        // A baseline questionnaire stored after signing (e.g. a new C-SSRS screen) changes what was signed.
        if ((await db.LatestBaselineAsync(patientId, ct)).LatestRecordedAt > latest.SignedAt)
        {
            return EligibilityState.OutOfDate;
        }

        return latest.Eligible ? EligibilityState.Current : EligibilityState.SignedNotEligible;
    }

    /// <summary>Active = at least one signature not withdrawn.</summary>
    public static async Task<ConsentState> ConsentStateAsync(this StillpointDbContext db, Guid patientId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var signatures = db.Set<ConsentSignature>().Where(s => s.PatientId == patientId);
        if (await signatures.AnyAsync(s => s.WithdrawnAt == null, ct))
        {
            return ConsentState.Active;
        }

        return await signatures.AnyAsync(ct) ? ConsentState.Withdrawn : ConsentState.NotSigned;
    }

    /// <summary>The rule set in force for the caller's clinic: its latest edited version, else the shipped default.</summary>
    public static async Task<(EligibilityRuleSet RuleSet, string Label, EligibilityRuleSetVersion? Stored)> CurrentRuleSetAsync(this StillpointDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await db.Set<EligibilityRuleSetVersion>().AsNoTracking().OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        return stored is null
            ? (DefaultRuleSet.RuleSet, DefaultRuleSet.Label, null)
            : (RuleSetParser.Parse(stored.Json), stored.Label, stored);
    }
}
