using System.Net;
using Stillpoint.Core.Access;
using Stillpoint.Core.Plans;
using Stillpoint.Data.Sessions;
using Stillpoint.Web.Assessment;

namespace Stillpoint.Web.Tests.Infrastructure;

/// <summary>
/// "A patient ready to dose", through the real issue 4 API: an intake with no caution, eligibility signed by the
/// prescriber, a consent signature recorded on paper, and an active IV plan (0.5 mg/kg × 72 kg = 36 mg, §12.1).
/// </summary>
internal static class ReadyToDose
{
    public const decimal DoseMg = 36m;
    public const decimal WeightKg = 72m;

    /// <summary>Makes the patient ready to dose; returns the active plan (its current revision and computed dose).</summary>
    public static async Task<PlanDto> PrepareAsync(StillpointTestApp app, TestClinic clinic, Guid patientId)
    {
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var prescriber = await app.ClientAsAsync(clinic, Roles.Prescriber);
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);
        var root = $"/api/v1/patients/{patientId}";
        var intake = await (await nurse.PostJsonAsync($"{root}/intake", new IntakeRequest(SessionDemoData.ReadyIntake(WeightKg, new DateOnly(2026, 1, 10)), null, "test intake"))).ReadAsync<IntakeRevisionDto>(HttpStatusCode.Created);
        await (await prescriber.PostJsonAsync($"{root}/eligibility/sign-off", new SignOffRequest(intake.Id, "eligible", null, null))).ReadAsync<SignOffDto>(HttpStatusCode.Created);
        var document = await (await admin.PostJsonAsync("/api/v1/consent-documents", new ConsentDocumentRequest("Consent", "I understand the treatment and its monitoring."))).ReadAsync<ConsentDocumentDto>(HttpStatusCode.Created);
        await (await nurse.PostJsonAsync($"{root}/consents", new ConsentSignRequest(document.Id, "Test Patient", document.ContentHash))).ReadAsync<ConsentSignatureDto>(HttpStatusCode.Created);
        var plan = await (await prescriber.PostJsonAsync($"{root}/plans", new PlanRequest(SessionDemoData.IvPlan, null, null))).ReadAsync<PlanDto>(HttpStatusCode.Created);
        return await (await prescriber.PostJsonAsync($"{root}/plans/{plan.Id}/status", new PlanTransitionRequest(PlanStatus.Active, "start", plan.Version))).ReadAsync<PlanDto>(HttpStatusCode.OK);
    }
}
