using Stillpoint.Web.Api;
using Stillpoint.Web.Auth;

namespace Stillpoint.Web.Connectivity;

internal static class ConnectivityEndpoints
{
    public static void MapConnectivityEndpoints(this IEndpointRouteBuilder app)
    {
        var patient = app.MapGroup("/api/v1/patients/{patientId:guid}/connectivity").WithTags("Connectivity");
        patient.MapPost("/scans", UploadScanAsync).RequireAuthorization(Policies.ResearchEditors)
            .WithSummary("Upload a scan's region time series (text) for a patient; it is parsed, processed and stored as figures. A bad file answers 400 naming line and column; nothing is stored.");
        patient.MapGet("/scans", ListScansAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("The patient's scans, oldest first, with core-DMN figures and the options used.");
        patient.MapGet("/scans/{scanId:guid}", GetScanAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("One scan: Fisher z matrix, DMN figures, excluded regions; with controlSetId, each figure's z against the controls.");
        patient.MapGet("/comparison", CompareAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("Pre/post change per metric and per edge (default: latest baseline vs latest later scan); with controlSetId, z-scores and movement toward controls.");
        patient.MapGet("/export", ExportPatientAsync).RequireAuthorization(Policies.ResearchEditors)
            .WithSummary("Research export (CSV) of every figure of the patient's scans.");

        var clinic = app.MapGroup("/api/v1/connectivity").WithTags("Connectivity");
        clinic.MapGet("/label-sets", ListLabelSetsAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("The clinic's region-label sets.");
        clinic.MapPost("/label-sets", CreateLabelSetAsync).RequireAuthorization(Policies.ResearchEditors)
            .WithSummary("Upload a region-label CSV (column index/code → region, hemisphere, DMN role) for an atlas.");
        clinic.MapGet("/control-sets", ListControlSetsAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("The clinic's named healthy-control norm sets.");
        clinic.MapPost("/control-sets", CreateControlSetAsync).RequireAuthorization(Policies.ResearchEditors)
            .WithSummary("Build a named control norm set from several healthy-control series processed with one set of options.");
        clinic.MapGet("/export", ExportClinicAsync).RequireAuthorization(Policies.ResearchEditors)
            .WithSummary("Research export (CSV) of every connectivity figure in the clinic.");
    }

    private static async Task<IResult> UploadScanAsync(Guid patientId, ScanUpload body, ConnectivityService service, CancellationToken ct) =>
        (await service.UploadScanAsync(patientId, body, ct)).ToHttpResult(s => TypedResults.Created($"/api/v1/patients/{patientId}/connectivity/scans/{s.Id}", s));

    private static async Task<IResult> ListScansAsync(Guid patientId, ConnectivityService service, CancellationToken ct) =>
        (await service.ListScansAsync(patientId, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> GetScanAsync(Guid patientId, Guid scanId, ConnectivityService service, CancellationToken ct, Guid? controlSetId = null) =>
        (await service.GetScanAsync(patientId, scanId, controlSetId, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> CompareAsync(Guid patientId, ConnectivityService service, CancellationToken ct, Guid? preScanId = null, Guid? postScanId = null, Guid? controlSetId = null) =>
        (await service.CompareAsync(patientId, preScanId, postScanId, controlSetId, ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> ExportPatientAsync(Guid patientId, ConnectivityService service, CancellationToken ct, Guid? controlSetId = null) =>
        (await service.ExportPatientAsync(patientId, controlSetId, ct)).ToHttpResult(csv => Csv(csv, $"connectivity-{patientId}.csv"));

    private static async Task<IResult> ListLabelSetsAsync(ConnectivityService service, CancellationToken ct) =>
        (await service.ListLabelSetsAsync(ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> CreateLabelSetAsync(LabelSetUpload body, ConnectivityService service, CancellationToken ct) =>
        (await service.CreateLabelSetAsync(body, ct)).ToHttpResult(l => TypedResults.Created("/api/v1/connectivity/label-sets", l));

    private static async Task<IResult> ListControlSetsAsync(ConnectivityService service, CancellationToken ct) =>
        (await service.ListControlSetsAsync(ct)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> CreateControlSetAsync(ControlSetUpload body, ConnectivityService service, CancellationToken ct) =>
        (await service.CreateControlSetAsync(body, ct)).ToHttpResult(c => TypedResults.Created("/api/v1/connectivity/control-sets", c));

    private static async Task<IResult> ExportClinicAsync(ConnectivityService service, CancellationToken ct, Guid? controlSetId = null) =>
        (await service.ExportClinicAsync(controlSetId, ct)).ToHttpResult(csv => Csv(csv, "connectivity-clinic.csv"));

    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Csv(string csv, string fileName) =>
        TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", fileName);
}
