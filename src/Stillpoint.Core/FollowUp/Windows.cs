using Stillpoint.Core.Common;

namespace Stillpoint.Core.FollowUp;

/// <summary>
/// A due item's window as offsets from its anchor (a dose, the first dose, a recurrence, a triggering answer).
/// Before <see cref="Opens"/> the item is upcoming; from it until <see cref="OverdueAfter"/> it is due (the target
/// time is <see cref="Due"/>); then overdue until <see cref="Closes"/>; after that it is missed. An answer counts
/// for the item only when given in [Opens, Closes).
/// </summary>
public sealed record WindowSpec(TimeSpan Opens, TimeSpan Due, TimeSpan OverdueAfter, TimeSpan Closes)
{
    public DueWindow At(DateTimeOffset anchor) => new(anchor + Opens, anchor + Due, anchor + OverdueAfter, anchor + Closes);

    /// <summary>Adds an error under <paramref name="field"/> unless Opens ≤ Due ≤ OverdueAfter ≤ Closes and Opens &lt; Closes.</summary>
    public void Validate(string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Opens > Due || Due > OverdueAfter || OverdueAfter > Closes || Opens >= Closes)
        {
            errors.Add(field, "The window must satisfy opens ≤ due ≤ overdue-after ≤ closes, with opens before closes.");
        }
    }
}

/// <summary>A window in absolute time (UTC).</summary>
public sealed record DueWindow(DateTimeOffset Opens, DateTimeOffset Due, DateTimeOffset OverdueAfter, DateTimeOffset Closes)
{
    /// <summary>True when an answer given at <paramref name="at"/> counts for this window: [Opens, Closes).</summary>
    public bool Contains(DateTimeOffset at) => at >= Opens && at < Closes;
}
