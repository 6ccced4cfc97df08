using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Core.FollowUp;
using Stillpoint.Core.Sessions;
using Stillpoint.Data;
using Stillpoint.Data.Responses;
using Stillpoint.Data.Sessions;
using Stillpoint.Web.FollowUp;
using Stillpoint.Web.Instruments;
using Stillpoint.Web.Responses;

namespace Stillpoint.Web.Portal;

/// <summary>A due item as the portal shows it: the instrument's title beside the schedule item.</summary>
internal sealed record PortalItem(ScheduleItemDto Item, string Title);

/// <summary>One dated total of the patient's own, for the scores chart.</summary>
public sealed record OwnScore(string InstrumentId, string Title, DateTimeOffset At, decimal Total);

/// <summary>What the portal's home page shows. Only the signed-in patient's own rows; no staff-only fields.</summary>
internal sealed record PortalOverview(
    IReadOnlyList<PortalItem> DueNow, IReadOnlyList<PortalItem> Next, IReadOnlyList<DateTimeOffset> UpcomingSessions, IReadOnlyList<OwnScore> Scores);

/// <summary>
/// The patient portal (issue 6 §2): what is due now, answering it, own past scores and own upcoming sessions. Every
/// method acts for the signed-in patient account only (<see cref="ICallerContext.PatientId"/>); the data filters
/// scope every query to that patient as well. Reads are audited.
/// </summary>
internal sealed class PortalService(StillpointDbContext db, ScheduleService schedules, ResponseService responses, InstrumentCatalog catalog, TimeProvider time)
{
    /// <summary>How many upcoming items the portal lists after those due now.</summary>
    private const int NextCount = 3;

    private static readonly string[] NotStarted = [nameof(SessionPhase.Scheduled), nameof(SessionPhase.CheckedIn), nameof(SessionPhase.Preparation)];

    public async Task<Outcome<PortalOverview>> HomeAsync(CancellationToken ct)
    {
        if (db.Caller.PatientId is not { } patientId)
        {
            return Outcome<PortalOverview>.Forbidden("The portal is for patient accounts.");
        }

        var now = time.GetUtcNow();
        var schedule = await schedules.ComputeAsync(patientId, now, ct);
        if (schedule is null)
        {
            return Outcome<PortalOverview>.NotFound("No patient record is linked to this account.");
        }

        var titles = (await catalog.ListAsync(ct)).ToDictionary(i => i.Id, i => i.Title, StringComparer.Ordinal);
        var items = schedule.Template is null ? [] : schedule.States.Select(s => new PortalItem(ScheduleDto.Item(s, schedule.Template.Template), Title(titles, s.Item.InstrumentId))).ToList();
        var sessions = await db.Set<DosingSession>().AsNoTracking()
            .Where(s => s.PatientId == patientId && NotStarted.Contains(s.Phase) && s.ScheduledFor >= now)
            .OrderBy(s => s.ScheduledFor).Select(s => s.ScheduledFor).Take(10).ToListAsync(ct);
        var scores = await ScoresAsync(patientId, titles, ct);
        await db.AuditReadAsync("PortalOverview", null, patientId, schedule.ClinicId, ct, "portal: schedule, sessions, own scores");
        return Outcome<PortalOverview>.Ok(new PortalOverview(
            [.. items.Where(i => i.Item.Status is DueStatus.Due or DueStatus.Overdue)],
            [.. items.Where(i => i.Item.Status == DueStatus.Upcoming).Take(NextCount)],
            sessions,
            scores));
    }

    /// <summary>An item the patient can answer now (its window is open and unanswered), with its instrument.</summary>
    public async Task<Outcome<(ScheduleItemDto Item, InstrumentDto Instrument)>> OpenItemAsync(string? key, CancellationToken ct)
    {
        if (db.Caller.PatientId is not { } patientId)
        {
            return Outcome<(ScheduleItemDto, InstrumentDto)>.Forbidden("The portal is for patient accounts.");
        }

        var schedule = await schedules.ComputeAsync(patientId, time.GetUtcNow(), ct);
        var state = schedule?.States.FirstOrDefault(s => string.Equals(s.Item.Key, key, StringComparison.Ordinal));
        if (schedule?.Template is null || state is null)
        {
            return Outcome<(ScheduleItemDto, InstrumentDto)>.NotFound("This questionnaire is not on your schedule.");
        }

        if (state.Status is not (DueStatus.Due or DueStatus.Overdue))
        {
            return Outcome<(ScheduleItemDto, InstrumentDto)>.Conflict(state.Status == DueStatus.Completed
                ? "You have already completed this questionnaire. Thank you."
                : state.Status == DueStatus.Upcoming ? "This questionnaire is not open yet." : "This questionnaire has closed.");
        }

        var instrument = await catalog.GetAsync(state.Item.InstrumentId, ct);
        return instrument.Value is { } dto
            ? Outcome<(ScheduleItemDto, InstrumentDto)>.Ok((ScheduleDto.Item(state, schedule.Template.Template), dto))
            : Outcome<(ScheduleItemDto, InstrumentDto)>.NotFound(instrument.Message ?? "Unknown questionnaire.");
    }

    /// <summary>
    /// Stores the patient's answers to an open item through <see cref="ResponseService"/> (which scores, audits and runs
    /// the response hooks, e.g. the suicide-risk alert) with the item's context and dosing session.
    /// </summary>
    public async Task<Outcome<ResponseDto>> SubmitAsync(string? key, ResponseForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var open = await OpenItemAsync(key, ct);
        if (!open.Succeeded)
        {
            return open.Failure == FailureKind.Invalid ? Outcome<ResponseDto>.Invalid(open.Errors!)
                : open.Failure == FailureKind.Conflict ? Outcome<ResponseDto>.Conflict(open.Message!)
                : open.Failure == FailureKind.Forbidden ? Outcome<ResponseDto>.Forbidden(open.Message!)
                : Outcome<ResponseDto>.NotFound(open.Message!);
        }

        var (item, instrument) = open.Value;
        var errors = new ValidationErrors();
        form.InstrumentId = instrument.Id;
        form.AnsweredAt = null;
        form.DraftId = null;
        form.Action = ResponseValues.Complete;
        var input = form.ToInput(instrument.Items.Count, errors) with { Context = item.Context, DosingSessionId = item.SessionId };
        return await responses.CreateAsync(db.Caller.PatientId!.Value, input, errors, ct);
    }

    private async Task<List<OwnScore>> ScoresAsync(Guid patientId, Dictionary<string, string> titles, CancellationToken ct)
    {
        var superseded = db.Set<InstrumentResponse>().Where(r => r.PatientId == patientId && r.SupersedesId != null).Select(r => r.SupersedesId);
        var rows = await db.Set<InstrumentResponse>().AsNoTracking()
            .Where(r => r.PatientId == patientId && r.Status == ResponseValues.Complete && r.IsComplete && r.Total != null && !superseded.Contains(r.Id))
            .Select(r => new { r.InstrumentId, r.AnsweredAt, r.Total })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.AnsweredAt).Select(r => new OwnScore(r.InstrumentId, Title(titles, r.InstrumentId), r.AnsweredAt, r.Total!.Value))];
    }

    private static string Title(Dictionary<string, string> titles, string id) => titles.GetValueOrDefault(id, id);
}

/// <summary>What the portal's "mark as read" buttons post: the reminder's id.</summary>
internal sealed class ReminderReadForm
{
    public Guid? Id { get; set; }
}
