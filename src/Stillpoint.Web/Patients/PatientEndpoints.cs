using Stillpoint.Web.Api;
using Stillpoint.Web.Auth;

namespace Stillpoint.Web.Patients;

internal static class PatientEndpoints
{
    public static void MapPatientEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/patients").WithTags("Patients");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.StaffOrPatient)
            .WithSummary("List patients (paged), optionally searching by name or MRN. A patient sees only itself.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.StaffOrPatient)
            .WithSummary("One patient. Another clinic's or another patient's record answers 404.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.PatientEditors)
            .WithSummary("Register a patient.");
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.PatientEditors)
            .WithSummary("Edit a patient. Send the version you edited; a stale version answers 409.");
        group.MapPost("/{id:guid}/portal-login", CreatePortalLoginAsync).RequireAuthorization(Policies.ClinicAdmin)
            .WithSummary("Create the patient's portal login (Patient role, sees only this patient).");
    }

    private static async Task<IResult> ListAsync(PatientService patients, CancellationToken ct, string? search = null, int page = 1, int pageSize = 25) =>
        (await patients.SearchAsync(search, page, pageSize, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> GetAsync(Guid id, PatientService patients, CancellationToken ct) =>
        (await patients.GetAsync(id, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> CreateAsync(PatientUpdate body, PatientService patients, CancellationToken ct) =>
        (await patients.CreateAsync(body.ToInput(), ct)).ToHttpResult(p => TypedResults.Created($"/api/v1/patients/{p.Id}", p));

    private static async Task<IResult> UpdateAsync(Guid id, PatientUpdate body, PatientService patients, CancellationToken ct) =>
        (await patients.UpdateAsync(id, body.ToInput(), body.Version, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> CreatePortalLoginAsync(Guid id, PortalLoginRequest body, PatientService patients, CancellationToken ct) =>
        (await patients.CreatePortalLoginAsync(id, body, ct)).ToHttpResult(TypedResults.Ok);
}
