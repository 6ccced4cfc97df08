namespace Stillpoint.Core.Interop.Fhir;

/// <summary>
/// One vitals entry → vital-sign Observations (FHIR vital signs profile codes): a blood-pressure panel with
/// systolic/diastolic components, heart rate, oxygen saturation and respiratory rate, each only when measured.
/// </summary>
public static class FhirVitalsMapper
{
    public static readonly CodeableConcept VitalSignsCategory = CodeableConcept.Of(FhirCodes.ObservationCategory, "vital-signs", "Vital Signs");

    public static IEnumerable<FhirObservation> Observations(ExportVitals vitals, ResourceReference subject, ResourceReference encounter)
    {
        ArgumentNullException.ThrowIfNull(vitals);
        var common = new FhirObservation
        {
            Extension = [new Extension(FhirCodes.SessionPhaseExtension, vitals.Phase)],
            Status = "final",
            Category = [VitalSignsCategory],
            Subject = subject,
            Encounter = encounter,
            EffectiveDateTime = FhirJson.DateTime(vitals.At),
        };
        if (vitals.Systolic is not null || vitals.Diastolic is not null)
        {
            yield return common with
            {
                Id = Id(vitals, "bp"),
                Code = CodeableConcept.Of(FhirCodes.Loinc, FhirCodes.BloodPressurePanel, "Blood pressure panel with all children optional"),
                Component = [.. BloodPressureComponents(vitals)],
            };
        }

        if (vitals.HeartRate is { } heartRate)
        {
            yield return common with { Id = Id(vitals, "hr"), Code = CodeableConcept.Of(FhirCodes.Loinc, FhirCodes.HeartRate, "Heart rate"), ValueQuantity = PerMinute(heartRate) };
        }

        if (vitals.SpO2 is { } spo2)
        {
            yield return common with
            {
                Id = Id(vitals, "spo2"),
                Code = new CodeableConcept([
                    new Coding(FhirCodes.Loinc, FhirCodes.SpO2, "Oxygen saturation in Arterial blood"),
                    new Coding(FhirCodes.Loinc, FhirCodes.SpO2Pulse, "Oxygen saturation in Arterial blood by Pulse oximetry")]),
                ValueQuantity = new Quantity(spo2, "%", FhirCodes.Ucum, FhirCodes.Percent),
            };
        }

        if (vitals.RespiratoryRate is { } rate)
        {
            yield return common with { Id = Id(vitals, "rr"), Code = CodeableConcept.Of(FhirCodes.Loinc, FhirCodes.RespiratoryRate, "Respiratory rate"), ValueQuantity = PerMinute(rate) };
        }
    }

    private static IEnumerable<ObservationComponent> BloodPressureComponents(ExportVitals vitals)
    {
        if (vitals.Systolic is { } systolic)
        {
            yield return new ObservationComponent(CodeableConcept.Of(FhirCodes.Loinc, FhirCodes.Systolic, "Systolic blood pressure"), MmHg(systolic));
        }

        if (vitals.Diastolic is { } diastolic)
        {
            yield return new ObservationComponent(CodeableConcept.Of(FhirCodes.Loinc, FhirCodes.Diastolic, "Diastolic blood pressure"), MmHg(diastolic));
        }
    }

    private static string Id(ExportVitals vitals, string what) => DerivedUuid.From(vitals.Id, what).ToString("D");

    private static Quantity MmHg(int value) => new(value, "mmHg", FhirCodes.Ucum, FhirCodes.MillimetresOfMercury);

    private static Quantity PerMinute(int value) => new(value, "/min", FhirCodes.Ucum, FhirCodes.PerMinute);
}
