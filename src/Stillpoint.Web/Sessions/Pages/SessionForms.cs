using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Access;
using Stillpoint.Core.Common;
using Stillpoint.Core.Sessions;
using Stillpoint.Data;
using Stillpoint.Web.Auth;

namespace Stillpoint.Web.Sessions.Pages;

/// <summary>
/// Reads one posted form into typed values, collecting a field error (under the API's field name) for anything that
/// does not parse, so the page shows the same messages the API would and never calls a use case with garbage.
/// Times are entered in UTC (the server's clock); an empty time means "now".
/// </summary>
internal sealed class FormReader(IFormCollection form)
{
    public ValidationErrors Errors { get; } = new();

    public string? Text(string name) => form[name].ToString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    public bool Checked(string name) => form[name].ToString() is "on" or "true";

    public int? Int(string name) =>
        Parse(name, t => (int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v), v), "Enter a whole number.");

    public decimal? Decimal(string name) =>
        Parse(name, t => (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && Math.Abs(v) < 10_000_000m, v), "Enter a number (e.g. 35.5).");

    public DateTimeOffset? Time(string name) =>
        Parse(name, t => (DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var v),
            new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc))), "Enter a date and time (UTC), e.g. 2026-11-22T09:30.");

    public DateOnly? Date(string name) =>
        Parse(name, t => (DateOnly.TryParse(t, CultureInfo.InvariantCulture, out var v), v), "Enter a date, e.g. 2027-03-31.");

    public Guid? Id(string name) => Parse(name, t => (Guid.TryParse(t, out var v), v), "Choose from the list.");

    public T? Choice<T>(string name)
        where T : struct, Enum =>
        Parse(name, t => (Enum.TryParse<T>(t, ignoreCase: true, out var v) && Enum.IsDefined(v), v), "Choose from the list.");

    /// <summary>Empty = null; otherwise the parsed value, or null with the field's message.</summary>
    private T? Parse<T>(string name, Func<string, (bool Ok, T Value)> parse, string message)
        where T : struct
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        var (ok, value) = parse(text);
        if (ok)
        {
            return value;
        }

        Errors.Add(name, message);
        return null;
    }
}

/// <summary>A staff member who can witness a controlled-substance administration or waste.</summary>
internal sealed record StaffMember(Guid Id, string Name, string Role);

/// <summary>What the session pages need beyond the session use cases: names, staff, and the staff path for vitals.</summary>
internal sealed class SessionPageData(StillpointDbContext db, VitalsWriter writer)
{
    public Task<string?> PatientNameAsync(Guid patientId, CancellationToken ct) =>
        db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefaultAsync(ct);

    public Task<string?> MrnAsync(Guid patientId, CancellationToken ct) =>
        db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.Mrn).FirstOrDefaultAsync(ct);

    public Task<string?> ClinicNameAsync(CancellationToken ct) =>
        db.Clinics.AsNoTracking().Where(c => c.Id == db.Caller.ClinicId).Select(c => c.Name).FirstOrDefaultAsync(ct);

    public Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        var clinic = db.Caller.ClinicId;
        return db.Users.AsNoTracking().Where(u => u.ClinicId == clinic && ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// <summary>The caller's clinic's staff (no patient logins), for witness lists.</summary>
    public async Task<IReadOnlyList<StaffMember>> StaffAsync(CancellationToken ct)
    {
        var clinic = db.Caller.ClinicId;
        var staff = await db.Users.AsNoTracking().Where(u => u.ClinicId == clinic && u.PatientId == null).OrderBy(u => u.DisplayName)
            .Select(u => new StaffMember(u.Id, u.DisplayName, u.Role)).ToListAsync(ct);
        return [.. staff.Where(s => Roles.Staff.Contains(s.Role, StringComparer.Ordinal))];
    }

    /// <summary>
    /// Vitals from a staff form go through the same group-commit writer as devices (so the safety rules and the
    /// idempotency record apply). The form carries a key made when it was rendered: a double submit stores once.
    /// The request is identified by the fields as typed (an empty time means "now", which differs on a resubmit).
    /// </summary>
    public async Task<WriteAnswer> SubmitVitalsAsync(HttpContext http, Guid sessionId, VitalSigns vitals, string key, string typed)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(vitals);
        var user = http.User;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"page|{sessionId}|{typed}")));
        var write = new VitalsWrite(
            Guid.Parse(user.FindFirstValue(StillpointClaims.Clinic)!), Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var uid) ? uid : null,
            user.FindFirstValue(ClaimTypes.Role), http.TraceIdentifier, sessionId, [vitals], "page:" + key, hash, "staff");
        return await writer.SubmitAsync(write);
    }
}

/// <summary>Display helpers shared by the session pages.</summary>
internal static class SessionText
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Clock(DateTimeOffset at, DateTimeOffset? zero) =>
        zero is { } z ? string.Create(CultureInfo.InvariantCulture, $"{(at >= z ? "+" : "−")}{(int)Math.Floor(Math.Abs((at - z).TotalMinutes))} min") : "pre-dose";

    public static string Mg(decimal? mg) => mg is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) + " mg" : "—";

    public static string Vitals(TimelineEntryDto? e) => e is null
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"BP {Value(e.Systolic)}/{Value(e.Diastolic)} · HR {Value(e.HeartRate)} · SpO2 {Value(e.SpO2)}% · RR {Value(e.RespiratoryRate)}");

    public static string Value(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "—";

    /// <summary>A timeline entry in one line (values are clinical data shown to staff on their own page, never logged).</summary>
    public static string Describe(TimelineEntryDto e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Kind switch
        {
            "vitals" => Vitals(e) + (e.Source == "device" ? " (device)" : string.Empty),
            "rating" => string.Create(CultureInfo.InvariantCulture, $"MOAA/S {Value(e.Moaas)} · CADSS-6 {Value(e.Cadss6)}"),
            "administration" => $"{e.Drug} {Mg(e.DoseMg)} {e.Code}, lot {e.LotNumber} (exp. {e.LotExpiry:yyyy-MM-dd})" + (e.EndedAt is { } end ? $", ended {Time(end)}" : string.Empty),
            "administration-end" => $"Administration ended {(e.EndedAt is { } ended ? Time(ended) : string.Empty)}",
            "transition" => $"{e.Severity} → {e.Code}" + (e.Text is null ? string.Empty : $": {e.Text}"),
            "alert" => $"[{e.Severity}] {e.Text}",
            "acknowledgement" => $"Alert acknowledged ({e.Code}): {e.Text}",
            "go-no-go" => $"Go/no-go: {e.Severity}. {e.Text}",
            "adverse-event" => $"{e.Code} ({e.Severity}). {e.Text}",
            "observation" => e.Code + (e.Text is null ? string.Empty : $": {e.Text}"),
            "note" => $"{e.Code} note: {e.Text}",
            "discharge-score" => $"{e.Code} items {e.Text}",
            _ => e.Text ?? e.Kind,
        };
    }
}
