using Stillpoint.Core.Sessions;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Web.Sessions;

/// <summary>Builds timeline rows; the only place that maps domain values to <see cref="SessionEntry"/> columns.</summary>
internal static class SessionEntryFactory
{
    public static SessionEntry Vitals(Guid sessionId, Guid patientId, string phase, VitalSigns v, Guid? by, DateTimeOffset now, string source) => new()
    {
        SessionId = sessionId, PatientId = patientId, Kind = EntryKinds.Vitals, At = v.TakenAt, RecordedAt = now, RecordedBy = by, Phase = phase, Source = source,
        Systolic = v.Systolic, Diastolic = v.Diastolic, HeartRate = v.HeartRate, SpO2 = v.SpO2, RespiratoryRate = v.RespiratoryRate,
    };

    public static SessionEntry Alert(Guid sessionId, Guid patientId, string phase, SafetyAlert alert, Guid? triggeredBy, DateTimeOffset at, DateTimeOffset now) => new()
    {
        SessionId = sessionId, PatientId = patientId, Kind = EntryKinds.Alert, At = at, RecordedAt = now, Phase = phase, Source = "rules",
        Code = alert.Code, Severity = alert.Severity.ToString(), Text = alert.Explanation, RelatedEntryId = triggeredBy,
    };

    public static VitalSigns ToVitals(SessionEntry e) => new(e.At, e.Systolic, e.Diastolic, e.HeartRate, e.SpO2, e.RespiratoryRate);
}
