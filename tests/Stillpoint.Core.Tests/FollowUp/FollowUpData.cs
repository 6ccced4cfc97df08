using Stillpoint.Core.Eligibility;
using Stillpoint.Core.FollowUp;

namespace Stillpoint.Core.Tests.FollowUp;

/// <summary>Builders shared by the follow-up tests. Times are whole minutes from a fixed Monday 09:00 UTC.</summary>
internal static class FollowUpData
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Hours(double hours) => T0.AddHours(hours);

    public static DateTimeOffset Days(double days) => T0.AddDays(days);

    public static Guid Id(int n) => new(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);

    public static DoseSession Dose(int n, double atDays, DoseState state = DoseState.Scheduled) => new(Id(n), Days(atDays), state);

    public static FollowUpPlan Plan(double untilDays, IReadOnlyList<DoseSession> sessions, params Indication[] indications) =>
        new(T0, Days(untilDays), indications.Length == 0 ? [Indication.Depression] : indications, sessions);

    public static MeasureResponse Answer(int n, string instrument, DateTimeOffset at, decimal? total = null) => new(Id(1000 + n), instrument, at, total);

    public static MeasureResponse Phq9(int n, DateTimeOffset at, int item9, decimal total = 5) =>
        new(Id(1000 + n), DefaultScheduleTemplate.Phq9, at, total) { Items = new Dictionary<int, int> { [9] = item9 } };

    public static IReadOnlyList<DueItem> Generate(FollowUpPlan plan, params MeasureResponse[] answers) =>
        ScheduleGenerator.Generate(DefaultScheduleTemplate.Instance, plan, answers);

    public static string SessionKey(string ruleId, int session) => $"{ruleId}/session:{Id(session)}";
}
