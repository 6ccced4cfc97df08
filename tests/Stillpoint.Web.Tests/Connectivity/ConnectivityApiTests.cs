using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Core.Access;
using Stillpoint.Data;
using Stillpoint.Data.Connectivity;
using Stillpoint.Web.Audit;
using Stillpoint.Web.Connectivity;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Connectivity;

[Collection(WebAppsDefinition.Name)]
public sealed class ConnectivityApiTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BaselineAndPostUploads_GiveTheMatrix_AndThePrePostChangeAgainstControls(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var prescriber = await app.ClientAsAsync(clinic, Roles.Prescriber);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var labels = await CreateLabelSetAsync(prescriber);
        var controls = await (await prescriber.PostJsonAsync("/api/v1/connectivity/control-sets", new ControlSetUpload(
                "Healthy controls", 2.0, "bandpass", null, null, ConnectivityTestData.DropColumns, labels.Id,
                [.. ConnectivityTestData.Controls.Select(c => new ControlSeriesFile(c.Name, c.Text))])))
            .ReadAsync<ControlSetDto>(HttpStatusCode.Created);
        var url = $"/api/v1/patients/{clinic.OtherPatientId}/connectivity";

        var baseline = await UploadAsync(prescriber, url, ScanTimePoint.Baseline, null, new DateOnly(2026, 1, 10), ConnectivityTestData.Baseline);
        var post = await UploadAsync(prescriber, url, ScanTimePoint.AfterCourse, null, new DateOnly(2026, 3, 2), ConnectivityTestData.Post);

        // Every figure carries the options it was computed with.
        Assert.Equal("bandpass", baseline.Options.Pipeline);
        Assert.Equal(0.01, baseline.Options.BandLowHz);
        Assert.Equal(5, baseline.Options.FilterOrder);
        Assert.Contains("Butterworth", baseline.Options.Description, StringComparison.Ordinal);
        Assert.Equal(controls.Options.Pipeline, baseline.Options.Pipeline);

        var list = await (await nurse.GetAsync($"{url}/scans")).ReadAsync<List<ScanSummaryDto>>(HttpStatusCode.OK);
        Assert.Equal([baseline.Id, post.Id], list.Select(s => s.Id));

        var detail = await (await nurse.GetAsync($"{url}/scans/{baseline.Id}?controlSetId={controls.Id}")).ReadAsync<ScanDetailDto>(HttpStatusCode.OK);
        Assert.Equal(detail.Regions.Count, detail.FisherZ.Count);
        Assert.All(detail.FisherZ, row => Assert.Equal(detail.Regions.Count, row.Count));
        Assert.Equal(detail.FisherZ[0][1], detail.FisherZ[1][0]);
        Assert.Contains(detail.Regions, r => r.Network == "DMN core");
        Assert.NotNull(detail.Dmn.CoreMeanZ);
        if (ConnectivityTestData.IsReal)
        {
            Assert.Equal(ConnectivityTestData.RealBaselineBandPassCoreMeanZ, detail.Dmn.CoreMeanZ!.Value, 0.005);
            Assert.Equal(28, detail.Dmn.CorePairCount);
        }

        var position = Assert.Single(detail.Controls!.Metrics, m => m.Metric == "core_dmn_mean_z");
        Assert.Equal(controls.SubjectCount, position.ControlCount);
        Assert.NotNull(position.ZScore);

        var comparison = await (await nurse.GetAsync($"{url}/comparison?controlSetId={controls.Id}")).ReadAsync<ScanComparisonDto>(HttpStatusCode.OK);
        Assert.Equal(baseline.Id, comparison.Pre.Id);
        Assert.Equal(post.Id, comparison.Post.Id);
        var core = comparison.CoreMean!;
        Assert.Equal(post.CoreMeanZ!.Value - baseline.CoreMeanZ!.Value, core.Change, 1e-12);
        Assert.Equal(Math.Abs(core.PreZ!.Value) - Math.Abs(core.PostZ!.Value), core.TowardControls!.Value, 1e-12);
        Assert.Contains(core.Direction, new[] { "toward controls", "away from controls" });
        Assert.Contains(comparison.Metrics, m => m.Metric.StartsWith("edge:", StringComparison.Ordinal));
        Assert.Equal(comparison.Regions.Count, comparison.EdgeChange.Count);
        Assert.Equal(post.CoreMeanZ.Value, comparison.Post.CoreMeanZ!.Value);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BadSeries_Answers400NamingLineAndColumn_AndStoresNothing(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var prescriber = await app.ClientAsAsync(clinic, Roles.Prescriber);
        await CreateLabelSetAsync(prescriber);
        var url = $"/api/v1/patients/{clinic.OtherPatientId}/connectivity/scans";
        var lines = ConnectivityTestData.Baseline.Text.Split('\n');
        var fields = lines[3].Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        fields[2] = "abc";
        lines[3] = string.Join('\t', fields);

        var response = await prescriber.PostJsonAsync(url, Upload(ScanTimePoint.Baseline, null, new DateOnly(2026, 1, 10), ("bad.txt", string.Join('\n', lines))));

        var errors = await response.FieldErrorsAsync();
        var message = Assert.Single(errors["seriesText"]);
        Assert.Contains("line 4, column 3", message, StringComparison.Ordinal);
        Assert.Empty(await (await prescriber.GetAsync(url)).ReadAsync<List<ScanSummaryDto>>(HttpStatusCode.OK));
        var stored = await app.AsSystemAsync(services => services.GetRequiredService<StillpointDbContext>().Set<ConnectivityScan>().CountAsync(s => s.PatientId == clinic.OtherPatientId));
        Assert.Equal(0, stored);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BadFields_AnswerFieldErrors(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var prescriber = await app.ClientAsAsync(clinic, Roles.Prescriber);
        var url = $"/api/v1/patients/{clinic.OtherPatientId}/connectivity/scans";

        var response = await prescriber.PostJsonAsync(url, new ScanUpload(ScanTimePoint.AfterSession, null, new DateOnly(2100, 1, 1), 2.0, "bandpass", 0.01, 0.3, null, null, "x.txt", "1 2\n3 4\n5 6\n"));

        var errors = await response.FieldErrorsAsync();
        Assert.Contains("sessionNumber", errors.Keys);
        Assert.Contains("scannedOn", errors.Keys);
        Assert.Contains("bandHighHz", errors.Keys);
        Assert.Contains("labelSetId", errors.Keys);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnotherClinicsPatient_Is404_AndAPatientAccountIs403(string provider)
    {
        var app = apps[provider];
        var mine = await app.NewClinicAsync();
        var theirs = await app.NewClinicAsync();
        using var prescriber = await app.ClientAsAsync(mine, Roles.Prescriber);
        using var patient = await app.ClientAsAsync(theirs, Roles.Patient);
        await CreateLabelSetAsync(prescriber);
        var url = $"/api/v1/patients/{theirs.OtherPatientId}/connectivity";

        Assert.Equal(HttpStatusCode.NotFound, (await prescriber.PostJsonAsync($"{url}/scans", Upload(ScanTimePoint.Baseline, null, new DateOnly(2026, 1, 10), ConnectivityTestData.Baseline))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await prescriber.GetAsync($"{url}/scans")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await prescriber.GetAsync($"{url}/comparison")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await prescriber.GetAsync($"{url}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync($"/api/v1/patients/{theirs.PortalPatientId}/connectivity/scans")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Reads_AreAudited_AndTheExportCarriesOptionsPerFigure(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var prescriber = await app.ClientAsAsync(clinic, Roles.Prescriber);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);
        await CreateLabelSetAsync(prescriber);
        var url = $"/api/v1/patients/{clinic.OtherPatientId}/connectivity";
        var scan = await UploadAsync(prescriber, url, ScanTimePoint.Baseline, null, new DateOnly(2026, 1, 10), ConnectivityTestData.Baseline);

        await nurse.GetAsync($"{url}/scans");
        await nurse.GetAsync($"{url}/scans/{scan.Id}");
        var csv = await (await prescriber.GetAsync($"{url}/export")).Content.ReadAsStringAsync();

        var trail = await (await admin.GetAsync($"/api/v1/audit?patientId={clinic.OtherPatientId}")).ReadAsync<AuditPage>(HttpStatusCode.OK);
        var reads = trail.Items.Where(e => e.Action == "read" && e.EntityType == nameof(ConnectivityScan)).ToList();
        Assert.Contains(reads, e => e.Role == Roles.Nurse && e.EntityId == null);
        Assert.Contains(reads, e => e.Role == Roles.Nurse && e.EntityId == scan.Id.ToString());
        Assert.Contains(reads, e => e.Role == Roles.Prescriber);
        Assert.Contains(trail.Items, e => e.Action == "create" && e.EntityType == nameof(ConnectivityScan));
        var rows = csv.TrimEnd('\n').Split('\n');
        Assert.StartsWith("patient_id,scan_id,time_point", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Contains(",bandpass,2,0.01,0.1,5,Pearson,", StringComparison.Ordinal) && r.Contains(",core_dmn_mean_z,", StringComparison.Ordinal));
    }

    internal static async Task<LabelSetDto> CreateLabelSetAsync(HttpClient client) =>
        await (await client.PostJsonAsync("/api/v1/connectivity/label-sets", new LabelSetUpload("Harvard-Oxford (test)", ConnectivityTestData.LabelsCsv)))
            .ReadAsync<LabelSetDto>(HttpStatusCode.Created);

    private static ScanUpload Upload(ScanTimePoint timePoint, int? session, DateOnly on, (string Name, string Text) file) =>
        new(timePoint, session, on, 2.0, "bandpass", null, null, ConnectivityTestData.DropColumns, null, file.Name, file.Text);

    private static async Task<ScanSummaryDto> UploadAsync(HttpClient client, string url, ScanTimePoint timePoint, int? session, DateOnly on, (string Name, string Text) file) =>
        await (await client.PostJsonAsync($"{url}/scans", Upload(timePoint, session, on, file))).ReadAsync<ScanSummaryDto>(HttpStatusCode.Created);
}
