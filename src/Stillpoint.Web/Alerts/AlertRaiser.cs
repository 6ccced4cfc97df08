using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.FollowUp;
using Stillpoint.Data;
using Stillpoint.Data.Alerts;

namespace Stillpoint.Web.Alerts;

/// <summary>Where an alert came from, for the inbox's link and for finding it again.</summary>
internal sealed record AlertSource(string Type, string Ref)
{
    public const string Response = "response";
    public const string Session = "session";
    public const string DueItem = "due-item";
}

/// <summary>
/// Turns a domain <see cref="FollowUpAlert"/> into a stored <see cref="CareAlert"/>, once per clinic and key, and
/// queues the care team's outbox messages (high and medium severity; an overdue questionnaire (low) shows in the
/// inbox only, so mailboxes are not flooded). Adds to the caller's unit of work; the caller saves.
/// </summary>
internal static class AlertRaiser
{
    /// <summary>Returns the new alert, or null when one with the same key already exists.</summary>
    public static async Task<CareAlert?> RaiseAsync(StillpointDbContext db, Guid clinicId, Guid patientId, FollowUpAlert alert, AlertSource source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(source);
        var set = db.Set<CareAlert>();
        if (set.Local.Any(a => a.ClinicId == clinicId && a.Key == alert.Key)
            || await set.IgnoreQueryFilters().AnyAsync(a => a.ClinicId == clinicId && a.Key == alert.Key, ct))
        {
            return null;
        }

        var row = new CareAlert
        {
            ClinicId = clinicId,
            PatientId = patientId,
            Key = alert.Key,
            Kind = alert.Kind.ToString(),
            Severity = alert.Severity.ToString(),
            Rank = Rank(alert.Kind, alert.Severity),
            Explanation = Truncate(alert.Explanation, 2000),
            SourceType = source.Type,
            SourceRef = Truncate(source.Ref, 200),
            InstrumentId = alert.InstrumentId,
            RaisedAt = alert.RaisedAt,
            State = AlertStates.Open,
        };
        set.Add(row);
        if (alert.Severity != AlertSeverity.Low)
        {
            await CareTeamOutbox.NewAlertAsync(db, row, ct);
        }

        return row;
    }

    /// <summary>Inbox order: suicide risk first whatever else, then high, medium, low.</summary>
    public static int Rank(AlertKind kind, AlertSeverity severity) => kind == AlertKind.SuicideRisk ? 0 : severity switch
    {
        AlertSeverity.High => 1,
        AlertSeverity.Medium => 2,
        AlertSeverity.Low => 3,
        _ => 3,
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
