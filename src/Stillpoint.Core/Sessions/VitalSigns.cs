using Stillpoint.Core.Common;

namespace Stillpoint.Core.Sessions;

/// <summary>
/// One set of vital signs. Any value may be missing (a device may send only some); the safety rules treat a
/// missing value as an alert (fail closed), never as a pass.
/// </summary>
public sealed record VitalSigns(
    DateTimeOffset TakenAt,
    int? Systolic,
    int? Diastolic,
    int? HeartRate,
    int? SpO2,
    int? RespiratoryRate)
{
    // Data-entry plausibility bounds (a value outside them is a typo or a sensor fault), NOT clinical thresholds.
    public const int MinSystolic = 40;
    public const int MaxSystolic = 300;
    public const int MinDiastolic = 20;
    public const int MaxDiastolic = 200;
    public const int MinHeartRate = 20;
    public const int MaxHeartRate = 250;
    public const int MinSpO2 = 50;
    public const int MaxSpO2 = 100;
    public const int MinRespiratoryRate = 2;
    public const int MaxRespiratoryRate = 80;

    public bool HasBloodPressure => Systolic is not null && Diastolic is not null;

    /// <summary>Checks plausibility and that at least one value is present. Keys are the JSON field names.</summary>
    public ValidationErrors Validate(string prefix = "")
    {
        var errors = new ValidationErrors();
        Range(errors, prefix + "systolic", Systolic, MinSystolic, MaxSystolic);
        Range(errors, prefix + "diastolic", Diastolic, MinDiastolic, MaxDiastolic);
        Range(errors, prefix + "heartRate", HeartRate, MinHeartRate, MaxHeartRate);
        Range(errors, prefix + "spO2", SpO2, MinSpO2, MaxSpO2);
        Range(errors, prefix + "respiratoryRate", RespiratoryRate, MinRespiratoryRate, MaxRespiratoryRate);
        if (Systolic is null && Diastolic is null && HeartRate is null && SpO2 is null && RespiratoryRate is null)
        {
            errors.Add(prefix + "systolic", "Send at least one vital sign.");
        }

        if (Systolic is { } s && Diastolic is { } d && d >= s)
        {
            errors.Add(prefix + "diastolic", "Diastolic must be lower than systolic.");
        }

        if ((Systolic is null) != (Diastolic is null))
        {
            errors.Add(prefix + (Systolic is null ? "systolic" : "diastolic"), "Blood pressure needs both systolic and diastolic.");
        }

        return errors;
    }

    private static void Range(ValidationErrors errors, string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            errors.Add(field, $"Must be between {min} and {max}.");
        }
    }
}
