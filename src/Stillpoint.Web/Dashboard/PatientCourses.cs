using System.Globalization;
using Stillpoint.Core.Instruments.Definitions;
using Stillpoint.Core.Outcomes;

namespace Stillpoint.Web.Dashboard;

/// <summary>One cohort patient's course on the chosen instrument, and how many measures it rests on.</summary>
public sealed record PatientCourse(CohortPatient Patient, OutcomeCourse Course, int Measures)
{
    /// <summary>Evaluable: a baseline and at least one later measure.</summary>
    public bool IsEvaluable => Measures >= 2;
}

/// <summary>Courses for the outcome cohort (domain rules from <see cref="OutcomeCourses"/>), and rates over them.</summary>
internal static class PatientCourses
{
    public static async Task<List<PatientCourse>> LoadAsync(
        OutcomeReads reads, Guid clinicId, InstrumentDefinition definition, OutcomeFilter filter, Dictionary<Guid, CohortPatient> cohort, CancellationToken ct)
    {
        var courses = new List<PatientCourse>();
        await reads.ForEachSeriesAsync(clinicId, definition.Id, filter.EndUtc, (patientId, series) =>
        {
            if (cohort.TryGetValue(patientId, out var patient) && patient.InOutcomeCohort(filter))
            {
                courses.Add(new PatientCourse(patient, OutcomeCourses.Evaluate(definition, series), series.Count));
            }
        }, ct);
        return courses;
    }

    public static RateRowDto Rates(string group, IEnumerable<PatientCourse> courses)
    {
        var evaluable = courses.Where(c => c.IsEvaluable).ToList();
        var responders = evaluable.Count(c => c.Course.ResponseDate is not null);
        var remitters = evaluable.Count(c => c.Course.RemissionDate is not null);
        return new RateRowDto(group, evaluable.Count, responders, Rate(responders, evaluable.Count), remitters, Rate(remitters, evaluable.Count));
    }

    public static IReadOnlyList<RateRowDto> RatesBy<TKey>(IEnumerable<PatientCourse> courses, Func<CohortPatient, TKey> key, Func<TKey, string> label) =>
        [.. courses.GroupBy(c => key(c.Patient)).Select(g => Rates(label(g.Key), g)).OrderBy(row => row.Group, StringComparer.Ordinal)];

    /// <summary>A rule in words, e.g. "≥ 50 % improvement from baseline (clinical-reference §1, unverified — review)".</summary>
    public static string? Describe(OutcomeRule? rule) => rule is null ? null : rule.Kind switch
    {
        OutcomeRuleKind.PercentDrop => Invariant($"≥ {rule.Value} % improvement from baseline"),
        OutcomeRuleKind.PointDrop => Invariant($"≥ {rule.Value}-point improvement from baseline"),
        OutcomeRuleKind.Below => Invariant($"total below {rule.Value}"),
        OutcomeRuleKind.AtMost => Invariant($"total at most {rule.Value}"),
        _ => throw new InvalidOperationException($"Unknown outcome rule kind {rule.Kind}."),
    } + $" ({rule.Provenance.Source}, {rule.Provenance.Status})";

    private static double? Rate(int count, int of) => of == 0 ? null : Math.Round(100.0 * count / of, 1);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
