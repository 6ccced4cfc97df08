using System.Security.Cryptography;
using System.Text;
using Stillpoint.Core.Interop.Csv;

namespace Stillpoint.Core.Interop.Research;

/// <summary>
/// De-identification for the research export. Ids become keyed HMAC-SHA256 pseudonyms (the key is made per
/// export and never written out, so pseudonyms cannot be linked back nor across exports). Every time about a
/// patient moves by whole days, the same offset (±1..365 days, derived from the key) for all of that patient's
/// rows, so intervals within a patient are exact. Names, MRN, contact details, birth date and free text are not
/// written; a 10-year age band (90+ collapsed) at the patient's first record is kept, sex is kept.
/// Row ids are pseudonymised too: our ids are UUIDv7, whose first bits are the real creation time.
/// </summary>
public sealed class ResearchIdentity : IExportIdentity
{
    public const int MaxShiftDays = 365;
    private readonly byte[] _key;
    private readonly DateOnly _exportDate;

    /// <param name="key">At least 32 random bytes, made for this export only.</param>
    /// <param name="exportDate">Age reference for a patient with no records.</param>
    public ResearchIdentity(byte[] key, DateOnly exportDate)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("The pseudonym key needs at least 32 bytes.", nameof(key));
        }

        _key = key;
        _exportDate = exportDate;
    }

    public IReadOnlyList<string> PatientHeader { get; } = ["patient_id", "sex", "age_band"];

    public object?[] PatientFields(ExportPatient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return [PatientId(patient), patient.Sex.ToString().ToLowerInvariant(), AgeBand(patient.DateOfBirth, FirstRecord(patient))];
    }

    public string PatientId(ExportPatient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return "P-" + Convert.ToHexStringLower(Mac("patient:" + patient.Id.ToString("D"))[..12]);
    }

    public string RowId(Guid id) => "R-" + Convert.ToHexStringLower(Mac("row:" + id.ToString("D"))[..12]);

    public DateTimeOffset Time(ExportPatient patient, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return value.AddDays(ShiftDays(patient.Id));
    }

    /// <summary>The patient's offset in days: never 0, at most <see cref="MaxShiftDays"/> either way.</summary>
    public int ShiftDays(Guid patientId)
    {
        var value = BitConverter.ToUInt32(Mac("shift:" + patientId.ToString("D")), 0);
        var days = (int)(value % (2 * MaxShiftDays)) - MaxShiftDays; // -365..364
        return days >= 0 ? days + 1 : days;
    }

    public static string AgeBand(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year - (on < birth.AddYears(on.Year - birth.Year) ? 1 : 0);
        if (age >= 90)
        {
            return "90+";
        }

        var low = Math.Max(0, age / 10 * 10);
        return FormattableString.Invariant($"{low}-{low + 9}");
    }

    private DateOnly FirstRecord(ExportPatient patient)
    {
        var times = patient.Responses.Select(r => r.AnsweredAt).Concat(patient.Sessions.Select(s => s.ScheduledFor)).ToList();
        return times.Count == 0 ? _exportDate : DateOnly.FromDateTime(times.Min().UtcDateTime);
    }

    private byte[] Mac(string text) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text));
}
