using Stillpoint.Core.Eligibility;
using Stillpoint.Core.FollowUp;
using static Stillpoint.Core.Tests.FollowUp.FollowUpData;

namespace Stillpoint.Core.Tests.FollowUp;

public sealed class ScheduleGeneratorTests
{
    public static TheoryData<string, string, int, int> OneDoseItems => new()
    {
        // rule, instrument, due minutes from the dose, closes minutes from the dose
        { "bsri-pre", "bsri", -15, 0 },
        { "bsri-post", "bsri", 40, 120 },
        { "rrs22-baseline", "rrs22", -1440, 0 },
        { "ptq-baseline", "ptq", -1440, 0 },
        { "rrs22-1d", "rrs22", 1440, 2880 },
        { "ptq-1d", "ptq", 1440, 2880 },
        { "rrs22-7d", "rrs22", 10080, 14400 },
        { "ptq-7d", "ptq", 10080, 14400 },
    };

    [Theory]
    [MemberData(nameof(OneDoseItems))]
    public void OneDose_GeneratesEachDoseItemAtItsTime(string rule, string instrument, int dueMinutes, int closesMinutes)
    {
        var dose = Days(2);
        var items = Generate(Plan(0, [Dose(1, 2)]));
        var item = Assert.Single(items, i => i.Key == SessionKey(rule, 1));
        Assert.Equal(instrument, item.InstrumentId);
        Assert.Equal(dose.AddMinutes(dueMinutes), item.Window.Due);
        Assert.Equal(dose.AddMinutes(closesMinutes), item.Window.Closes);
    }

    [Fact]
    public void OneDose_NoPtsd_HasExactlyTheDefaultItems()
    {
        var keys = Generate(Plan(0, [Dose(1, 2)])).Select(i => i.Key).Order(StringComparer.Ordinal);
        string[] expected =
        [
            "gad7-2w/occurrence:0", "phq9-weekly/occurrence:0",
            SessionKey("bsri-post", 1), SessionKey("bsri-pre", 1), SessionKey("ptq-1d", 1), SessionKey("ptq-7d", 1), SessionKey("ptq-baseline", 1),
            SessionKey("rrs22-1d", 1), SessionKey("rrs22-7d", 1), SessionKey("rrs22-baseline", 1),
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys);
    }

    public static TheoryData<double, int, int, int> Recurrences => new()
    {
        // horizon days → PHQ-9, GAD-7, PCL-5 (PTSD) occurrences
        { 0, 1, 1, 1 },
        { 6.9, 1, 1, 1 },
        { 7, 2, 1, 1 },
        { 13, 2, 1, 1 },
        { 14, 3, 2, 2 },
        { 27, 4, 2, 2 },
        { 28, 5, 3, 3 },
    };

    [Theory]
    [MemberData(nameof(Recurrences))]
    public void Recurring_RunFromPlanStartToTheHorizon(double untilDays, int phq9, int gad7, int pcl5)
    {
        var items = Generate(Plan(untilDays, [], Indication.Ptsd));
        Assert.Equal(phq9, items.Count(i => i.InstrumentId == "phq9"));
        Assert.Equal(gad7, items.Count(i => i.InstrumentId == "gad7"));
        Assert.Equal(pcl5, items.Count(i => i.InstrumentId == "pcl5"));
        Assert.All(items.Where(i => i.InstrumentId == "phq9"), (i, n) => Assert.Equal(Days(7 * n), i.Window.Due));
        Assert.All(items.Where(i => i.InstrumentId == "pcl5"), (i, n) => Assert.Equal(Days(14 * n), i.Window.Due));
    }

    public static TheoryData<Indication[], bool> Pcl5Cases => new()
    {
        { [Indication.Depression], false },
        { [Indication.Ptsd], true },
        { [Indication.TreatmentResistantDepression, Indication.Ptsd], true },
        { [Indication.Anxiety, Indication.Ocd], false },
    };

    [Theory]
    [MemberData(nameof(Pcl5Cases))]
    public void Pcl5_OnlyWhenPtsdIsAnIndication(Indication[] indications, bool expected)
    {
        var items = Generate(Plan(28, [Dose(1, 1)], indications));
        Assert.Equal(expected, items.Any(i => i.InstrumentId == "pcl5"));
    }

