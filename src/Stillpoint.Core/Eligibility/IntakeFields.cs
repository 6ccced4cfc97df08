using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Stillpoint.Core.Eligibility;

public enum FieldKind
{
    Symbol,
    Number,
    SymbolSet,
}

/// <summary>The value of one intake field as a rule sees it: missing, a symbol (e.g. "yes"), a number, or a set.</summary>
public readonly record struct FieldValue(bool IsMissing, string? Symbol, decimal? Number, IReadOnlyList<string>? Symbols)
{
    public static FieldValue Missing { get; } = new(true, null, null, null);

    public static FieldValue Of(string symbol) => new(false, symbol, null, null);

    public static FieldValue Of(decimal number) => new(false, null, number, null);

    public static FieldValue OfSet(IReadOnlyList<string> symbols) => symbols.Count == 0 ? Missing : new(false, null, null, symbols);

    public override string ToString() => IsMissing
        ? "not answered"
        : Symbol ?? Number?.ToString(CultureInfo.InvariantCulture) ?? string.Join(", ", Symbols!);
}

/// <summary>One intake field a rule may read: its JSON name, a label for clinicians, and how to read it.</summary>
public sealed record IntakeField(string Name, string Label, FieldKind Kind, IReadOnlyList<string> Symbols, Func<IntakeAnswers, FieldValue> Read);

/// <summary>The catalogue of intake fields rules can name. Enum "unknown/not done" states read as missing.</summary>
public static class IntakeFields
{
    private static readonly IntakeField[] All =
    [
        Set("indications", "indications", a => [.. a.Indications.Select(Symbol)]),
        History("psychosis", "psychosis", a => a.Psychosis),
        History("mania", "mania", a => a.Mania),
        History("substanceUseDisorder", "substance use disorder", a => a.SubstanceUseDisorder),
        YesNoField("priorKetamineUse", "prior ketamine use", a => a.PriorKetamineUse),
        Enum("hypertension", "hypertension", a => a.Hypertension),
        YesNoField("cardiovascularDisease", "cardiovascular disease", a => a.CardiovascularDisease),
        YesNoField("aneurysm", "aneurysm or aneurysmal vascular disease", a => a.Aneurysm),
        YesNoField("raisedIntracranialPressure", "raised intracranial pressure", a => a.RaisedIntracranialPressure),
        YesNoField("liverDisease", "liver disease", a => a.LiverDisease),
        YesNoField("pregnant", "pregnancy", a => a.Pregnant),
        YesNoField("breastfeeding", "breastfeeding", a => a.Breastfeeding),
        YesNoField("seizureDisorder", "seizure disorder", a => a.SeizureDisorder),
        YesNoField("medicationFlags.benzodiazepines", "benzodiazepines", a => a.MedicationFlags.Benzodiazepines),
        YesNoField("medicationFlags.lamotrigine", "lamotrigine", a => a.MedicationFlags.Lamotrigine),
        YesNoField("medicationFlags.maois", "MAOIs", a => a.MedicationFlags.Maois),
        YesNoField("medicationFlags.stimulants", "stimulants", a => a.MedicationFlags.Stimulants),
        YesNoField("medicationFlags.opioids", "opioids", a => a.MedicationFlags.Opioids),
        YesNoField("medicationFlags.otherSedatives", "other sedatives", a => a.MedicationFlags.OtherSedatives),
        Number("vitals.systolicBp", "systolic blood pressure (mm Hg)", a => a.Vitals.SystolicBp),
        Number("vitals.diastolicBp", "diastolic blood pressure (mm Hg)", a => a.Vitals.DiastolicBp),
        Number("vitals.heartRate", "heart rate (bpm)", a => a.Vitals.HeartRate),
        Number("vitals.weightKg", "weight (kg)", a => a.Vitals.WeightKg),
        Number("vitals.heightCm", "height (cm)", a => a.Vitals.HeightCm),
        Number("baseline.phq9Total", "PHQ-9 total", a => a.Baseline.Phq9Total),
        Number("baseline.phq9Item9", "PHQ-9 item 9", a => a.Baseline.Phq9Item9),
        Number("baseline.gad7Total", "GAD-7 total", a => a.Baseline.Gad7Total),
        Number("baseline.rrs22Total", "RRS-22 total", a => a.Baseline.Rrs22Total),
        Number("baseline.ptqTotal", "PTQ total", a => a.Baseline.PtqTotal),
        Enum("baseline.cssrsRisk", "C-SSRS screen risk level", a => a.Baseline.CssrsRisk),
        Number("baseline.pcl5Total", "PCL-5 total", a => a.Baseline.Pcl5Total),
    ];

    public static FrozenDictionary<string, IntakeField> ByName { get; } = All.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    public static IEnumerable<IntakeField> Catalogue => All;

    /// <summary>The JSON spelling of an enum value: camelCase, as the API sends it.</summary>
    public static string Symbol<TEnum>(TEnum value)
        where TEnum : struct, System.Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static IntakeField YesNoField(string name, string label, Func<IntakeAnswers, YesNo> read) => Enum(name, label, read);

    private static IntakeField History(string name, string label, Func<IntakeAnswers, HistoryStatus> read) => Enum(name, label, read);

    /// <summary>An enum field whose first value (Unknown / NotDone) means "not answered".</summary>
    private static IntakeField Enum<TEnum>(string name, string label, Func<IntakeAnswers, TEnum> read)
        where TEnum : struct, System.Enum
    {
        var values = System.Enum.GetValues<TEnum>();
        var missing = values[0];
        return new IntakeField(
            name,
            label,
            FieldKind.Symbol,
            [.. values.Skip(1).Select(Symbol)],
            a => read(a) is var v && EqualityComparer<TEnum>.Default.Equals(v, missing) ? FieldValue.Missing : FieldValue.Of(Symbol(v)));
    }

    private static IntakeField Number(string name, string label, Func<IntakeAnswers, decimal?> read) =>
        new(name, label, FieldKind.Number, [], a => read(a) is { } n ? FieldValue.Of(n) : FieldValue.Missing);

    private static IntakeField Set(string name, string label, Func<IntakeAnswers, IReadOnlyList<string>> read) =>
        new(name, label, FieldKind.SymbolSet, [.. System.Enum.GetValues<Indication>().Select(Symbol)], a => FieldValue.OfSet(read(a)));
}
