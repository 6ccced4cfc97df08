using Stillpoint.Core.Patients;

namespace Stillpoint.Core.Interop;

/// <summary>
/// What an export contains, as plain values (the data layer fills it; formats are built from it).
/// Responses are current complete ones only: drafts and superseded responses are not exported.
/// </summary>
public sealed record ExportSet(IReadOnlyList<ExportPatient> Patients);

public sealed record ExportPatient(
    Guid Id,
    string Mrn,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    Sex Sex,
    string? Email,
    string? Phone,
    IReadOnlyList<ExportResponse> Responses,
    IReadOnlyList<ExportSession> Sessions);

public sealed record ExportResponse(
    Guid Id,
    string InstrumentId,
    string InstrumentVersion,
    string Context,
    DateTimeOffset AnsweredAt,
    Guid? SessionId,
    IReadOnlyList<int?> Answers,
    decimal? Total,
    string? Severity,
    IReadOnlyDictionary<string, decimal> Subscales);

/// <summary>A dosing session; <see cref="AdministeredDoseMg"/> sums its administrations.</summary>
public sealed record ExportSession(
    Guid Id,
    string Phase,
    DateTimeOffset ScheduledFor,
    DateTimeOffset? CheckedInAt,
    DateTimeOffset? DosingStartedAt,
    DateTimeOffset? DosingEndedAt,
    DateTimeOffset? FinishedAt,
    decimal? ComputedDoseMg,
    decimal? AdministeredDoseMg,
    string? GoNoGo,
    IReadOnlyList<ExportVitals> Vitals);

/// <summary>One set of vital signs as recorded (any value may be missing).</summary>
public sealed record ExportVitals(
    Guid Id,
    DateTimeOffset At,
    string Phase,
    string Source,
    int? Systolic,
    int? Diastolic,
    int? HeartRate,
    int? SpO2,
    int? RespiratoryRate);
