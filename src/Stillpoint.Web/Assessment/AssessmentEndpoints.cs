using Stillpoint.Web.Api;
using Stillpoint.Web.Auth;

namespace Stillpoint.Web.Assessment;

internal static class AssessmentEndpoints
{
    public static void MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var patient = app.MapGroup("/api/v1/patients/{id:guid}").WithTags("Assessment");
        patient.MapGet("/assessment", SummaryAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("At a glance: latest intake, eligibility with reasons, consent status, active plan and the dosing gate.");
        patient.MapGet("/intake", GetIntakeAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("The latest intake revision and the list of all revisions (each is kept).");
        patient.MapPost("/intake", SaveIntakeAsync).RequireAuthorization(Policies.PatientEditors)
            .WithSummary("Record the next intake revision. Send basedOnRevision (the revision you edited); a stale one answers 409.");
        patient.MapGet("/eligibility", GetEligibilityAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("The rules evaluated against the latest intake: every rule that fired and why, missing inputs, the latest sign-off.");
        patient.MapPost("/eligibility/sign-off", SignAsync).RequireAuthorization(Policies.Prescribers)
            .WithSummary("A prescriber signs eligible / notEligible for an exact intake revision; each caution needs a justification.");
        patient.MapGet("/consents", GetConsentAsync).RequireAuthorization(Policies.StaffOrPatient)
            .WithSummary("The patient's consent signatures and state (active, withdrawn, not signed).");
        patient.MapPost("/consents", SignConsentAsync).RequireAuthorization(Policies.ConsentSigners)
            .WithSummary("Sign a consent document version: the patient in the portal, or staff recording a paper signature.");
        patient.MapPost("/consents/{consentId:guid}/withdraw", WithdrawConsentAsync).RequireAuthorization(Policies.ConsentSigners)
            .WithSummary("Withdraw consent: further dosing is refused until a new signature.");
        patient.MapGet("/plans", ListPlansAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("The patient's treatment plans with the dose computed from the latest weight.");
        patient.MapPost("/plans", CreatePlanAsync).RequireAuthorization(Policies.Prescribers)
            .WithSummary("Create a draft treatment plan.");
        patient.MapGet("/plans/{planId:guid}", GetPlanAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("One plan with every revision (who, when, why) and the computed dose.");
        patient.MapPut("/plans/{planId:guid}", RevisePlanAsync).RequireAuthorization(Policies.Prescribers)
            .WithSummary("Revise a draft or active plan. Send version and reason; a stale version answers 409.");
        patient.MapPost("/plans/{planId:guid}/status", TransitionPlanAsync).RequireAuthorization(Policies.Prescribers)
            .WithSummary("Activate, complete or stop a plan. Activation needs signed, current eligibility and consent (409 says what is missing).");
        patient.MapPost("/sessions/schedule-check", ScheduleCheckAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("May a dosing session be scheduled? Lists every missing prerequisite (eligibility, consent, active plan).");

        var clinic = app.MapGroup("/api/v1").WithTags("Assessment");
        clinic.MapGet("/consent-documents", ListDocumentsAsync).RequireAuthorization(Policies.StaffOrPatient)
            .WithSummary("The clinic's consent document versions, newest first, with content hashes.");
        clinic.MapPost("/consent-documents", AddDocumentAsync).RequireAuthorization(Policies.ClinicAdmin)
            .WithSummary("Publish the next consent document version (SHA-256 content hash recorded).");
        clinic.MapGet("/eligibility-rules", GetRulesAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("The eligibility rule set in force: the clinic's latest version or the shipped default.");
        clinic.MapPut("/eligibility-rules", SaveRulesAsync).RequireAuthorization(Policies.ClinicAdmin)
            .WithSummary("Save an edited rule set as the clinic's next version (validated in full; problems answer 400).");
    }

    private static async Task<IResult> SummaryAsync(Guid id, AssessmentService service, CancellationToken ct) =>
        (await service.GetSummaryAsync(id, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> GetIntakeAsync(Guid id, AssessmentService service, CancellationToken ct) =>
        (await service.GetIntakeAsync(id, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> SaveIntakeAsync(Guid id, IntakeRequest body, AssessmentService service, CancellationToken ct) =>
        (await service.SaveIntakeAsync(id, body, ct)).ToHttpResult(r => TypedResults.Created($"/api/v1/patients/{id}/intake", r));

    private static async Task<IResult> GetEligibilityAsync(Guid id, AssessmentService service, CancellationToken ct) =>
        (await service.GetEligibilityAsync(id, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> SignAsync(Guid id, SignOffRequest body, AssessmentService service, CancellationToken ct) =>
        (await service.SignEligibilityAsync(id, body, ct)).ToHttpResult(s => TypedResults.Created($"/api/v1/patients/{id}/eligibility", s));

    private static async Task<IResult> GetConsentAsync(Guid id, AssessmentService service, CancellationToken ct) =>
        (await service.GetConsentAsync(id, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> SignConsentAsync(Guid id, ConsentSignRequest body, AssessmentService service, CancellationToken ct) =>
        (await service.SignConsentAsync(id, body, ct)).ToHttpResult(s => TypedResults.Created($"/api/v1/patients/{id}/consents", s));

    private static async Task<IResult> WithdrawConsentAsync(Guid id, Guid consentId, ConsentWithdrawRequest body, AssessmentService service, CancellationToken ct) =>
        (await service.WithdrawConsentAsync(id, consentId, body, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> ListPlansAsync(Guid id, AssessmentService service, CancellationToken ct) =>
        (await service.ListPlansAsync(id, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> CreatePlanAsync(Guid id, PlanRequest body, AssessmentService service, CancellationToken ct) =>
        (await service.CreatePlanAsync(id, body, ct)).ToHttpResult(p => TypedResults.Created($"/api/v1/patients/{id}/plans/{p.Id}", p));

    private static async Task<IResult> GetPlanAsync(Guid id, Guid planId, AssessmentService service, CancellationToken ct) =>
        (await service.GetPlanAsync(id, planId, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> RevisePlanAsync(Guid id, Guid planId, PlanRequest body, AssessmentService service, CancellationToken ct) =>
        (await service.RevisePlanAsync(id, planId, body, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> TransitionPlanAsync(Guid id, Guid planId, PlanTransitionRequest body, AssessmentService service, CancellationToken ct) =>
        (await service.TransitionPlanAsync(id, planId, body, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> ScheduleCheckAsync(Guid id, AssessmentService service, CancellationToken ct) =>
        (await service.ScheduleCheckAsync(id, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> ListDocumentsAsync(AssessmentService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListConsentDocumentsAsync(ct));

    private static async Task<IResult> AddDocumentAsync(ConsentDocumentRequest body, AssessmentService service, CancellationToken ct) =>
        (await service.AddConsentDocumentAsync(body, ct)).ToHttpResult(d => TypedResults.Created($"/api/v1/consent-documents/{d.Id}", d));

    private static async Task<IResult> GetRulesAsync(AssessmentService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetRuleSetAsync(ct));

    private static async Task<IResult> SaveRulesAsync(RuleSetRequest body, AssessmentService service, CancellationToken ct) =>
        (await service.SaveRuleSetAsync(body, ct)).ToHttpResult(TypedResults.Ok);
}
