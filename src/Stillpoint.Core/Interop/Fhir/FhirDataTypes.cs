namespace Stillpoint.Core.Interop.Fhir;

// The small subset of FHIR R4 data types (https://hl7.org/fhir/R4/datatypes.html) this exchange needs.
// Property names follow the R4 JSON element names (camelCase through FhirJson.Options); null elements are omitted.

public sealed record Coding(string? System, string? Code, string? Display = null);

public sealed record CodeableConcept(IReadOnlyList<Coding>? Coding, string? Text = null)
{
    public static CodeableConcept Of(string system, string code, string display) => new([new Coding(system, code, display)]);

    public bool Has(string system, string code) =>
        Coding?.Any(c => string.Equals(c.System, system, StringComparison.Ordinal) && string.Equals(c.Code, code, StringComparison.Ordinal)) == true;
}

public sealed record Identifier(string? System, string? Value, CodeableConcept? Type = null);

public sealed record ResourceReference(string? Reference);

public sealed record Quantity(decimal? Value, string? Unit, string? System, string? Code);

public sealed record HumanName(string? Family, IReadOnlyList<string>? Given);

public sealed record ContactPoint(string? System, string? Value);

public sealed record Period(string? Start, string? End);

/// <summary>An extension with a code value (the only kind used here).</summary>
public sealed record Extension(string? Url, string? ValueCode);
