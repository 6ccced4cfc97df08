using System.Text.Json;
using Stillpoint.Core.FollowUp;
using Stillpoint.Data.Responses;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Data.Alerts;

/// <summary>
/// Synthetic demo data for the alert inbox and booster suggestions: one open high suicide-risk alert (a PHQ-9 with
/// item 9 = 1 answered this morning) and one booster suggestion (PHQ-9 20 → 8 → 4 around a dose 20 days ago, now 16,
/// at or above the default threshold 10). Every number is invented.
/// </summary>
public static class AlertsDemoData
{
    public static async Task SeedAsync(StillpointDbContext db, Guid clinicId, Guid alertPatientId, Guid boosterPatientId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = db.Time.GetUtcNow();
        var risk = Phq9(clinicId, alertPatientId, [1, 1, 1, 1, 0, 1, 0, 0, 1], now.AddHours(-2));
        db.Add(risk);
        var alert = AlertRules.SuicideRisk(new MeasureResponse(risk.Id, risk.InstrumentId, risk.AnsweredAt, risk.Total) { Items = new Dictionary<int, int> { [9] = 1 } })!;
        db.Add(new CareAlert
        {
            ClinicId = clinicId,
            PatientId = alertPatientId,
            Key = alert.Key,
            Kind = alert.Kind.ToString(),
            Severity = alert.Severity.ToString(),
            Rank = 0,
            Explanation = alert.Explanation,
            SourceType = "response",
            SourceRef = risk.Id.ToString(),
            InstrumentId = risk.InstrumentId,
            RaisedAt = alert.RaisedAt,
            State = AlertStates.Open,
        });

        db.Add(new DosingSession { ClinicId = clinicId, PatientId = boosterPatientId, Phase = "Discharged", ScheduledFor = now.AddDays(-20), DosingStartedAt = now.AddDays(-20), CreatedAt = now.AddDays(-22) });
        InstrumentResponse[] history =
        [
            Phq9(clinicId, boosterPatientId, [3, 3, 3, 3, 2, 2, 2, 2, 0], now.AddDays(-50)),
            Phq9(clinicId, boosterPatientId, [1, 1, 1, 1, 1, 1, 1, 1, 0], now.AddDays(-25)),
            Phq9(clinicId, boosterPatientId, [1, 1, 1, 1, 0, 0, 0, 0, 0], now.AddDays(-12)),
            Phq9(clinicId, boosterPatientId, [2, 2, 2, 2, 2, 2, 2, 2, 0], now.AddDays(-1)),
        ];
        db.AddRange(history);
        var at = history.Select(r => new ScoreAt(r.Total!.Value, r.AnsweredAt, r.Id)).ToList();
        var suggestion = new BoosterSuggestion("phq9", at[0], at[1], at[2], at[3], ["16 is at or above the clinic threshold 10."]);
        db.Add(new BoosterSuggestionRow
        {
            ClinicId = clinicId,
            PatientId = boosterPatientId,
            EvidenceKey = $"booster/phq9/{at[3].ResponseId}",
            InstrumentId = "phq9",
            BaselineTotal = at[0].Total,
            BaselineAt = at[0].At,
            ResponseTotal = at[1].Total,
            ResponseAt = at[1].At,
            BestTotal = at[2].Total,
            BestAt = at[2].At,
            LatestTotal = at[3].Total,
            LatestAt = at[3].At,
            LatestResponseId = at[3].ResponseId,
            RulesJson = JsonSerializer.Serialize(suggestion.Rules),
            Explanation = suggestion.Explanation,
            SuggestedAt = now.AddDays(-1),
            State = BoosterStates.Open,
        });
        await db.SaveChangesAsync(ct);
    }

    private static InstrumentResponse Phq9(Guid clinicId, Guid patientId, int[] answers, DateTimeOffset at)
    {
        var total = answers.Sum();
        return new InstrumentResponse
        {
            ClinicId = clinicId,
            PatientId = patientId,
            InstrumentId = "phq9",
            InstrumentVersion = "1.0.0",
            Answers = JsonSerializer.Serialize(answers),
            AnsweredAt = at,
            RecordedAt = at,
            EnteredBy = ResponseValues.EnteredByPatient,
            Context = "follow-up",
            Status = ResponseValues.Complete,
            Total = total,
            Severity = total switch { >= 20 => "severe", >= 15 => "moderately severe", >= 10 => "moderate", >= 5 => "mild", _ => "minimal" }, // PHQ-9 bands, clinical-reference §1
            Flags = answers[8] >= 1 ? """["suicidal-ideation"]""" : "[]",
            Subscales = "{}",
            IsComplete = true,
            Explanation = """["Synthetic demo response."]""",
        };
    }
}
