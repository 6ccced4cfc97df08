using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Core.FollowUp;
using Stillpoint.Data;
using Stillpoint.Data.Alerts;
using Stillpoint.Web.Live;
using Stillpoint.Web.Patients;

namespace Stillpoint.Web.Alerts;

/// <summary>
/// The clinic's alert inbox: list with filters (suicide risk first, then severity, newest first), acknowledge, resolve.
/// Staff only — a patient caller gets 404 here even for alerts about itself (defence behind the Staff policy,
/// because the patient data filter alone would show a patient its own alerts). Reads are audited per patient.
/// </summary>
internal sealed class AlertService(StillpointDbContext db, ClinicEvents events)
{
    public const int MaxNoteLength = 1000;
    public const int MaxListed = 200;

    public async Task<Outcome<IReadOnlyList<AlertDto>>> ListAsync(AlertFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (db.Caller.PatientId is not null || db.Caller.ClinicId is null)
        {
            return Outcome<IReadOnlyList<AlertDto>>.NotFound();
        }

        var errors = new ValidationErrors();
        var query = db.Set<CareAlert>().AsNoTracking();
        switch (filter.State?.Trim())
        {
            case null or "":
                break;
            case "active":
                query = query.Where(a => a.State != AlertStates.Resolved);
                break;
            case var state when AlertStates.All.Contains(state, StringComparer.Ordinal):
                query = query.Where(a => a.State == state);
                break;
            default:
                errors.Add("state", $"One of: active, {string.Join(", ", AlertStates.All)}.");
                break;
        }

        if (Parse<AlertSeverity>(filter.Severity, "severity", errors) is { } severity)
        {
            query = query.Where(a => a.Severity == severity);
        }

        if (Parse<AlertKind>(filter.Kind, "kind", errors) is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }

        if (filter.PatientId is { } patientId)
        {
            query = query.Where(a => a.PatientId == patientId);
        }

        if (!errors.IsEmpty)
        {
            return Outcome<IReadOnlyList<AlertDto>>.Invalid(errors);
        }

        var rows = await query.OrderBy(a => a.Rank).ThenByDescending(a => a.RaisedAt).ThenBy(a => a.Id).Take(MaxListed).ToListAsync(ct);
        var result = await ToDtosAsync(rows, ct);
        foreach (var patient in rows.Select(a => a.PatientId).Distinct())
        {
            db.RecordRead(nameof(CareAlert), null, patient, db.Caller.ClinicId, "inbox");
        }

        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyList<AlertDto>>.Ok(result);
    }

    public Task<Outcome<AlertDto>> AcknowledgeAsync(Guid id, AlertActionRequest request, CancellationToken ct) =>
        ChangeAsync(id, request, resolve: false, ct);

    public Task<Outcome<AlertDto>> ResolveAsync(Guid id, AlertActionRequest request, CancellationToken ct) =>
        ChangeAsync(id, request, resolve: true, ct);

    private async Task<Outcome<AlertDto>> ChangeAsync(Guid id, AlertActionRequest request, bool resolve, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var alert = db.Caller.PatientId is null ? await db.Set<CareAlert>().FirstOrDefaultAsync(a => a.Id == id, ct) : null;
        if (alert is null)
        {
            return Outcome<AlertDto>.NotFound($"No alert {id}.");
        }

        var note = request.Note?.Trim();
        var errors = new ValidationErrors();
        if (request.Version is null)
        {
            errors.Add("version", "Send the version you saw (from the alert).");
        }

        if (resolve && string.IsNullOrEmpty(note))
        {
            errors.Add("note", "Say what was done: an action note is required to resolve.");
        }
        else if (note?.Length > MaxNoteLength)
        {
            errors.Add("note", $"At most {MaxNoteLength} characters.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<AlertDto>.Invalid(errors);
        }

        if (alert.Version != request.Version)
        {
            return Stale();
        }

        if (alert.State == AlertStates.Resolved || (!resolve && alert.State == AlertStates.Acknowledged))
        {
            return Outcome<AlertDto>.Conflict($"The alert is already {alert.State}.");
        }

        var now = db.Time.GetUtcNow();
        var name = await CallerNames.OfCallerAsync(db, ct);
        if (alert.AcknowledgedAt is null)
        {
            // Resolving an open alert acknowledges it too: someone has looked at it.
            (alert.AcknowledgedAt, alert.AcknowledgedBy, alert.AcknowledgedByName) = (now, db.Caller.UserId, name);
            alert.AcknowledgeNote = resolve ? null : EmptyToNull(note);
        }

        if (resolve)
        {
            (alert.ResolvedAt, alert.ResolvedBy, alert.ResolvedByName, alert.ResolutionNote) = (now, db.Caller.UserId, name, note);
        }

        alert.State = resolve ? AlertStates.Resolved : AlertStates.Acknowledged;
        db.Entry(alert).Property(a => a.Version).OriginalValue = request.Version!.Value;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale();
        }

        events.Publish(alert.ClinicId, ClinicTopics.Alerts, alert.Id);
        return Outcome<AlertDto>.Ok((await ToDtosAsync([alert], ct))[0]);
    }

    private static Outcome<AlertDto> Stale() =>
        Outcome<AlertDto>.Conflict("Someone changed this alert since you loaded it (stale version): reload and try again.");

    private static string? Parse<T>(string? value, string field, ValidationErrors errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed.ToString();
        }

        errors.Add(field, $"One of: {string.Join(", ", Enum.GetNames<T>())}.");
        return null;
    }

    private static string? EmptyToNull(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private async Task<List<AlertDto>> ToDtosAsync(IReadOnlyList<CareAlert> rows, CancellationToken ct)
    {
        var names = await db.DisplayNamesAsync(rows.Select(a => a.PatientId), ct);
        return [.. rows.Select(a => new AlertDto(
            a.Id, a.PatientId, names.GetValueOrDefault(a.PatientId, "?"), a.Kind, a.Severity, a.State, a.Explanation, a.SourceType, a.SourceRef, a.InstrumentId,
            a.RaisedAt, a.AcknowledgedAt, a.AcknowledgedByName, a.AcknowledgeNote, a.ResolvedAt, a.ResolvedByName, a.ResolutionNote, a.EscalatedAt, a.EscalatedTo, a.Version))];
    }
}
