using System.Security.Cryptography;
using System.Text;
using Stillpoint.Core.Eligibility;
using Stillpoint.Core.Plans;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Data.Assessment;

/// <summary>
/// Synthetic assessment data for the demo clinic: one patient with an intake awaiting sign-off (one caution fires),
/// a published consent document signed on paper, and a draft IV plan ready to activate once eligibility is signed.
/// </summary>
public static class AssessmentDemoData
{
    public const string ConsentText =
        "Synthetic demo consent for ketamine-assisted therapy. Not a real clinical document.\n" +
        "I understand the treatment, its monitoring, its known side effects and that I may withdraw at any time.";

    public static async Task SeedAsync(StillpointDbContext db, Guid clinicId, Guid patientId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = db.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // The shared unremarkable intake, with the differences this demo is about: treated hypertension and a
        // 146/88 baseline, above the 140/90 caution guide (clinical-reference §14.3 [U]) and below 180/100 (§14.3 [U]).
        var unremarkable = SessionDemoData.ReadyIntake(82.0m, today.AddDays(-7));
        var intake = unremarkable with
        {
            Hypertension = HypertensionStatus.Controlled,
            CurrentMedications = "sertraline 100 mg daily; amlodipine 5 mg daily",
            Vitals = unremarkable.Vitals with { SystolicBp = 146, DiastolicBp = 88, HeartRate = 76, HeightCm = 181m },
            // Synthetic scores within the §1, §2, §3, §5 ranges; C-SSRS screen none (§7).
            Baseline = unremarkable.Baseline with { Phq9Total = 19, Gad7Total = 12, Rrs22Total = 61, PtqTotal = 41 },
        };
        db.Add(new IntakeRevision
        {
            ClinicId = clinicId,
            PatientId = patientId,
            Number = 1,
            AnswersJson = AssessmentJson.Write(intake),
            Reason = "initial assessment (demo)",
            RecordedByName = "Demo Nurse",
            RecordedAt = now,
        });
        var document = new ConsentDocument
        {
            ClinicId = clinicId,
            Number = 1,
            Title = "Consent to ketamine-assisted therapy (demo)",
            Content = ConsentText,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ConsentText))),
            CreatedAt = now,
        };
        db.Add(document);
        db.Add(new ConsentSignature
        {
            ClinicId = clinicId,
            PatientId = patientId,
            DocumentId = document.Id,
            DocumentNumber = 1,
            ContentHash = document.ContentHash,
            TypedName = "Jonah Okafor",
            Method = ConsentMethod.Paper,
            SignedAt = now,
        });
        // clinical-reference §12.1: 0.5 mg/kg IV over 40 min; §12.3: 6 infusions, 3 per week.
        var content = new PlanContent
        {
            Indications = [Indication.TreatmentResistantDepression],
            Route = Route.IV,
            Dose = new DoseSpec(DoseMode.PerKg, 0.5m, 1m, 60m),
            InfusionMinutes = 40,
            SessionCount = 6,
            Frequency = "3 per week (Mon/Wed/Fri)",
            CourseWeeks = 2,
            Intention = "To stop going over the same worries every night.",
            Measures = ["phq9", "gad7", "rrs22", "bsri"],
        };
        var plan = new TreatmentPlan { ClinicId = clinicId, PatientId = patientId, Status = PlanStatus.Draft, RevisionNumber = 1, ContentJson = AssessmentJson.Write(content), CreatedAt = now, UpdatedAt = now };
        db.Add(plan);
        db.Add(new TreatmentPlanRevision
        {
            ClinicId = clinicId,
            PatientId = patientId,
            PlanId = plan.Id,
            Number = 1,
            Change = "created",
            Status = PlanStatus.Draft,
            ContentJson = plan.ContentJson,
            Reason = "proposed induction course (demo)",
            ChangedByName = "Demo Prescriber",
            ChangedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }
}
