using Stillpoint.Web.Api;
using Stillpoint.Web.Auth;

namespace Stillpoint.Web.Interop;

internal static class ExportEndpoints
{
    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Export");
        group.MapGet("/patients/{id:guid}/export", PatientAsync).RequireAuthorization(Policies.DataExporters)
            .WithSummary("Download one patient's data: format=fhir (FHIR R4 Bundle JSON) or format=csv (zip of tidy CSV files). Audited.");
        group.MapGet("/export/clinic", ClinicAsync).RequireAuthorization(Policies.DataExporters)
            .WithSummary("Download the whole clinic's data: format=fhir or format=csv. Audited per patient. A clinic above Export:MaxPatientsPerDownload (2,000) answers 409: use the CLI, which exports in batches.");
        group.MapGet("/export/research", ResearchAsync).RequireAuthorization(Policies.DataExporters)
            .WithSummary("Download the clinic's de-identified research export (zip of tidy CSV files: pseudonyms, shifted dates, no names or free text). Audited per patient.");

        // The same downloads for the pages' links: /api accepts bearer tokens only, these accept the sign-in cookie.
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/patients/{id:guid}/export/{format}", (Guid id, string format, ExportService exports, CancellationToken ct) => PatientAsync(id, exports, ct, format))
            .RequireAuthorization(Policies.DataExporters);
        pages.MapGet("/export/download/{format}", (string format, ExportService exports, CancellationToken ct) =>
            format == "research" ? ResearchAsync(exports, ct) : ClinicAsync(exports, ct, format)).RequireAuthorization(Policies.DataExporters);
    }

    private static async Task<IResult> PatientAsync(Guid id, ExportService exports, CancellationToken ct, string? format = null) =>
        (await exports.PatientAsync(id, format, ct)).ToHttpResult(File);

    private static async Task<IResult> ClinicAsync(ExportService exports, CancellationToken ct, string? format = null) =>
        (await exports.ClinicAsync(format, ct)).ToHttpResult(File);

    private static async Task<IResult> ResearchAsync(ExportService exports, CancellationToken ct) =>
        (await exports.ResearchAsync(ct)).ToHttpResult(File);

    private static IResult File(ExportDownload download) =>
        TypedResults.File(download.Content, download.ContentType, download.FileName);
}
