using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Eligibility;
using Stillpoint.Core.Ledger;
using Stillpoint.Core.Plans;
using Stillpoint.Data.Assessment;
using Stillpoint.Data.Ledger;

namespace Stillpoint.Data.Sessions;

/// <summary>
/// Synthetic demo data for dosing sessions: one patient ready to dose today (intake with no caution, eligibility
/// signed by the demo prescriber, consent signed on paper, an active IV plan) and a stock lot of ketamine in the
/// ledger, so a nurse can schedule, run and discharge a session straight away. Runs after the assessment demo data
/// (it signs the consent document that one published).
/// </summary>
public static class SessionDemoData
{
    public const string LotNumber = "DEMO-KET-0001";

    /// <summary>0.5 mg/kg IV over 40 min (clinical-reference §12.1), 6 infusions 3 per week (§12.3), capped at 60 mg.</summary>
    public static PlanContent IvPlan { get; } = new()
    {
        Indications = [Indication.TreatmentResistantDepression],
        Route = Route.IV,
        Dose = new DoseSpec(DoseMode.PerKg, 0.5m, 1m, 60m),
        InfusionMinutes = 40,
        SessionCount = 6,
        Frequency = "3 per week",
        CourseWeeks = 2,
        Intention = "To notice the loop sooner and step out of it.",
        Measures = ["phq9", "rrs22", "bsri"],
    };

    /// <summary>An intake on which no exclusion or caution fires under the shipped rules (122/76 is under the §14.3 140/90 guide [U]).</summary>
    public static IntakeAnswers ReadyIntake(decimal weightKg, DateOnly measuredOn) => new()
    {
        Indications = [Indication.TreatmentResistantDepression],
        Psychosis = HistoryStatus.Never,
        Mania = HistoryStatus.Never,
        SubstanceUseDisorder = HistoryStatus.Never,
        PriorKetamineUse = YesNo.No,
        Hypertension = HypertensionStatus.None,
        CardiovascularDisease = YesNo.No,
        Aneurysm = YesNo.No,
        RaisedIntracranialPressure = YesNo.No,
        LiverDisease = YesNo.No,
        Pregnant = YesNo.No,
        Breastfeeding = YesNo.No,
        SeizureDisorder = YesNo.No,
        CurrentMedications = "escitalopram 10 mg daily",
        MedicationFlags = new(YesNo.No, YesNo.No, YesNo.No, YesNo.No, YesNo.No, YesNo.No),
        Vitals = new(SystolicBp: 122, DiastolicBp: 76, HeartRate: 68, WeightKg: weightKg, HeightCm: 166m, MeasuredOn: measuredOn),
        Baseline = new(Phq9Total: 16, Phq9Item9: 0, Gad7Total: 10, Rrs22Total: 57, PtqTotal: 38, CssrsRisk: CssrsRisk.None),
    };

    public static async Task SeedAsync(StillpointDbContext db, Guid clinicId, Guid patientId, string patientName, Guid prescriberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = db.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var intake = ReadyIntake(58.2m, today.AddDays(-2));
        var revision = new IntakeRevision
        {
            ClinicId = clinicId, PatientId = patientId, Number = 1, AnswersJson = AssessmentJson.Write(intake),
            Reason = "initial assessment (demo)", RecordedByName = "Demo Nurse", RecordedAt = now,
        };
        db.Add(revision);
        var evaluation = EligibilityEvaluator.Evaluate(DefaultRuleSet.RuleSet, intake);
        db.Add(new EligibilitySignOff
        {
            ClinicId = clinicId, PatientId = patientId, IntakeRevisionId = revision.Id, IntakeRevisionNumber = 1,
            RuleSetVersion = DefaultRuleSet.Label, ComputedStatus = evaluation.Status.ToString(), Eligible = true,
            EvaluationJson = AssessmentJson.Write(evaluation), JustificationsJson = "{}", Note = "demo: ready to dose",
            SignedBy = prescriberId, SignedByName = "Demo Prescriber", SignedAt = now,
        });
        var document = await db.Set<ConsentDocument>().Where(d => d.ClinicId == clinicId).OrderByDescending(d => d.Number).FirstAsync(ct);
        db.Add(new ConsentSignature
        {
            ClinicId = clinicId, PatientId = patientId, DocumentId = document.Id, DocumentNumber = document.Number,
            ContentHash = document.ContentHash, TypedName = patientName, Method = ConsentMethod.Paper, SignedAt = now,
        });

        // clinical-reference §12.1: 0.5 mg/kg IV over 40 min (58.2 kg → 29 mg); §12.3: 6 infusions, 3 per week.
        var content = IvPlan;
        var plan = new TreatmentPlan
        {
            ClinicId = clinicId, PatientId = patientId, Status = PlanStatus.Active, RevisionNumber = 2, ContentJson = AssessmentJson.Write(content),
            CreatedAt = now, UpdatedAt = now, ActivatedAt = now,
        };
        db.Add(plan);
        foreach (var (number, change, status) in new[] { (1, "created", PlanStatus.Draft), (2, "activated", PlanStatus.Active) })
        {
            db.Add(new TreatmentPlanRevision
            {
                ClinicId = clinicId, PatientId = patientId, PlanId = plan.Id, Number = number, Change = change, Status = status,
                ContentJson = plan.ContentJson, Reason = $"{change} (demo)", ChangedBy = prescriberId, ChangedByName = "Demo Prescriber", ChangedAt = now,
            });
        }

        // 10 mL of 50 mg/mL ketamine: enough for the demo's sessions.
        db.Add(new LedgerEntry
        {
            ClinicId = clinicId, LotNumber = LotNumber, LotSequence = 1, Kind = nameof(LedgerEntryKind.Received), ChangeMg = 500m, BalanceAfterMg = 500m,
            Expiry = today.AddYears(1), ConcentrationMgPerMl = 50m, Reason = "demo stock", RecordedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }
}
