using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Stillpoint.Core.Audit;

/// <summary>
/// The hash chain over audit entries: each entry's hash covers its own fields and the previous entry's hash,
/// so altering, inserting or deleting any entry breaks every hash after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(AuditRecord record, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        var canonical = string.Join(
            '\u001f',
            record.Sequence.ToString(CultureInfo.InvariantCulture),
            record.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            record.ClinicId?.ToString("N") ?? string.Empty,
            record.UserId?.ToString("N") ?? string.Empty,
            record.Role ?? string.Empty,
            record.Action,
            record.EntityType,
            record.EntityId ?? string.Empty,
            record.PatientId?.ToString("N") ?? string.Empty,
            record.RequestId ?? string.Empty,
            record.Details ?? string.Empty,
            previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Checks one link of the chain. Returns null when the entry is intact, else why it is not.
    /// </summary>
    public static string? CheckLink(AuditRecord record, string storedPreviousHash, string storedHash, long expectedSequence, string expectedPreviousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Sequence != expectedSequence)
        {
            return $"expected entry {expectedSequence.ToString(CultureInfo.InvariantCulture)} but found {record.Sequence.ToString(CultureInfo.InvariantCulture)}: an entry was deleted or inserted";
        }

        if (!string.Equals(storedPreviousHash, expectedPreviousHash, StringComparison.Ordinal))
        {
            return "its previous-hash does not match the entry before it";
        }

        return string.Equals(ComputeHash(record, storedPreviousHash), storedHash, StringComparison.Ordinal)
            ? null
            : "its contents do not match its hash: the entry was altered";
    }
}
