using System.Globalization;
using Stillpoint.Core.Common;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Plans;
using Stillpoint.Data;
using Stillpoint.Web.FollowUp;

namespace Stillpoint.Web.Dashboard;

/// <summary>
/// The clinic dashboard (staff): every figure is computed from grouped reads or the outcome summaries (see <see cref="OutcomeSource"/>),
/// never by loading responses as entities. One audit entry records each dashboard read as a whole ("OutcomeDashboard",
/// with the number of patients it covered) rather than one per patient: it shows aggregates, not a patient's record.
/// </summary>
internal sealed class DashboardService(
    StillpointDbContext db, InstrumentLibrary instruments, ScheduleService schedules, OutcomeSource source, OutcomeCohortCache cohorts, TimeProvider time)
{
    /// <summary>Above this many active patients the overdue count is not computed on read (it is computed per patient).</summary>
    public const int OverdueComputeLimit = 200;

    public async Task<Outcome<DashboardDto>> GetAsync(OutcomeFilterInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (db.Caller.ClinicId is not { } clinicId || db.Caller.PatientId is not null)
        {
            return Outcome<DashboardDto>.Forbidden("The dashboard is for the clinic's staff.");
        }

        var now = time.GetUtcNow();
        var parsed = input.Parse(DateOnly.FromDateTime(now.UtcDateTime), instruments);
        if (parsed.Value is not { } filter)
        {
            return Outcome<DashboardDto>.Invalid(parsed.Errors!);
        }

        var cohort = await cohorts.GetAsync(db, clinicId, ct);
        var hasPlanFilter = filter.Indication is not null || filter.Route is not null || filter.ClinicianId is not null;
        bool Included(Guid patientId) => cohort.TryGetValue(patientId, out var patient) ? patient.MatchesPlan(filter) : !hasPlanFilter;

        var active = cohort.Values.Where(p => p.Status == PlanStatus.Active && p.MatchesPlan(filter)).ToList();
        var week = await SessionFigures.ThisWeekAsync(db, clinicId, now, Included, ct);
        var safety = await SessionFigures.SafetyAsync(db, clinicId, filter, Included, ct);
        var definition = instruments.Get(filter.InstrumentId);
        var courses = await source.CoursesAsync(clinicId, definition, filter, cohort, ct);
        var outcomes = new OutcomeRatesDto(
            definition.Id, definition.Title,
            PatientCourses.Describe(courses.FirstOrDefault()?.Course.ResponseRule ?? Rule(definition, "response")),
            PatientCourses.Describe(courses.FirstOrDefault()?.Course.RemissionRule ?? Rule(definition, "remission")),
            definition.OutcomeRules.Any(rule => !rule.Provenance.IsVerified),
            PatientCourses.Rates("All", courses),
            PatientCourses.RatesBy(courses, p => p.Indication, i => i?.ToString() ?? "none recorded"),
            PatientCourses.RatesBy(courses, p => p.Route, r => r.ToString()));
        var changes = MeasureChanges(await source.MeasureEndsAsync(clinicId, filter, ct), cohort, filter);
        var overdue = await OverdueAsync(active, now, ct);
        var clinicians = await DashboardClinicians.ListAsync(db, clinicId, cohort.Values, ct);

        await db.AuditReadAsync("OutcomeDashboard", null, null, clinicId, ct, string.Create(CultureInfo.InvariantCulture, $"aggregate: {cohort.Count} patients"));
        return Outcome<DashboardDto>.Ok(new DashboardDto(
            Applied(filter), active.Count, week, outcomes, changes, safety, overdue, clinicians, DashboardDefinitions.For(outcomes, safety)));
    }

    private static Core.Instruments.Definitions.OutcomeRule? Rule(Core.Instruments.Definitions.InstrumentDefinition definition, string name) =>
        definition.OutcomeRules.FirstOrDefault(rule => rule.Name == name);

    private List<MeasureChangeDto> MeasureChanges(List<MeasureEnds> ends, Dictionary<Guid, CohortPatient> cohort, OutcomeFilter filter) =>
        [.. ends
            .Where(e => cohort.TryGetValue(e.PatientId, out var patient) && patient.InOutcomeCohort(filter))
            .GroupBy(e => e.InstrumentId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var definition = instruments.TryGet(g.Key, out var found) ? found : null;
                var baseline = Math.Round(g.Average(e => e.Baseline), 1);
                var latest = Math.Round(g.Average(e => e.Latest), 1);
                return new MeasureChangeDto(
                    g.Key, definition?.Title ?? g.Key, definition?.Direction == Core.Instruments.Definitions.ScoreDirection.HigherIsBetter ? "higher is better" : "higher is worse",
                    g.Count(), baseline, latest, Math.Round(g.Average(e => e.Latest - e.Baseline), 1));
            })];

    /// <summary>Due items past their overdue time, summed over the active patients (computed per patient, so only for a small clinic).</summary>
    private async Task<OverdueDto> OverdueAsync(List<CohortPatient> active, DateTimeOffset now, CancellationToken ct)
    {
        if (active.Count > OverdueComputeLimit)
        {
            return new OverdueDto(false, null, string.Create(CultureInfo.InvariantCulture,
                $"Not computed: follow-up schedules are worked out per patient, and this view has {active.Count} active patients (limit {OverdueComputeLimit}). Each patient's schedule shows its overdue items."));
        }

        var overdue = 0;
        foreach (var patient in active)
        {
            var schedule = await schedules.ComputeAsync(patient.PatientId, now, ct);
            overdue += schedule?.States.Count(s => s.Status == Core.FollowUp.DueStatus.Overdue) ?? 0;
        }

        return new OverdueDto(true, overdue, "Follow-up measures past their overdue time, over patients with an active plan (from each patient's follow-up schedule).");
    }

    private static AppliedFilterDto Applied(OutcomeFilter filter) => new(
        filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), filter.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        filter.Indication?.ToString(), filter.Route?.ToString(), filter.ClinicianId, filter.InstrumentId);
}
