using Stillpoint.Core.Eligibility;

namespace Stillpoint.Core.FollowUp;

/// <summary>
/// Issue 6's default template. The moments come from the issue; the windows are product choices [U],
/// clinic-configurable by editing the template:
/// <list type="bullet">
/// <item>BSRI pre-dose: opens 2 h before, due 15 min before, overdue 5 min before, closes at the dose (a pre-dose state
/// cannot be measured afterwards).</item>
/// <item>BSRI ~40 min after the dose: opens +30 min, due +40 min, overdue +50 min, closes +2 h. No study measured
/// rumination 40 min after ketamine (clinical-reference §13): Stillpoint measures it rather than assumes it.</item>
/// <item>RRS-22 and PTQ baseline: opens 7 days before the first dose, due the day before (as in Vidal 2020, §13),
/// overdue 2 h before, closes at the dose.</item>
/// <item>RRS-22 and PTQ 1 day after each dose: opens +20 h, due +24 h, overdue +30 h, closes +48 h.</item>
/// <item>RRS-22 and PTQ 7 days after each dose: opens +6 d, due +7 d, overdue +8 d, closes +10 d.</item>
/// <item>PHQ-9 weekly from the plan start (occurrence 0 is the baseline): opens −1 d, due 0, overdue +2 d, closes +6 d,
/// so consecutive windows never overlap.</item>
/// <item>GAD-7, and PCL-5 when PTSD is an indication, every 14 days: opens −1 d, due 0, overdue +3 d, closes +13 d.</item>
/// <item>C-SSRS screen when PHQ-9 item 9 ≥ 1 (§1: same-day suicide-risk assessment): opens at the answer, due at once,
/// overdue after 4 h, closes after 24 h.</item>
/// </list>
/// </summary>
public static class DefaultScheduleTemplate
{
    public const string Bsri = "bsri";
    public const string Rrs22 = "rrs22";
    public const string Ptq = "ptq";
    public const string Phq9 = "phq9";
    public const string Gad7 = "gad7";
    public const string Pcl5 = "pcl5";
    public const string CssrsScreen = "cssrs-screen";

    public static WindowSpec PreDose { get; } = new(TimeSpan.FromHours(-2), TimeSpan.FromMinutes(-15), TimeSpan.FromMinutes(-5), TimeSpan.Zero);

    public static WindowSpec FortyMinutesAfter { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(50), TimeSpan.FromHours(2));

    public static WindowSpec Baseline { get; } = new(TimeSpan.FromDays(-7), TimeSpan.FromDays(-1), TimeSpan.FromHours(-2), TimeSpan.Zero);

    public static WindowSpec OneDayAfter { get; } = new(TimeSpan.FromHours(20), TimeSpan.FromHours(24), TimeSpan.FromHours(30), TimeSpan.FromHours(48));

    public static WindowSpec SevenDaysAfter { get; } = new(TimeSpan.FromDays(6), TimeSpan.FromDays(7), TimeSpan.FromDays(8), TimeSpan.FromDays(10));

    public static WindowSpec Weekly { get; } = new(TimeSpan.FromDays(-1), TimeSpan.Zero, TimeSpan.FromDays(2), TimeSpan.FromDays(6));

    public static WindowSpec Fortnightly { get; } = new(TimeSpan.FromDays(-1), TimeSpan.Zero, TimeSpan.FromDays(3), TimeSpan.FromDays(13));

    public static WindowSpec SameDay { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromHours(4), TimeSpan.FromHours(24));

    public static ScheduleTemplate Instance { get; } = new(
        "Default (issue 6)",
        [
            new("bsri-pre", Bsri, ScheduleAnchor.EachDose, PreDose, "BSRI before the dose"),
            new("bsri-post", Bsri, ScheduleAnchor.EachDose, FortyMinutesAfter, "BSRI about 40 min after the dose"),
            new("rrs22-baseline", Rrs22, ScheduleAnchor.FirstDose, Baseline, "RRS-22 baseline"),
            new("ptq-baseline", Ptq, ScheduleAnchor.FirstDose, Baseline, "PTQ baseline"),
            new("rrs22-1d", Rrs22, ScheduleAnchor.EachDose, OneDayAfter, "RRS-22 1 day after the dose"),
            new("ptq-1d", Ptq, ScheduleAnchor.EachDose, OneDayAfter, "PTQ 1 day after the dose"),
            new("rrs22-7d", Rrs22, ScheduleAnchor.EachDose, SevenDaysAfter, "RRS-22 7 days after the dose"),
            new("ptq-7d", Ptq, ScheduleAnchor.EachDose, SevenDaysAfter, "PTQ 7 days after the dose"),
            new("phq9-weekly", Phq9, ScheduleAnchor.Recurring, Weekly, "PHQ-9 weekly") { PeriodDays = 7 },
            new("gad7-2w", Gad7, ScheduleAnchor.Recurring, Fortnightly, "GAD-7 every two weeks") { PeriodDays = 14 },
            new("pcl5-2w", Pcl5, ScheduleAnchor.Recurring, Fortnightly, "PCL-5 every two weeks") { PeriodDays = 14, OnlyFor = Indication.Ptsd },
        ],
        [
            new("cssrs-after-phq9-item9", CssrsScreen, Phq9, 9, 1, SameDay, "C-SSRS screen (PHQ-9 item 9 ≥ 1)"),
        ]);
}