    [Fact]
    public void NoSessions_NoDoseOrBaselineItems()
    {
        var items = Generate(Plan(0, []));
        Assert.Equal(["gad7", "phq9"], items.Select(i => i.InstrumentId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MovedSession_MovesItsItems_KeepingTheirKeys()
    {
        var before = Generate(Plan(0, [Dose(1, 2), Dose(2, 14)]));
        var after = Generate(Plan(0, [Dose(1, 2), Dose(2, 15)]));
        Assert.Equal(before.Select(i => i.Key).Order(StringComparer.Ordinal), after.Select(i => i.Key).Order(StringComparer.Ordinal));
        foreach (var moved in after.Where(i => i.Sources[0].SessionId == Id(2)))
        {
            var original = before.Single(i => i.Key == moved.Key);
            Assert.Equal(original.Window.Due.AddDays(1), moved.Window.Due);
        }

        Assert.All(after.Where(i => i.Sources[0].SessionId == Id(1)), i => Assert.Contains(i, before));
    }

    [Fact]
    public void MovingTheFirstSession_MovesTheBaseline()
    {
        var items = Generate(Plan(0, [Dose(1, 3), Dose(2, 5)]));
        Assert.Equal(Days(2), items.Single(i => i.Key == SessionKey("rrs22-baseline", 1)).Window.Due);
    }

    public static TheoryData<DoseState, bool> States => new()
    {
        { DoseState.Scheduled, true },
        { DoseState.Dosed, true },
        { DoseState.Aborted, false },
        { DoseState.Missed, false },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void SessionThatDoesNotGoAhead_LosesItsUnansweredItems(DoseState state, bool kept)
    {
        var items = Generate(Plan(0, [Dose(1, 2), Dose(2, 4, state)]));
        Assert.Equal(kept ? 6 : 0, items.Count(i => i.Sources.Any(s => s.SessionId == Id(2))));
        Assert.Equal(8, items.Count(i => i.Sources.Any(s => s.SessionId == Id(1))));
    }

    [Fact]
    public void AbortedSession_KeepsAnItemAlreadyAnswered()
    {
        var preDoseAnswer = Answer(1, "bsri", Days(4).AddMinutes(-20), 30);
        var items = Generate(Plan(0, [Dose(1, 2), Dose(2, 4, DoseState.Aborted)]), preDoseAnswer);
        var kept = Assert.Single(items, i => i.Sources.Any(s => s.SessionId == Id(2)));
        Assert.Equal(SessionKey("bsri-pre", 2), kept.Key);
    }

    [Fact]
    public void AbortedSession_AnswerOfAnotherInstrument_DoesNotKeepItsItems()
    {
        var items = Generate(Plan(0, [Dose(1, 2), Dose(2, 4, DoseState.Aborted)]), Answer(1, "phq9", Days(4).AddMinutes(-20), 3));
        Assert.DoesNotContain(items, i => i.Sources.Any(s => s.SessionId == Id(2)));
    }

    [Fact]
    public void AbortedFirstSession_MovesTheBaselineToTheNextDose()
    {
        var items = Generate(Plan(0, [Dose(1, 2, DoseState.Aborted), Dose(2, 4)]));
        Assert.Equal(Days(3), items.Single(i => i.Key == SessionKey("rrs22-baseline", 2)).Window.Due);
        Assert.DoesNotContain(items, i => i.Key == SessionKey("rrs22-baseline", 1));
    }

    public static TheoryData<double, int> SecondDoseGaps => new()
    {
        // Days between two doses → RRS-22 items. Per dose: 1d (due +1, window [+20 h, +48 h)) and 7d (due +7, window
        // [+6, +10)); one baseline. Five sources; an item due inside an earlier kept window of the same instrument merges.
        { 2, 4 },   // 7d of dose 2 (day 9) lies in the 7d window of dose 1 [6, 10)
        { 3, 5 },   // 7d of dose 2 (day 10): the window closes at day 10 (exclusive)
        { 4, 5 },   // 1d of dose 2 (day 5) and 7d of dose 1 (day 7) are apart
        { 5.5, 4 }, // 7d of dose 1 (day 7) lies in the 1d window of dose 2 [6.33, 7.5)
        { 6, 4 },   // 7d of dose 1 and 1d of dose 2 both due on day 7
        { 7, 4 },   // 1d of dose 2 (day 8) lies in the 7d window of dose 1 [6, 10)
        { 9, 5 },   // 1d of dose 2 (day 10): window closed
    };

    [Theory]
    [MemberData(nameof(SecondDoseGaps))]
    public void CoincidingWindows_AreMergedIntoOneItem(double gapDays, int rrsItems)
    {
        var items = Generate(Plan(0, [Dose(1, 0), Dose(2, gapDays)]));
        Assert.Equal(rrsItems, items.Count(i => i.InstrumentId == "rrs22"));
        Assert.Equal(rrsItems, items.Count(i => i.InstrumentId == "ptq"));
        Assert.Equal(5, items.Where(i => i.InstrumentId == "rrs22").Sum(i => i.Sources.Count));
    }

    [Fact]
    public void MergedItem_KeepsTheEarlierWindow_AndNamesBothSources()
    {
        var items = Generate(Plan(0, [Dose(1, 0), Dose(2, 6)]));
        var merged = Assert.Single(items, i => i.InstrumentId == "rrs22" && i.Sources.Count == 2);
        Assert.Equal(SessionKey("rrs22-1d", 2), merged.Key); // both due at day 7 09:00; key order breaks the tie
        Assert.Equal(Days(7), merged.Window.Due);
        Assert.Equal([SessionKey("rrs22-1d", 2), SessionKey("rrs22-7d", 1)], merged.Sources.Select(s => s.Key));
        Assert.Equal("RRS-22 1 day after the dose; RRS-22 7 days after the dose", merged.Label);
    }

    public static TheoryData<int, int, int> Dedup => new()
    {
        // second item's due (hours) → count; first item window opens 0, due 1, overdue 2, closes 10
        { 0, 0, 1 },     // identical
        { 9, 0, 1 },     // due inside the window
        { 10, 0, 2 },    // due at close (exclusive)
        { -1, 0, 2 },    // the second is kept first; the first's due (1) is outside its window [-2, 0.5)
        { 5, 1, 2 },     // other instrument: never merged
    };

    [Theory]
    [MemberData(nameof(Dedup))]
    public void Deduplicate_PerInstrument(int secondDueHours, int otherInstrument, int expected)
    {
        var first = new DueItem("rrs22", new DueWindow(Hours(0), Hours(1), Hours(2), Hours(10)), [new("a", "A", Occurrence: 0)]);
        var second = new DueItem(otherInstrument == 1 ? "ptq" : "rrs22", new DueWindow(Hours(secondDueHours - 1), Hours(secondDueHours), Hours(secondDueHours + 1), Hours(secondDueHours + 1.5)), [new("b", "B", Occurrence: 0)]);
        Assert.Equal(expected, ScheduleGenerator.Deduplicate([second, first]).Count);
    }

    public static TheoryData<string, int?, int> Triggers => new()
    {
        // instrument, item 9 → C-SSRS items
        { "phq9", 0, 0 },
        { "phq9", 1, 1 },
        { "phq9", 3, 1 },
        { "phq9", null, 0 },
        { "gad7", 3, 0 },
    };

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Trigger_CssrsAfterPhq9Item9(string instrument, int? item9, int expected)
    {
        var answer = new MeasureResponse(Id(7), instrument, Days(3), 12)
        {
            Items = item9 is { } value ? new Dictionary<int, int> { [9] = value } : new Dictionary<int, int>(),
        };
        var cssrs = Generate(Plan(0, []), answer).Where(i => i.InstrumentId == "cssrs-screen").ToList();
        Assert.Equal(expected, cssrs.Count);
        if (expected == 1)
        {
            Assert.Equal($"cssrs-after-phq9-item9/response:{Id(7)}", cssrs[0].Key);
            Assert.Equal(new DueWindow(Days(3), Days(3), Days(3).AddHours(4), Days(4)), cssrs[0].Window);
        }
    }

    [Fact]
    public void Generation_IsRepeatable_AndOrderedByDue()
    {
        var plan = Plan(28, [Dose(3, 9), Dose(1, 2), Dose(2, 4)], Indication.Ptsd);
        var first = Generate(plan);
        Assert.Equal(first, Generate(plan));
        Assert.Equal(first.OrderBy(i => i.Window.Due).Select(i => i.Window.Due), first.Select(i => i.Window.Due));
    }
}
