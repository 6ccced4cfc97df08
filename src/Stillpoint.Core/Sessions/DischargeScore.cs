using Stillpoint.Core.Common;

namespace Stillpoint.Core.Sessions;

/// <summary>
/// A discharge-readiness score (§12.4): five items each 0–2, total 0–10.
/// PADSS (Chung 1995) items: vital signs, activity (oriented and steady gait), pain/nausea-vomiting, bleeding, intake/output.
/// Modified Aldrete items, in this order: activity, respiration, circulation, consciousness, SpO2.
/// </summary>
public sealed record DischargeScore(DischargeScoreKind Kind, IReadOnlyList<int> Items)
{
    public const int ItemCount = 5; // §12.4: 5 criteria × 0–2, total 10
    public const int ItemMax = 2;

    public int Total => Items.Sum();

    public static Outcome<DischargeScore> Create(DischargeScoreKind kind, IReadOnlyList<int>? items)
    {
        if (kind == DischargeScoreKind.None)
        {
            return Outcome<DischargeScore>.Invalid("kind", "Choose padss or modifiedAldrete.");
        }

        if (items is null || items.Count != ItemCount)
        {
            return Outcome<DischargeScore>.Invalid("items", $"Send exactly {ItemCount} item scores (§12.4).");
        }

        if (items.Any(i => i is < 0 or > ItemMax))
        {
            return Outcome<DischargeScore>.Invalid("items", $"Each item is scored 0–{ItemMax} (§12.4).");
        }

        return Outcome<DischargeScore>.Ok(new DischargeScore(kind, [.. items]));
    }

    /// <summary>PADSS vital-signs item from systolic BP: within 20% of pre-procedure = 2, 20–40% = 1, &gt; 40% = 0 (§12.4).</summary>
    public static int PadssVitalsItem(int baselineSystolic, int currentSystolic) =>
        Band(baselineSystolic, currentSystolic, 20m, 40m);

    /// <summary>Modified Aldrete circulation item: BP within 20% of baseline = 2, 20–50% = 1, &gt; 50% = 0 (§12.4).</summary>
    public static int AldreteCirculationItem(int baselineSystolic, int currentSystolic) =>
        Band(baselineSystolic, currentSystolic, 20m, 50m);

    private static int Band(int baseline, int current, decimal full, decimal partial)
    {
        if (baseline <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(baseline), "The baseline must be positive.");
        }

        var percent = Math.Abs(current - baseline) * 100m / baseline;
        return percent <= full ? 2 : percent <= partial ? 1 : 0;
    }
}
