using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Core.Access;
using Stillpoint.Data;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Interop;

[Collection(WebAppsDefinition.Name)]
public sealed class ExportApiTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PatientFhirExport_IsABundleWithThePatient_AndIsAuditedOncePerDownload(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var patient = await InteropSeed.SeedPatientAsync(app, clinic);
        using var prescriber = await app.ClientAsAsync(clinic, Roles.Prescriber);

        var response = await prescriber.GetAsync($"/api/v1/patients/{patient}/export?format=fhir");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        using var bundle = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Bundle", bundle.RootElement.GetProperty("resourceType").GetString());
        Assert.Equal($"B-{clinic.Tag}", InteropSeed.Resource(bundle, "Patient").GetProperty("identifier")[0].GetProperty("value").GetString());
        Assert.Equal(1, await ExportAuditsAsync(app, patient));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PatientCsvExport_IsAZipOfTidyFiles(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var patient = await InteropSeed.SeedPatientAsync(app, clinic);
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);

        var response = await admin.GetAsync($"/api/v1/patients/{patient}/export?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var files = await UnzipAsync(response);
        Assert.Equal(["README.txt", "patients.csv", "responses.csv", "scores.csv", "sessions.csv", "vitals.csv"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1 + 3, InteropSeed.Lines(files["scores.csv"]).Length - SubscaleRows(files["scores.csv"]));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BadFormatOtherClinicAndNurse_AreRefused(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var other = await app.NewClinicAsync();
        using var prescriber = await app.ClientAsAsync(clinic, Roles.Prescriber);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);

        var badFormat = await prescriber.GetAsync($"/api/v1/patients/{clinic.OtherPatientId}/export?format=xml");
        var elsewhere = await prescriber.GetAsync($"/api/v1/patients/{other.OtherPatientId}/export?format=fhir");
        var asNurse = await nurse.GetAsync($"/api/v1/patients/{clinic.OtherPatientId}/export?format=fhir");

        Assert.Contains("format", (await badFormat.FieldErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asNurse.StatusCode);
        Assert.Equal(0, await ExportAuditsAsync(app, other.OtherPatientId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ResearchExport_CoversOnlyTheCallersClinic_WithoutIdentifiers_AndAuditsEachPatient(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var other = await app.NewClinicAsync();
        await InteropSeed.SeedPatientAsync(app, clinic);
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);

        var response = await admin.GetAsync("/api/v1/export/research");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var files = await UnzipAsync(response);
        Assert.Equal(1 + 2, InteropSeed.Lines(files["patients.csv"]).Length);
        var all = string.Concat(files.Values);
        foreach (var secret in new[] { clinic.Tag, other.Tag, "Alex", "Blair", "Testperson", "1980-05-01", clinic.OtherPatientId.ToString() })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }

        Assert.Equal(1, await ExportAuditsAsync(app, clinic.PortalPatientId));
        Assert.Equal(1, await ExportAuditsAsync(app, clinic.OtherPatientId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pages_OfferTheDownloads_ToExportersOnly(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var prescriber = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Prescriber]);
        using var nurse = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Nurse]);

        var patientPage = await prescriber.GetHtmlAsync($"/patients/{clinic.OtherPatientId}");
        var exportPage = await prescriber.GetHtmlAsync("/export");
        var nursePatientPage = await nurse.GetHtmlAsync($"/patients/{clinic.OtherPatientId}");

        Assert.Contains($"/patients/{clinic.OtherPatientId}/export/fhir", patientPage, StringComparison.Ordinal);
        Assert.Contains($"/patients/{clinic.OtherPatientId}/export/csv", patientPage, StringComparison.Ordinal);
        Assert.Contains("/export/download/research", exportPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/export/fhir", nursePatientPage, StringComparison.Ordinal);

        // The pages' links work with the sign-in cookie, and are audited like the API.
        var csv = await prescriber.GetAsync($"/patients/{clinic.OtherPatientId}/export/csv");
        var research = await prescriber.GetAsync("/export/download/research");
        var asNurse = await nurse.GetAsync($"/patients/{clinic.OtherPatientId}/export/fhir");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("application/zip", research.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual("application/fhir+json", asNurse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, await ExportAuditsAsync(app, clinic.OtherPatientId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AClinicAboveTheDownloadLimit_IsRefusedWithWhatToDoInstead_AndNothingIsAudited(string provider)
    {
        var app = apps[provider]; // the test server allows 3 patients per whole-clinic download
        var clinic = await app.NewClinicAsync();
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);
        using var page = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.ClinicAdmin]);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/export/clinic?format=csv")).StatusCode);
        await app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<StillpointDbContext>();
            db.Patients.AddRange(StillpointTestApp.NewPatient(clinic.Id, $"L1-{clinic.Tag}", "Lena"), StillpointTestApp.NewPatient(clinic.Id, $"L2-{clinic.Tag}", "Lars"));
            return await db.SaveChangesAsync();
        });
        var auditsBefore = await ExportAuditsAsync(app, clinic.OtherPatientId);

        foreach (var refused in new[]
        {
            await admin.GetAsync("/api/v1/export/clinic?format=fhir"), await admin.GetAsync("/api/v1/export/research"),
            await page.GetAsync("/export/download/csv"), await page.GetAsync("/export/download/research"),
        })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("has 4 patients; one download holds at most 3", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("stillpoint export", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var exportPage = await page.GetHtmlAsync("/export");
        Assert.Contains("data-export=\"too-large\"", exportPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/export/download/", exportPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/patients/{clinic.OtherPatientId}/export?format=fhir")).StatusCode);
        Assert.Equal(auditsBefore + 1, await ExportAuditsAsync(app, clinic.OtherPatientId)); // only the one-patient download
    }

    private static int SubscaleRows(string csv) => InteropSeed.Lines(csv).Count(l => l.Contains(",subscale:", StringComparison.Ordinal));

    private static async Task<Dictionary<string, string>> UnzipAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            files[entry.FullName] = await reader.ReadToEndAsync();
        }

        return files;
    }

    private static Task<int> ExportAuditsAsync(StillpointTestApp app, Guid patient) => app.AsSystemAsync(services =>
        services.GetRequiredService<StillpointDbContext>().AuditEntries.CountAsync(a => a.PatientId == patient && a.EntityType == "PatientExport"));
}
