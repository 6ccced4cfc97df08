using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Core.Interop.Fhir;

/// <summary>
/// An export as one FHIR R4 Bundle of type "collection": per patient a Patient, its dosing sessions as Encounters,
/// its QuestionnaireResponses (with total-score Observations where LOINC has a code) and vital-sign Observations;
/// one Questionnaire per instrument used. Every entry has a urn:uuid fullUrl and references use those.
/// </summary>
public static class FhirBundleBuilder
{
    public static Bundle Build(ExportSet set, InstrumentLibrary library, DateTimeOffset now, Guid bundleId)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(library);
        var entries = new List<BundleEntry>();
        foreach (var definition in InstrumentsUsed(set, library))
        {
            var questionnaire = FhirResourceMapper.Questionnaire(definition);
            entries.Add(new BundleEntry(FhirCodes.Urn(Guid.Parse(questionnaire.Id!)), questionnaire));
        }

        foreach (var patient in set.Patients)
        {
            AddPatient(entries, patient, library);
        }

        return new Bundle
        {
            Id = bundleId.ToString("D"),
            Type = "collection",
            Timestamp = FhirJson.DateTime(now),
            Entry = entries,
        };
    }

    private static void AddPatient(List<BundleEntry> entries, ExportPatient patient, InstrumentLibrary library)
    {
        var subject = new ResourceReference(FhirCodes.Urn(patient.Id));
        entries.Add(new BundleEntry(subject.Reference, FhirResourceMapper.Patient(patient)));
        var sessionIds = patient.Sessions.Select(s => s.Id).ToHashSet();
        foreach (var session in patient.Sessions)
        {
            entries.Add(new BundleEntry(FhirCodes.Urn(session.Id), FhirResourceMapper.Encounter(session, subject)));
            foreach (var observation in session.Vitals.SelectMany(v => FhirVitalsMapper.Observations(v, subject, new ResourceReference(FhirCodes.Urn(session.Id)))))
            {
                entries.Add(new BundleEntry(FhirCodes.Urn(Guid.Parse(observation.Id!)), observation));
            }
        }

        foreach (var response in patient.Responses)
        {
            if (!library.TryGet(response.InstrumentId, out var definition))
            {
                continue; // an instrument no longer loaded cannot be described as a Questionnaire
            }

            var encounter = response.SessionId is { } sessionId && sessionIds.Contains(sessionId)
                ? new ResourceReference(FhirCodes.Urn(sessionId))
                : null;
            entries.Add(new BundleEntry(FhirCodes.Urn(response.Id), FhirResourceMapper.QuestionnaireResponse(response, definition, subject, encounter)));
            if (FhirResourceMapper.TotalObservation(response, subject) is { } total)
            {
                entries.Add(new BundleEntry(FhirCodes.Urn(Guid.Parse(total.Id!)), total));
            }
        }
    }

    private static IEnumerable<InstrumentDefinition> InstrumentsUsed(ExportSet set, InstrumentLibrary library) =>
        set.Patients.SelectMany(p => p.Responses).Select(r => r.InstrumentId).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id => library.TryGet(id, out var definition) ? definition : null)
            .OfType<InstrumentDefinition>();
}
