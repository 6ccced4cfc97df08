using System.Globalization;
using Stillpoint.Core.Common;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Outcomes;
using Stillpoint.Data;

namespace Stillpoint.Web.Dashboard;

/// <summary>
/// Durability of response (staff): for each responder, days from the first response to relapse, or to the last measure
/// while still in response (censored); Kaplan–Meier with Greenwood log-log 95 % bands, overall and split by route,
/// indication or induction sessions. Only each patient's event time and status are kept, from the outcome summaries or
/// streamed from the database (<see cref="OutcomeSource"/>).
/// One aggregate audit entry per read ("OutcomeDurability").
/// </summary>
internal sealed class DurabilityService(StillpointDbContext db, InstrumentLibrary instruments, OutcomeSource source, OutcomeCohortCache cohorts, TimeProvider time)
{
    public const string RelapseRule = "Loss of response: a measure after the first response that no longer meets the response rule against the baseline (clinic default, unverified — review; the clinical reference gives no relapse rule).";

    public async Task<Outcome<DurabilityDto>> GetAsync(OutcomeFilterInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (db.Caller.ClinicId is not { } clinicId || db.Caller.PatientId is not null)
        {
            return Outcome<DurabilityDto>.Forbidden("Durability is for the clinic's staff.");
        }

        var parsed = input.Parse(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), instruments);
        if (parsed.Value is not { } filter)
        {
            return Outcome<DurabilityDto>.Invalid(parsed.Errors!);
        }

        var definition = instruments.Get(filter.InstrumentId);
        var cohort = await cohorts.GetAsync(db, clinicId, ct);
        var courses = await source.CoursesAsync(clinicId, definition, filter, cohort, ct);
        var overall = KaplanMeier.Estimate(courses.Where(c => c.Course.Durability is not null).Select(c => c.Course.Durability!.ToSurvival()));
        var groups = Split(courses, filter.GroupBy);
        var clinicians = await DashboardClinicians.ListAsync(db, clinicId, cohort.Values, ct);

        await db.AuditReadAsync("OutcomeDurability", null, null, clinicId, ct, string.Create(CultureInfo.InvariantCulture, $"aggregate: {courses.Count} patients"));
        var responseRule = PatientCourses.Describe(definition.OutcomeRules.FirstOrDefault(rule => rule.Name == OutcomeCourses.ResponseRuleName));
        return Outcome<DurabilityDto>.Ok(new DurabilityDto(
            new AppliedFilterDto(filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), filter.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), filter.Indication?.ToString(), filter.Route?.ToString(), filter.ClinicianId, filter.InstrumentId),
            definition.Id, definition.Title, filter.GroupBy.ToString(), responseRule, RelapseRule,
            DurabilityCurveDto.From("All responders", overall), groups, clinicians, Definitions(definition.Title, responseRule)));
    }

    private static List<DurabilityCurveDto> Split(List<PatientCourse> courses, DurabilityGrouping grouping) => grouping switch
    {
        DurabilityGrouping.None => [],
        DurabilityGrouping.Route => Curves(courses, c => c.Patient.Route.ToString()),
        DurabilityGrouping.Indication => Curves(courses, c => c.Patient.Indication?.ToString() ?? "none recorded"),
        DurabilityGrouping.InductionSessions => [.. DurabilityGroups.Split(courses, c => c.Patient.InductionSessions, Observation)
            .Select(g => DurabilityCurveDto.From(string.Create(CultureInfo.InvariantCulture, $"{g.Key} induction sessions"), g.Curve))],
        _ => throw new InvalidOperationException($"Unknown grouping {grouping}."),
    };

    private static List<DurabilityCurveDto> Curves(List<PatientCourse> courses, Func<PatientCourse, string> key) =>
        [.. DurabilityGroups.Split(courses, key, Observation).Select(g => DurabilityCurveDto.From(g.Key, g.Curve))];

    private static SurvivalObservation? Observation(PatientCourse course) => course.Course.Durability?.ToSurvival();

    private static IReadOnlyList<DefinitionDto> Definitions(string title, string? responseRule) =>
    [
        new("Responders", responseRule is null ? $"{title} publishes no response rule: no durability." : $"Patients in view whose {title} reached response: {responseRule}."),
        new("Durability", "Days from the first response to relapse (an event), or to the last measure while still in response (censored, marked +)."),
        new("Relapse", RelapseRule),
        new("Kaplan–Meier", "Ŝ(t) = the share still in response t days after responding; events before censorings at tied days; Greenwood variance; 95 % band on the log(−log) scale."),
        new("Median", "The first day Ŝ falls to 0.5 or below; its 95 % interval is where the band's limits cross 0.5 (not reached = the curve stays above)."),
        new("Number at risk", "Responders still observed (in response and not yet censored) on that day."),
    ];
}
