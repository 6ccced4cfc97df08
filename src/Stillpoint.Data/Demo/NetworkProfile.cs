using Stillpoint.Core.Eligibility;
using Stillpoint.Core.Plans;

namespace Stillpoint.Data.Demo;

/// <summary>How a synthetic patient's symptoms move after the first dosing session.</summary>
public enum NetworkCourse
{
    /// <summary>Falls to well under half of baseline and stays there.</summary>
    SustainedResponder,

    /// <summary>Falls to under half of baseline, then climbs back (a relapse), sometimes met by a booster.</summary>
    RelapsingResponder,

    /// <summary>Improves, but by less than half.</summary>
    Partial,

    /// <summary>Barely changes.</summary>
    NonResponder,
}

/// <summary>
/// One synthetic patient of the network clinic: everything random about them, drawn once from a generator seeded
/// by their index, so patient i is the same on every run (an interrupted seed resumes with the same people).
/// Days count from <see cref="Start"/> (the first dosing session); the follow-up ends on day <see cref="FollowUpDays"/>.
/// All numbers are invented to look plausible, not taken from any study.
/// </summary>
public sealed record NetworkProfile(
    int Index,
    DateOnly Start,
    int FollowUpDays,
    bool StillActive,
    Route Route,
    Indication Indication,
    int InductionSessions,
    int ClinicianIndex,
    NetworkCourse Course,
    double Nadir,
    int ResponseDay,
    int? RelapseDay,
    bool BoosterAfterRelapse,
    bool MonthlyMaintenance,
    int Phq9Baseline)
{
    /// <summary>Longest course followed (days after the first session).</summary>
    public const int MaxFollowUpDays = 420;

    /// <summary>How far back the earliest first session lies.</summary>
    public const int EnrolmentWindowDays = 730;

    private static readonly (Route Route, int Weight, double ResponseBonus)[] Routes =
    [
        (Route.IV, 45, 0.08), (Route.Intranasal, 25, 0), (Route.IM, 15, 0.04), (Route.Oral, 10, -0.12), (Route.Sublingual, 5, -0.08),
    ];

    private static readonly (Indication Indication, int Weight)[] Indications =
    [
        (Indication.TreatmentResistantDepression, 40), (Indication.Depression, 25), (Indication.Ptsd, 12),
        (Indication.Anxiety, 10), (Indication.BipolarDepression, 8), (Indication.Ocd, 5),
    ];

    private static readonly (int Sessions, int Weight)[] Inductions = [(4, 20), (6, 60), (8, 20)];

    public static NetworkProfile Draw(int index, int seed, DateOnly today, int clinicians)
    {
        var random = new Random(unchecked((seed * 397) ^ index)); // not HashCode.Combine: that is salted per process
        var (route, responseBonus) = Pick(random, Routes.Select(r => ((r.Route, r.ResponseBonus), r.Weight)));
        var indication = Pick(random, Indications.Select(i => (i.Indication, i.Weight)));
        var induction = Pick(random, Inductions.Select(i => (i.Sessions, i.Weight)));
        var start = today.AddDays(-random.Next(0, EnrolmentWindowDays));
        var planned = random.Next(56, MaxFollowUpDays + 1);
        var elapsed = today.DayNumber - start.DayNumber;
        var course = DrawCourse(random, responseBonus + ((induction - 6) * 0.02));
        var responseDay = random.Next(5, 29);

        // Relapse hazard falls with more induction sessions and on IV: the durability splits have something to show.
        var meanDaysToRelapse = 70 + ((induction - 4) * 15) + (route == Route.IV ? 30 : 0);
        int? relapseDay = course == NetworkCourse.RelapsingResponder
            ? responseDay + 7 + (int)(-Math.Log(1 - random.NextDouble()) * meanDaysToRelapse)
            : null;
        var nadir = course switch
        {
            NetworkCourse.SustainedResponder or NetworkCourse.RelapsingResponder => 0.15 + (random.NextDouble() * 0.3),
            NetworkCourse.Partial => 0.58 + (random.NextDouble() * 0.17),
            NetworkCourse.NonResponder => 0.82 + (random.NextDouble() * 0.2),
            _ => throw new InvalidOperationException($"Unknown course {course}."),
        };
        return new NetworkProfile(
            index, start, Math.Min(planned, elapsed), planned > elapsed, route, indication, induction, random.Next(clinicians),
            course, nadir, responseDay, relapseDay, random.NextDouble() < 0.5, random.NextDouble() < 0.2, random.Next(12, 25));
    }

    /// <summary>Relative severity on a day (1 = baseline), before measurement noise.</summary>
    public double Severity(int day)
    {
        if (day <= 0)
        {
            return 1;
        }

        // Exponential approach to the nadir, about 95 % of the way there by the response day.
        var approach = 1 - Math.Exp(-3.0 * day / ResponseDay);
        var level = 1 - ((1 - Nadir) * approach);
        if (RelapseDay is not { } relapse || day < relapse)
        {
            return level;
        }

        var relapsed = Math.Min(1, Nadir + 0.55);
        return BoosterAfterRelapse && day >= relapse + 10 ? Math.Min(relapsed, Nadir + 0.2) : relapsed;
    }

    private static NetworkCourse DrawCourse(Random random, double responseBonus)
    {
        var roll = random.NextDouble() - responseBonus;
        return roll switch
        {
            < 0.33 => NetworkCourse.SustainedResponder,
            < 0.58 => NetworkCourse.RelapsingResponder,
            < 0.8 => NetworkCourse.Partial,
            _ => NetworkCourse.NonResponder,
        };
    }

    private static T Pick<T>(Random random, IEnumerable<(T Value, int Weight)> weighted)
    {
        var options = weighted.ToList();
        var roll = random.Next(options.Sum(option => option.Weight));
        foreach (var (value, weight) in options)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return options[^1].Value;
    }
}
