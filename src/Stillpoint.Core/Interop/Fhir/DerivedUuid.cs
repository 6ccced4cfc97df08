using System.Security.Cryptography;
using System.Text;

namespace Stillpoint.Core.Interop.Fhir;

/// <summary>
/// A stable UUID for a resource that has no row of its own (e.g. the heart-rate Observation of one vitals entry):
/// SHA-256 of the source id and a purpose, shaped as an RFC 9562 version-8 UUID. The same export twice gives the same ids.
/// </summary>
public static class DerivedUuid
{
    public static Guid From(Guid source, string purpose)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetByteCount(purpose)];
        source.TryWriteBytes(input[..16], bigEndian: true, out _);
        Encoding.UTF8.GetBytes(purpose, input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
