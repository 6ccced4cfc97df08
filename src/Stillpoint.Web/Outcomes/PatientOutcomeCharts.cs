using System.Globalization;
using Stillpoint.Web.Charts;

namespace Stillpoint.Web.Outcomes;

/// <summary>The outcome page's and report's charts, built from the same figures the API returns.</summary>
internal static class PatientOutcomeCharts
{
    public static readonly ChartMarkerKind DosingSession = ChartMarkerKind.Dose with { Key = "dosing-sessions", Name = "dosing session" };

    public static readonly ChartMarkerKind BoosterSession = ChartMarkerKind.Booster with { Key = "booster-sessions" };

    /// <summary>The instrument's totals over time over its severity bands, with every dosed session marked.</summary>
    public static ChartModel Trajectory(InstrumentOutcomeDto instrument, IReadOnlyList<SessionMarkDto> sessions, string idPrefix = "trajectory")
    {
        var name = ShortName(instrument.Title);
        var points = instrument.Scores.Select(s => ChartPoint.At(s.AnsweredAt, (double)s.Total, PointTitle(instrument, name, s))).ToList();
        return new ChartModel
        {
            Id = $"{idPrefix}-{instrument.Instrument}",
            CssClass = "outcome-chart",
            Title = $"{name} total over time",
            X = ChartXAxis.Time(),
            Y = new ChartYAxis($"{name} total") { Min = instrument.RangeMin, Max = instrument.RangeMax },
            Series = [new ChartSeries($"{name} total", points) { Key = "scores" }],
            Bands = Bands(instrument),
            Markers = [.. sessions.Select(Marker)],
        };
    }

    /// <summary>BSRI before and after the dose, one dumbbell per session.</summary>
    public static ChartModel StatePairs(StatePairsDto pairs, int rangeMax, string id = "state-pairs") => new()
    {
        Id = id,
        CssClass = "outcome-chart pairs-chart",
        Title = "State rumination (BSRI) before and about 40 minutes after each dose",
        Height = 240,
        X = ChartXAxis.Categories("dosed session"),
        Y = new ChartYAxis("BSRI total") { Min = 0, Max = rangeMax },
        PairNames = ("pre-dose", "post-dose"),
        Pairs = [.. pairs.Pairs.Select(p => new ChartPair(SessionCode(p.Number, p.Booster), (double?)p.PreDose, (double?)p.PostDose)
        {
            Title = $"dosed {Day(p.DosedAt)}" + (p.PostMinutesAfterDose is { } m ? string.Create(CultureInfo.InvariantCulture, $", post-dose at {m:0} min") : string.Empty),
        })],
    };

    public static string SessionCode(int number, bool booster) => booster ? $"B{number}" : $"S{number}";

    /// <summary>"PHQ-9" from "Patient Health Questionnaire-9 (PHQ-9)".</summary>
    public static string ShortName(string title)
    {
        var open = title.LastIndexOf('(');
        return open >= 0 && title.EndsWith(')') ? title[(open + 1)..^1] : title;
    }

    public static string Day(DateTimeOffset at) => OutcomeLabels.Day(PatientOutcomeService.DateOf(at));

    private static ChartMarker Marker(SessionMarkDto session) => ChartMarker.At(
        session.DosedAt,
        $"{(session.Booster ? "Booster session" : "Dosing session")} {session.Number}, dosed {Day(session.DosedAt)}",
        session.Booster ? BoosterSession : DosingSession,
        SessionCode(session.Number, session.Booster));

    /// <summary>Severity bands tile the scale: each runs from its minimum to the next band's (the last to the scale's top).</summary>
    private static List<ChartBand> Bands(InstrumentOutcomeDto instrument)
    {
        var bands = instrument.Bands.OrderBy(b => b.Min).ToList();
        var worseUp = instrument.Direction == "higher-is-worse";
        return [.. bands.Select((b, i) => new ChartBand(b.Min, i + 1 < bands.Count ? bands[i + 1].Min : Math.Max(b.Max, instrument.RangeMax), $"{b.Name} {b.Min}–{b.Max}")
        {
            Tone = bands.Count < 2 ? 0 : (int)Math.Round((worseUp ? i : bands.Count - 1 - i) * 4.0 / (bands.Count - 1)),
        })];
    }

    private static string PointTitle(InstrumentOutcomeDto instrument, string name, ScorePointDto score)
    {
        var role = score.ResponseId == instrument.Baseline?.ResponseId ? " — baseline" : score.ResponseId == instrument.Latest?.ResponseId ? " — latest" : string.Empty;
        var severity = score.Severity is null ? string.Empty : $" ({score.Severity})";
        return $"{Day(score.AnsweredAt)}: {name} {OutcomeLabels.Num(score.Total)}{severity}, {score.Context}{role}";
    }
}
