using Stillpoint.Core.Outcomes;

namespace Stillpoint.Core.Tests.Outcomes;

/// <summary>Published survival data sets used to check the estimator by hand.</summary>
internal static class TextbookData
{
    /// <summary>
    /// Freireich et al. 1963 (Blood 21:699), remission times in weeks of 21 leukaemia patients on 6-MP, as
    /// tabulated in Kleinbaum &amp; Klein, Survival Analysis: A Self-Learning Text, ch. 1–2 (group 1).
    /// Events: 6, 6, 6, 7, 10, 13, 16, 22, 23. Censored (+): 6+, 9+, 10+, 11+, 17+, 19+, 20+, 25+, 32+, 32+, 34+, 35+.
    /// Ties of both kinds at 6 (3 events, 1 censored) and 10 (1 event, 1 censored).
    /// </summary>
    public static IReadOnlyList<SurvivalObservation> SixMp { get; } = Build(
        [6, 6, 6, 7, 10, 13, 16, 22, 23],
        [6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35]);

    /// <summary>
    /// The same study's placebo group (Kleinbaum &amp; Klein group 2): 21 relapses, none censored:
    /// 1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23.
    /// </summary>
    public static IReadOnlyList<SurvivalObservation> Placebo { get; } = Build(
        [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23],
        []);

    /// <summary>
    /// Weeks to discontinuation of an IUD for 18 women, Collett, Modelling Survival Data in Medical Research
    /// (Table 1.1, used for the Kaplan–Meier worked example of ch. 2). Events: 10, 19, 30, 36, 59, 75, 93, 97, 107.
    /// Censored: 13, 18, 23, 38, 54, 56, 104, 107, 107 — so at 107 one event ties with two censorings.
    /// </summary>
    public static IReadOnlyList<SurvivalObservation> Iud { get; } = Build(
        [10, 19, 30, 36, 59, 75, 93, 97, 107],
        [13, 18, 23, 38, 54, 56, 104, 107, 107]);

    public static IReadOnlyList<SurvivalObservation> Build(int[] events, int[] censored) =>
        [.. events.Select(time => new SurvivalObservation(time, true)), .. censored.Select(time => new SurvivalObservation(time, false))];
}
