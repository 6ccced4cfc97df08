using Stillpoint.Core.Eligibility;

namespace Stillpoint.Core.FollowUp;

/// <summary>Where a dosing session stands, as far as follow-up cares.</summary>
public enum DoseState
{
    /// <summary>Booked and going ahead.</summary>
    Scheduled,

    /// <summary>The dose was given.</summary>
    Dosed,

    /// <summary>Stopped before or during dosing; its items are dropped unless already answered.</summary>
    Aborted,

    /// <summary>The patient did not come; its items are dropped unless already answered.</summary>
    Missed,
}

/// <param name="DoseAt">The dose time: the booked time, or the actual start once dosed. Moving it moves its items.</param>
public sealed record DoseSession(Guid Id, DateTimeOffset DoseAt, DoseState State)
{
    public bool GoesAhead => State is DoseState.Scheduled or DoseState.Dosed;
}

/// <summary>What schedule generation needs from the active plan.</summary>
/// <param name="StartsAt">Recurring measures count from here.</param>
/// <param name="Until">The horizon: recurring occurrences are generated while their anchor is at or before it.</param>
public sealed record FollowUpPlan(DateTimeOffset StartsAt, DateTimeOffset Until, IReadOnlyList<Indication> Indications, IReadOnlyList<DoseSession> Sessions);

/// <summary>A completed questionnaire response (callers pass completed responses only).</summary>
/// <param name="Total">The total, null for instruments without one (C-SSRS screen).</param>
public sealed record MeasureResponse(Guid Id, string InstrumentId, DateTimeOffset AnsweredAt, decimal? Total)
{
    /// <summary>Item number → answer value, as far as the rules need them (PHQ-9 item 9).</summary>
    public IReadOnlyDictionary<int, int> Items { get; init; } = new Dictionary<int, int>();

    /// <summary>The risk level of a risk-level instrument ("none", "low", "moderate", "high").</summary>
    public string? RiskLevel { get; init; }

    public int? Item(int number) => Items.TryGetValue(number, out var value) ? value : null;
}
