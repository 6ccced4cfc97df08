using System.Globalization;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Interop.Fhir;

/// <summary>Maps exported records to FHIR resources (one function per resource type).</summary>
public static class FhirResourceMapper
{
    public static FhirPatient Patient(ExportPatient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var telecom = new List<ContactPoint>();
        if (patient.Email is { } email)
        {
            telecom.Add(new ContactPoint("email", email));
        }

        if (patient.Phone is { } phone)
        {
            telecom.Add(new ContactPoint("phone", phone));
        }

        return new FhirPatient
        {
            Id = patient.Id.ToString("D"),
            Identifier = [new Identifier(FhirCodes.MrnSystem, patient.Mrn, CodeableConcept.Of(FhirCodes.IdentifierType, "MR", "Medical record number"))],
            Name = [new HumanName(patient.FamilyName, [patient.GivenName])],
            Telecom = telecom.Count == 0 ? null : telecom,
            Gender = FhirValueMaps.Gender(patient.Sex),
            BirthDate = FhirJson.Date(patient.DateOfBirth),
        };
    }

    /// <summary>Our definition as a Questionnaire: item text is our own short label (never the official wording).</summary>
    public static FhirQuestionnaire Questionnaire(InstrumentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new FhirQuestionnaire
        {
            Id = DerivedUuid.From(Guid.Empty, $"questionnaire:{definition.Id}|{definition.Version}").ToString("D"),
            Url = FhirCodes.QuestionnaireUrl(definition.Id),
            Version = definition.Version,
            Name = definition.Id.Replace("-", "_", StringComparison.Ordinal).ToUpperInvariant(),
            Title = definition.Title,
            Status = "active",
            Item = [.. definition.Items.Select(item => QuestionnaireItem(definition.Id, item))],
        };
    }

    private static QuestionnaireItem QuestionnaireItem(string instrumentId, InstrumentItem item) => new()
    {
        LinkId = item.Id,
        Text = item.Label,
        Type = item.Scale.IsSlider ? "integer" : "choice",
        AnswerOption = item.Scale.IsSlider
            ? null
            : [.. item.Scale.Options.Select(o => new AnswerOption(AnswerCoding(instrumentId, o)))],
    };

    public static FhirQuestionnaireResponse QuestionnaireResponse(
        ExportResponse response, InstrumentDefinition definition, ResourceReference subject, ResourceReference? encounter)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(definition);
        var items = new List<QuestionnaireResponseItem>();
        for (var i = 0; i < response.Answers.Count && i < definition.Items.Count; i++)
        {
            if (response.Answers[i] is { } value)
            {
                items.Add(AnswerItem(definition.Id, definition.Items[i], value));
            }
        }

        return new FhirQuestionnaireResponse
        {
            Id = response.Id.ToString("D"),
            Extension = [new Extension(FhirCodes.ResponseContextExtension, response.Context)],
            Questionnaire = $"{FhirCodes.QuestionnaireUrl(response.InstrumentId)}|{response.InstrumentVersion}",
            Status = "completed",
            Subject = subject,
            Encounter = encounter,
            Authored = FhirJson.DateTime(response.AnsweredAt),
            Item = items,
        };
    }

    private static QuestionnaireResponseItem AnswerItem(string instrumentId, InstrumentItem item, int value)
    {
        var option = item.Scale.Options.FirstOrDefault(o => o.Value == value) ?? new ResponseOption(value, "");
        var answer = item.Scale.IsSlider
            ? new QuestionnaireResponseAnswer { ValueInteger = value }
            : new QuestionnaireResponseAnswer { ValueCoding = AnswerCoding(instrumentId, option) };
        return new QuestionnaireResponseItem { LinkId = item.Id, Text = item.Label, Answer = [answer] };
    }

    private static Coding AnswerCoding(string instrumentId, ResponseOption option) =>
        new(FhirCodes.AnswerSystem(instrumentId), option.Value.ToString(CultureInfo.InvariantCulture), option.Label.Length == 0 ? null : option.Label);

    /// <summary>The total as an Observation, only for instruments whose total has a LOINC code.</summary>
    public static FhirObservation? TotalObservation(ExportResponse response, ResourceReference subject)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Total is not { } total || !FhirCodes.TotalCodes.TryGetValue(response.InstrumentId, out var loinc))
        {
            return null;
        }

        return new FhirObservation
        {
            Id = DerivedUuid.From(response.Id, "total").ToString("D"),
            Status = "final",
            Category = [CodeableConcept.Of(FhirCodes.ObservationCategory, "survey", "Survey")],
            Code = CodeableConcept.Of(FhirCodes.Loinc, loinc.Code, loinc.Display),
            Subject = subject,
            EffectiveDateTime = FhirJson.DateTime(response.AnsweredAt),
            ValueQuantity = new Quantity(total, "score", FhirCodes.Ucum, FhirCodes.ScoreUnit),
            DerivedFrom = [new ResourceReference(FhirCodes.Urn(response.Id))],
        };
    }

    public static FhirEncounter Encounter(ExportSession session, ResourceReference subject)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new FhirEncounter
        {
            Id = session.Id.ToString("D"),
            Status = FhirValueMaps.EncounterStatus(session.Phase),
            Class = new Coding(FhirCodes.ActCode, "AMB", "ambulatory"),
            Subject = subject,
            Period = new Period(FhirJson.DateTime(session.ScheduledFor), session.FinishedAt is { } end ? FhirJson.DateTime(end) : null),
        };
    }
}
