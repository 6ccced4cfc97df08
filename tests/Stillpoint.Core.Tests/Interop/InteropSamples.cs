using Stillpoint.Core.Interop;
using Stillpoint.Core.Patients;

namespace Stillpoint.Core.Tests.Interop;

/// <summary>One patient with a PHQ-9 (LOINC total), a GAD-7, a BSRI (slider items) and a session with two vitals records.</summary>
internal static class InteropSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    public static readonly Guid PatientId = Guid.Parse("01900000-0000-7000-8000-000000000001");
    public static readonly Guid SessionId = Guid.Parse("01900000-0000-7000-8000-000000000002");

    public static ExportSet Set() => new([Patient()]);

    public static ExportPatient Patient() => new(
        PatientId, "MRN-77", "Robin, \"Rob\"", "O'Hara", new DateOnly(1984, 3, 9), Sex.Female, "robin@example.test", "+44 20 7946 0000",
        [
            Response(3, "phq9", [1, 2, 0, 3, 1, 0, 2, 1, 0], 10m, "moderate", Now.AddDays(-30), null),
            Response(4, "gad7", [0, 1, 1, 2, 0, 1, 0], 5m, "mild", Now.AddDays(-30), null),
            Response(5, "bsri", [.. Enumerable.Repeat<int?>(40, 8)], 320m, null, Now.AddDays(-10).AddTicks(1234567), SessionId),
        ],
        [
            new ExportSession(SessionId, "Discharged", Now.AddDays(-10), Now.AddDays(-10), Now.AddDays(-10).AddMinutes(30), Now.AddDays(-10).AddMinutes(70),
                Now.AddDays(-10).AddHours(3), 36m, 36m, "go",
                [
                    new ExportVitals(Id(6), Now.AddDays(-10).AddMinutes(5), "Preparation", "staff", 128, 82, 71, 98, 14),
                    new ExportVitals(Id(7), Now.AddDays(-10).AddMinutes(45).AddTicks(7), "Dosing", "device", 141, null, 88, null, null),
                ]),
        ]);

    public static Guid Id(int n) => Guid.Parse($"01900000-0000-7000-8000-{n:D12}");

    private static ExportResponse Response(int n, string instrument, int?[] answers, decimal? total, string? severity, DateTimeOffset at, Guid? session) =>
        new(Id(n), instrument, "1.0.0", "follow-up", at, session, answers, total, severity, new Dictionary<string, decimal>(StringComparer.Ordinal));
}
