using Stillpoint.Core.Eligibility;

namespace Stillpoint.Core.Plans;

/// <summary>Route of administration (issue 4: IV, IM, intranasal, oral, sublingual).</summary>
public enum Route
{
    IV,
    IM,
    Intranasal,
    Oral,
    Sublingual,
}

public enum DoseMode
{
    /// <summary>mg/kg from the latest weight, rounded to a clinic-set step, capped by a maximum.</summary>
    PerKg,

    /// <summary>A fixed dose in mg (e.g. intranasal esketamine 56 or 84 mg).</summary>
    Flat,
}

/// <summary>How the dose of every session is computed. Only the fields of the chosen mode are used.</summary>
public sealed record DoseSpec(DoseMode Mode, decimal? MgPerKg = null, decimal? RoundingStepMg = null, decimal? MaxMg = null, decimal? FlatMg = null);

/// <summary>The content of one plan revision; the dose of any session is reproducible from it and the weight used.</summary>
public sealed record PlanContent
{
    public IReadOnlyList<Indication> Indications { get; init; } = [];

    public Route Route { get; init; }

    public DoseSpec Dose { get; init; } = new(DoseMode.PerKg);

    /// <summary>IV only: how long the infusion runs.</summary>
    public int? InfusionMinutes { get; init; }

    public int SessionCount { get; init; }

    /// <summary>e.g. "3 per week (Mon/Wed/Fri)".</summary>
    public string? Frequency { get; init; }

    public int? CourseWeeks { get; init; }

    /// <summary>The patient's intention, in their own words.</summary>
    public string? Intention { get; init; }

    /// <summary>Instrument ids to track (e.g. phq9, rrs22, bsri).</summary>
    public IReadOnlyList<string> Measures { get; init; } = [];
}
