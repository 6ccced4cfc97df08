using Stillpoint.Core.FollowUp;

namespace Stillpoint.Core.Tests.FollowUp;

public sealed class ScheduleTemplateTests
{
    [Fact]
    public void DefaultTemplate_IsValid()
    {
        Assert.True(DefaultScheduleTemplate.Instance.Validate().IsEmpty);
    }

    public static TheoryData<int, int, int, int, bool> Windows => new()
    {
        // opens, due, overdue-after, closes (minutes) → valid?
        { -10, 0, 5, 10, true },
        { 0, 0, 0, 10, true },
        { -10, -10, -10, 0, true },
        { 5, 0, 5, 10, false },   // opens after due
        { 0, 5, 0, 10, false },   // overdue before due
        { 0, 0, 20, 10, false },  // overdue after closes
        { 0, 0, 0, 0, false },    // empty window
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void Window_Validation(int opens, int due, int overdue, int closes, bool valid)
    {
        var errors = new Common.ValidationErrors();
        new WindowSpec(TimeSpan.FromMinutes(opens), TimeSpan.FromMinutes(due), TimeSpan.FromMinutes(overdue), TimeSpan.FromMinutes(closes)).Validate("window", errors);
        Assert.Equal(valid, errors.IsEmpty);
    }

    [Fact]
    public void Window_At_AddsOffsetsToTheAnchor()
    {
        var window = DefaultScheduleTemplate.FortyMinutesAfter.At(FollowUpData.T0);
        Assert.Equal(new DueWindow(FollowUpData.T0.AddMinutes(30), FollowUpData.T0.AddMinutes(40), FollowUpData.T0.AddMinutes(50), FollowUpData.T0.AddHours(2)), window);
    }

    public static TheoryData<string, string> BrokenTemplates => new()
    {
        { "duplicate-id", "rules[1].id" },
        { "zero-period", "rules[0].periodDays" },
        { "no-instrument", "rules[0].instrumentId" },
        { "trigger-opens-early", "triggers[0].window" },
        { "bad-window", "rules[0].window" },
        { "no-name", "name" },
    };

    [Theory]
    [MemberData(nameof(BrokenTemplates))]
    public void BrokenTemplate_NamesTheField(string broken, string field)
    {
        var weekly = DefaultScheduleTemplate.Weekly;
        var rule = new ScheduleRule("r", "phq9", ScheduleAnchor.Recurring, weekly, "PHQ-9") { PeriodDays = 7 };
        var trigger = new TriggerRule("t", "cssrs-screen", "phq9", 9, 1, DefaultScheduleTemplate.SameDay, "C-SSRS");
        var template = broken switch
        {
            "duplicate-id" => new ScheduleTemplate("x", [rule, rule], []),
            "zero-period" => new ScheduleTemplate("x", [rule with { PeriodDays = 0 }], []),
            "no-instrument" => new ScheduleTemplate("x", [rule with { InstrumentId = " " }], []),
            "trigger-opens-early" => new ScheduleTemplate("x", [rule], [trigger with { Window = weekly }]),
            "bad-window" => new ScheduleTemplate("x", [rule with { Window = weekly with { Closes = TimeSpan.FromDays(-2) } }], []),
            "no-name" => new ScheduleTemplate("", [rule], [trigger]),
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };

        var errors = template.Validate().ToDictionary();
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Generate_RefusesAnInvalidTemplate()
    {
        var rule = new ScheduleRule("r", "phq9", ScheduleAnchor.Recurring, DefaultScheduleTemplate.Weekly, "PHQ-9");
        var template = new ScheduleTemplate("x", [rule], []);
        var error = Assert.Throws<ArgumentException>(() => ScheduleGenerator.Generate(template, FollowUpData.Plan(7, []), []));
        Assert.Contains("rules[0].periodDays", error.Message, StringComparison.Ordinal);
    }
}
