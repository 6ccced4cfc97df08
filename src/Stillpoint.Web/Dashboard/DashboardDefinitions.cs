namespace Stillpoint.Web.Dashboard;

/// <summary>What each dashboard figure counts, shown beside the figures and returned by the API.</summary>
internal static class DashboardDefinitions
{
    public static IReadOnlyList<DefinitionDto> For(OutcomeRatesDto outcomes, SafetyDto safety) =>
    [
        new("Patients in the figures", "Patients with a treatment plan beyond draft; each is grouped by their latest plan: its first indication, its route, its number of induction sessions and the clinician who wrote it. Indication, route and clinician filters select on these."),
        new("Date range", "Sessions, adverse events, alerts and go/no-go decisions count when they happened in the range (UTC days, both ends included). Outcome figures cover patients whose treatment started (plan activation) in the range, using their measures up to the end of the range."),
        new("Active patients", "Patients whose latest plan is active (not limited by the date range)."),
        new("Sessions this week", "Dosing sessions scheduled from Monday to Sunday of the current week (UTC): held = dosing started; upcoming = not yet dosed; aborted."),
        new("Evaluable", $"A patient with a baseline {outcomes.Title} (their first complete measure) and at least one later measure. Corrected responses count as corrected; drafts never count."),
        new("Response", outcomes.ResponseRule is { } response ? $"At any later measure: {response}." : $"{outcomes.Title} publishes no response rule: no response rate."),
        new("Remission", outcomes.RemissionRule is { } remission ? $"At any later measure: {remission}." : $"{outcomes.Title} publishes no remission rule: no remission rate."),
        new("Rates", "Responders (or remitters) as a percentage of evaluable patients in the group."),
        new("Average change per measure", "Mean of (latest − first) total over patients measured at least twice on that instrument. For BSRI (state rumination, taken before and after doses) the first and latest may be pre- or post-dose."),
        new("Per 100 sessions", $"Count × 100 ÷ sessions held (dosing started) in the range ({safety.SessionsHeld}). Alerts counted: {safety.AlertsCounted}."),
        new("Go/no-go refusals", "Sessions whose go/no-go check said no-go, per 100 sessions with a go/no-go decision in the range."),
    ];
}
