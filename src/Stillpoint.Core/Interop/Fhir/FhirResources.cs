using System.Text.Json.Serialization;

namespace Stillpoint.Core.Interop.Fhir;

/// <summary>A FHIR R4 resource; serialized through <see cref="Bundle"/>, which writes <c>resourceType</c> first.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "resourceType")]
[JsonDerivedType(typeof(FhirPatient), "Patient")]
[JsonDerivedType(typeof(FhirQuestionnaire), "Questionnaire")]
[JsonDerivedType(typeof(FhirQuestionnaireResponse), "QuestionnaireResponse")]
[JsonDerivedType(typeof(FhirObservation), "Observation")]
[JsonDerivedType(typeof(FhirEncounter), "Encounter")]
public abstract record FhirResource
{
    public string? Id { get; init; }
}

/// <summary>https://hl7.org/fhir/R4/bundle.html (type "collection": no request/response elements).</summary>
public sealed record Bundle
{
    [JsonPropertyOrder(-1)]
    public string ResourceType { get; init; } = "Bundle";

    public string? Id { get; init; }

    public string? Type { get; init; }

    public string? Timestamp { get; init; }

    public IReadOnlyList<BundleEntry>? Entry { get; init; }
}

public sealed record BundleEntry(string? FullUrl, FhirResource? Resource);

/// <summary>https://hl7.org/fhir/R4/patient.html</summary>
public sealed record FhirPatient : FhirResource
{
    public IReadOnlyList<Identifier>? Identifier { get; init; }

    public IReadOnlyList<HumanName>? Name { get; init; }

    public IReadOnlyList<ContactPoint>? Telecom { get; init; }

    /// <summary>male | female | other | unknown.</summary>
    public string? Gender { get; init; }

    /// <summary>A FHIR date, YYYY-MM-DD.</summary>
    public string? BirthDate { get; init; }
}

/// <summary>https://hl7.org/fhir/R4/questionnaire.html; item text is our own label, never official wording.</summary>
public sealed record FhirQuestionnaire : FhirResource
{
    public string? Url { get; init; }

    public string? Version { get; init; }

    public string? Name { get; init; }

    public string? Title { get; init; }

    /// <summary>Required: draft | active | retired | unknown.</summary>
    public string? Status { get; init; }

    public IReadOnlyList<QuestionnaireItem>? Item { get; init; }
}

public sealed record QuestionnaireItem
{
    public string? LinkId { get; init; }

    public string? Text { get; init; }

    /// <summary>Required: "choice" for option lists, "integer" for sliders.</summary>
    public string? Type { get; init; }

    public IReadOnlyList<AnswerOption>? AnswerOption { get; init; }
}

public sealed record AnswerOption(Coding? ValueCoding);

/// <summary>https://hl7.org/fhir/R4/questionnaireresponse.html</summary>
public sealed record FhirQuestionnaireResponse : FhirResource
{
    public IReadOnlyList<Extension>? Extension { get; init; }

    /// <summary>Canonical "url|version" of the questionnaire.</summary>
    public string? Questionnaire { get; init; }

    /// <summary>Required: in-progress | completed | amended | entered-in-error | stopped.</summary>
    public string? Status { get; init; }

    public ResourceReference? Subject { get; init; }

    public ResourceReference? Encounter { get; init; }

    public string? Authored { get; init; }

    public IReadOnlyList<QuestionnaireResponseItem>? Item { get; init; }
}

public sealed record QuestionnaireResponseItem
{
    public string? LinkId { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<QuestionnaireResponseAnswer>? Answer { get; init; }
}

public sealed record QuestionnaireResponseAnswer
{
    public Coding? ValueCoding { get; init; }

    public int? ValueInteger { get; init; }
}

/// <summary>https://hl7.org/fhir/R4/observation.html</summary>
public sealed record FhirObservation : FhirResource
{
    public IReadOnlyList<Extension>? Extension { get; init; }

    /// <summary>Required: registered | preliminary | final | amended | ...</summary>
    public string? Status { get; init; }

    public IReadOnlyList<CodeableConcept>? Category { get; init; }

    /// <summary>Required.</summary>
    public CodeableConcept? Code { get; init; }

    public ResourceReference? Subject { get; init; }

    public ResourceReference? Encounter { get; init; }

    public string? EffectiveDateTime { get; init; }

    public Quantity? ValueQuantity { get; init; }

    public IReadOnlyList<ResourceReference>? DerivedFrom { get; init; }

    public IReadOnlyList<ObservationComponent>? Component { get; init; }
}

public sealed record ObservationComponent(CodeableConcept? Code, Quantity? ValueQuantity);

/// <summary>https://hl7.org/fhir/R4/encounter.html — one dosing session.</summary>
public sealed record FhirEncounter : FhirResource
{
    /// <summary>Required: planned | arrived | in-progress | finished | cancelled | ...</summary>
    public string? Status { get; init; }

    /// <summary>Required (a Coding in R4).</summary>
    public Coding? Class { get; init; }

    public ResourceReference? Subject { get; init; }

    public Period? Period { get; init; }
}
