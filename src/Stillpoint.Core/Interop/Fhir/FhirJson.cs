using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stillpoint.Core.Interop.Fhir;

/// <summary>JSON settings and date formats for FHIR R4 JSON.</summary>
public static class FhirJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static string Serialize(Bundle bundle) => JsonSerializer.Serialize(bundle, Options);

    /// <summary>A FHIR instant/dateTime in UTC with all stored digits (7 decimals), so times survive a round trip.</summary>
    public static string DateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Parses the FHIR date forms an import accepts.</summary>
public static partial class FhirDates
{
    /// <summary>A dateTime to the second with a time zone (a vital sign or an answer needs its moment), up to 7 decimals.</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is not null && InstantPattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);
    }

    public static bool TryParseDate(string? text, out DateOnly value)
    {
        value = default;
        return text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.ExplicitCapture, 1000)]
    private static partial System.Text.RegularExpressions.Regex InstantPattern();
}
