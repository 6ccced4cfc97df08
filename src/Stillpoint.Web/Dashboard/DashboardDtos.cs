namespace Stillpoint.Web.Dashboard;

/// <summary>The filters as applied (dates yyyy-MM-dd; empty = any).</summary>
public sealed record AppliedFilterDto(string? From, string To, string? Indication, string? Route, Guid? ClinicianId, string Instrument);

/// <summary>A clinician who wrote at least one treatment plan (the clinician filter's choices).</summary>
public sealed record ClinicianOptionDto(Guid Id, string Name);

/// <summary>Dosing sessions scheduled in the current week (Monday 00:00 UTC to Sunday), by what became of them.</summary>
public sealed record WeekSessionsDto(string WeekStart, int Total, int Held, int Upcoming, int Aborted);

/// <summary>Response and remission among evaluable patients of one group; a rate is null when no one is evaluable.</summary>
public sealed record RateRowDto(string Group, int Evaluable, int Responders, double? ResponseRate, int Remitters, double? RemissionRate);

/// <summary>The chosen instrument's response and remission rates, overall and split.</summary>
public sealed record OutcomeRatesDto(
    string Instrument,
    string Title,
    string? ResponseRule,
    string? RemissionRule,
    bool UsesUnverifiedRules,
    RateRowDto Overall,
    IReadOnlyList<RateRowDto> ByIndication,
    IReadOnlyList<RateRowDto> ByRoute);

/// <summary>Mean first (baseline) and latest totals of one instrument among patients measured at least twice.</summary>
public sealed record MeasureChangeDto(string Instrument, string Title, string Direction, int Patients, decimal MeanBaseline, decimal MeanLatest, decimal MeanChange);

/// <summary>Safety figures over the sessions of the date range; a per-100 figure is null when no session was held.</summary>
public sealed record SafetyDto(
    int SessionsHeld,
    int AdverseEvents,
    double? AdverseEventsPer100Sessions,
    int Alerts,
    double? AlertsPer100Sessions,
    string AlertsCounted,
    int GoNoGoChecks,
    int GoNoGoRefusals,
    double? RefusalsPer100Checks);

/// <summary>Overdue follow-up measures, when the follow-up schedules are available.</summary>
public sealed record OverdueDto(bool Available, int? Overdue, string Note);

/// <summary>What one figure counts.</summary>
public sealed record DefinitionDto(string Term, string Meaning);

public sealed record DashboardDto(
    AppliedFilterDto Filter,
    int ActivePatients,
    WeekSessionsDto SessionsThisWeek,
    OutcomeRatesDto Outcomes,
    IReadOnlyList<MeasureChangeDto> MeasureChanges,
    SafetyDto Safety,
    OverdueDto OverdueFollowUps,
    IReadOnlyList<ClinicianOptionDto> Clinicians,
    IReadOnlyList<DefinitionDto> Definitions);
