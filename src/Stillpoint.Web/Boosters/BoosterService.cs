using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Access;
using Stillpoint.Core.Common;
using Stillpoint.Core.Plans;
using Stillpoint.Data;
using Stillpoint.Data.Alerts;
using Stillpoint.Data.Assessment;
using Stillpoint.Web.Assessment;
using Stillpoint.Web.Patients;

namespace Stillpoint.Web.Boosters;

/// <summary>
/// Booster suggestions (issue 6 §5): listed for staff with their evidence; a prescriber accepts (the patient's active,
/// else draft, plan is revised through the plan service with one more session and the reason, in one transaction with
/// the decision) or dismisses with a reason. Staff only: a patient caller gets 404. Reads audited per patient.
/// </summary>
internal sealed class BoosterService(StillpointDbContext db, AssessmentService plans)
{
    public const int MaxReasonLength = 500;

    public async Task<Outcome<IReadOnlyList<BoosterDto>>> ListAsync(string? state, Guid? patientId, CancellationToken ct)
    {
        if (db.Caller.PatientId is not null || db.Caller.ClinicId is null)
        {
            return Outcome<IReadOnlyList<BoosterDto>>.NotFound();
        }

        var query = db.Set<BoosterSuggestionRow>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(state))
        {
            var s = state.Trim();
            if (s is not (BoosterStates.Open or BoosterStates.Accepted or BoosterStates.Dismissed))
            {
                return Outcome<IReadOnlyList<BoosterDto>>.Invalid("state", "One of: open, accepted, dismissed.");
            }

            query = query.Where(b => b.State == s);
        }

        if (patientId is { } patient)
        {
            query = query.Where(b => b.PatientId == patient);
        }

        var rows = await query.OrderByDescending(b => b.SuggestedAt).Take(200).ToListAsync(ct);
        var result = await ToDtosAsync(rows, ct);
        foreach (var id in rows.Select(b => b.PatientId).Distinct())
        {
            db.RecordRead(nameof(BoosterSuggestionRow), null, id, db.Caller.ClinicId, "booster list");
        }

        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyList<BoosterDto>>.Ok(result);
    }

    public async Task<Outcome<BoosterDto>> AcceptAsync(Guid id, BoosterDecisionRequest request, CancellationToken ct)
    {
        var (row, failure) = await DecisionAsync(id, request, ct);
        if (failure is not null)
        {
            return failure;
        }

        var plan = await db.Set<TreatmentPlan>().AsNoTracking()
            .Where(p => p.PatientId == row!.PatientId && (p.Status == PlanStatus.Active || p.Status == PlanStatus.Draft))
            .OrderBy(p => p.Status == PlanStatus.Active ? 0 : 1).ThenByDescending(p => p.CreatedAt)
            .FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return Outcome<BoosterDto>.Conflict("The patient has no active or draft plan to add a booster session to: create a plan first.");
        }

        var content = AssessmentJson.Read<PlanContent>(plan.ContentJson);
        var reason = string.Create(CultureInfo.InvariantCulture, $"Booster session ({row!.InstrumentId} suggestion of {row.SuggestedAt:yyyy-MM-dd}): {request.Reason!.Trim()}");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Decide(row, BoosterStates.Accepted, request, await Alerts.CallerNames.OfCallerAsync(db, ct));
        var revised = await plans.RevisePlanAsync(row.PatientId, plan.Id, new PlanRequest(content with { SessionCount = content.SessionCount + 1 }, Shorten(reason), plan.Version), ct);
        if (!revised.Succeeded)
        {
            db.ChangeTracker.Clear();
            return revised.Failure == FailureKind.Invalid
                ? Outcome<BoosterDto>.Conflict("The plan cannot take one more session: " + string.Join(" ", revised.Errors?.Messages ?? []))
                : Outcome<BoosterDto>.Conflict(revised.Message ?? "The plan could not be revised.");
        }

        (row.PlanId, row.PlanRevisionNumber) = (plan.Id, revised.Value!.RevisionNumber);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<BoosterDto>.Ok((await ToDtosAsync([row], ct))[0]);
    }

    public async Task<Outcome<BoosterDto>> DismissAsync(Guid id, BoosterDecisionRequest request, CancellationToken ct)
    {
        var (row, failure) = await DecisionAsync(id, request, ct);
        if (failure is not null)
        {
            return failure;
        }

        Decide(row!, BoosterStates.Dismissed, request, await Alerts.CallerNames.OfCallerAsync(db, ct));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale();
        }

        return Outcome<BoosterDto>.Ok((await ToDtosAsync([row!], ct))[0]);
    }

    /// <summary>Loads an open suggestion for a prescriber's decision and checks the request.</summary>
    private async Task<(BoosterSuggestionRow? Row, Outcome<BoosterDto>? Failure)> DecisionAsync(Guid id, BoosterDecisionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (db.Caller.Role != Roles.Prescriber)
        {
            return (null, Outcome<BoosterDto>.Forbidden("Only a prescriber decides on a booster."));
        }

        var row = await db.Set<BoosterSuggestionRow>().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (row is null)
        {
            return (null, Outcome<BoosterDto>.NotFound($"No booster suggestion {id}."));
        }

        var errors = new ValidationErrors();
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add("reason", "Give the reason for the decision.");
        }
        else if (reason.Length > MaxReasonLength)
        {
            errors.Add("reason", $"At most {MaxReasonLength} characters.");
        }

        if (request.Version is null)
        {
            errors.Add("version", "Send the version you saw.");
        }

        if (!errors.IsEmpty)
        {
            return (null, Outcome<BoosterDto>.Invalid(errors));
        }

        if (row.Version != request.Version)
        {
            return (null, Stale());
        }

        return row.State != BoosterStates.Open
            ? (null, Outcome<BoosterDto>.Conflict($"Already {row.State} by {row.DecidedByName}."))
            : (row, null);
    }

    private void Decide(BoosterSuggestionRow row, string state, BoosterDecisionRequest request, string name)
    {
        (row.State, row.DecidedAt, row.DecidedBy, row.DecidedByName, row.DecisionReason) = (state, db.Time.GetUtcNow(), db.Caller.UserId, name, request.Reason!.Trim());
        db.Entry(row).Property(b => b.Version).OriginalValue = request.Version!.Value;
    }

    private static string Shorten(string text) => text.Length <= AssessmentService.MaxReasonLength ? text : text[..(AssessmentService.MaxReasonLength - 1)] + "…";

    private static Outcome<BoosterDto> Stale() =>
        Outcome<BoosterDto>.Conflict("Someone decided or changed this suggestion since you loaded it (stale version): reload.");

    private async Task<List<BoosterDto>> ToDtosAsync(IReadOnlyList<BoosterSuggestionRow> rows, CancellationToken ct)
    {
        var names = await db.DisplayNamesAsync(rows.Select(b => b.PatientId), ct);
        return [.. rows.Select(b => new BoosterDto(
            b.Id, b.PatientId, names.GetValueOrDefault(b.PatientId, "?"), b.InstrumentId,
            new(b.BaselineTotal, b.BaselineAt), new(b.ResponseTotal, b.ResponseAt), new(b.BestTotal, b.BestAt), new(b.LatestTotal, b.LatestAt),
            JsonSerializer.Deserialize<List<string>>(b.RulesJson) ?? [], b.Explanation, b.SuggestedAt, b.State, b.DecidedAt, b.DecidedByName, b.DecisionReason,
            b.PlanId, b.PlanRevisionNumber, b.Version))];
    }
}
