using Stillpoint.Core.Instruments.Definitions;
using Stillpoint.Core.Outcomes;
using Stillpoint.Data;
using Stillpoint.Data.Outcomes;

namespace Stillpoint.Web.Dashboard;

/// <summary>"Outcomes:Summaries" (on by default): off makes the outcome pages always stream responses, the reference path.</summary>
public sealed class OutcomeSourceSettings
{
    public bool UseSummaries { get; set; } = true;
}

/// <summary>
/// Where the outcome figures come from. The summary rows (<see cref="OutcomeSummaryRow"/>) hold every measure ever
/// taken, so they answer a range only when it reaches today and no summarised measure lies past its end (a
/// future-dated answer, or a range ending earlier, would have to leave measures out): then the dashboard reads ~10k
/// rows. Otherwise the responses are streamed (<see cref="OutcomeReads"/>). Both give the same figures.
/// </summary>
internal sealed class OutcomeSource(StillpointDbContext db, OutcomeSourceSettings settings, TimeProvider time)
{
    // Scoped (one request): the dashboard asks for courses and for measure ends with the same filter; decide once.
    private readonly Dictionary<(Guid Clinic, OutcomeFilter Filter), bool> _covered = [];

    public async Task<List<PatientCourse>> CoursesAsync(
        Guid clinicId, InstrumentDefinition definition, OutcomeFilter filter, Dictionary<Guid, CohortPatient> cohort, CancellationToken ct)
    {
        if (!await SummariesCoverAsync(clinicId, filter, ct))
        {
            return await PatientCourses.LoadAsync(new OutcomeReads(db), clinicId, definition, filter, cohort, ct);
        }

        var rules = OutcomeCourses.Evaluate(definition, []); // the instrument's rules, no measures
        var courses = new List<PatientCourse>();
        foreach (var row in await new OutcomeSummaryReads(db).CoursesAsync(clinicId, definition.Id, ct))
        {
            if (cohort.TryGetValue(row.PatientId, out var patient) && patient.InOutcomeCohort(filter))
            {
                courses.Add(new PatientCourse(patient, Course(rules, row), row.Measures));
            }
        }

        return courses;
    }

    public async Task<List<MeasureEnds>> MeasureEndsAsync(Guid clinicId, OutcomeFilter filter, CancellationToken ct)
    {
        if (!await SummariesCoverAsync(clinicId, filter, ct))
        {
            return await new OutcomeReads(db).MeasureEndsAsync(clinicId, filter.EndUtc, ct);
        }

        var ends = await new OutcomeSummaryReads(db).EndsAsync(clinicId, ct);
        return [.. ends.Select(e => new MeasureEnds(e.InstrumentId, e.PatientId, OutcomeReads.Total(e.First), OutcomeReads.Total(e.Latest)))];
    }

    private async Task<bool> SummariesCoverAsync(Guid clinicId, OutcomeFilter filter, CancellationToken ct)
    {
        if (!_covered.TryGetValue((clinicId, filter), out var covered))
        {
            covered = _covered[(clinicId, filter)] = await DecideAsync(clinicId, filter, ct);
        }

        return covered;
    }

    private async Task<bool> DecideAsync(Guid clinicId, OutcomeFilter filter, CancellationToken ct)
    {
        if (!settings.UseSummaries || filter.To < DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))
        {
            return false;
        }

        var latest = await new OutcomeSummaryReads(db).LatestMeasureAsync(clinicId, ct);
        return latest is null || latest < filter.EndUtc;
    }

    private static OutcomeCourse Course(OutcomeCourse rules, SummaryCourse row) => rules with
    {
        Baseline = row.BaselineDate is { } day ? new DatedTotal(day, row.BaselineTotal ?? 0) : null,
        ResponseDate = row.ResponseDate,
        RemissionDate = row.RemissionDate,
        RelapseDate = row.RelapseDate,
        Durability = row.ResponseDate is { } start && row.DurabilityEnd is { } end ? new DurabilityObservation(start, end, row.RelapseDate is not null) : null,
    };
}
