using System.Net;
using Stillpoint.Core.Access;
using Stillpoint.Core.Patients;
using Stillpoint.Web.Patients;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests;

[Collection(WebAppsDefinition.Name)]
public sealed class PatientApiTests(AppsFixture apps)
{
    private static PatientUpdate NewPatient(string mrn, int? version = null) =>
        new(mrn, "Robin", "Example", new DateOnly(1985, 2, 3), Sex.Female, "robin@example.test", "+44 20 7946 0000", 68.5m, new DateOnly(2026, 11, 1), version);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_Get_Update_Search_RoundTrip(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);

        var created = await (await nurse.PostJsonAsync("/api/v1/patients", NewPatient($"MRN-{clinic.Tag}"))).ReadAsync<PatientDto>(HttpStatusCode.Created);
        Assert.Equal(0, created.Version);
        Assert.Equal(68.5m, created.WeightKg);

        var fetched = await (await nurse.GetAsync($"/api/v1/patients/{created.Id}")).ReadAsync<PatientDto>(HttpStatusCode.OK);
        Assert.Equal(created, fetched);

        var edit = NewPatient($"MRN-{clinic.Tag}", version: 0) with { GivenName = "Robyn", WeightKg = 70m };
        var updated = await (await nurse.PutJsonAsync($"/api/v1/patients/{created.Id}", edit)).ReadAsync<PatientDto>(HttpStatusCode.OK);
        Assert.Equal("Robyn", updated.GivenName);
        Assert.Equal(1, updated.Version);

        var byName = await (await nurse.GetAsync("/api/v1/patients?search=robyn")).ReadAsync<PatientPage>(HttpStatusCode.OK);
        Assert.Equal(created.Id, Assert.Single(byName.Items).Id);
        var byMrn = await (await nurse.GetAsync($"/api/v1/patients?search=mrn-{clinic.Tag}")).ReadAsync<PatientPage>(HttpStatusCode.OK);
        Assert.Equal(created.Id, Assert.Single(byMrn.Items).Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Update_WithStaleVersion_Is409AndChangesNothing(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var created = await (await nurse.PostJsonAsync("/api/v1/patients", NewPatient($"S-{clinic.Tag}"))).ReadAsync<PatientDto>(HttpStatusCode.Created);

        // First editor saves version 0 -> 1; the second editor still holds version 0.
        await (await nurse.PutJsonAsync($"/api/v1/patients/{created.Id}", NewPatient($"S-{clinic.Tag}", 0) with { FamilyName = "First" })).ReadAsync<PatientDto>(HttpStatusCode.OK);
        var stale = await nurse.PutJsonAsync($"/api/v1/patients/{created.Id}", NewPatient($"S-{clinic.Tag}", 0) with { FamilyName = "Second" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = await (await nurse.GetAsync($"/api/v1/patients/{created.Id}")).ReadAsync<PatientDto>(HttpStatusCode.OK);
        Assert.Equal("First", current.FamilyName);
        Assert.Equal(1, current.Version);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_WithBadInput_Is400WithFieldErrorsAndStoresNothing(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var mrn = $"BAD-{clinic.Tag}";

        var response = await nurse.PostJsonAsync("/api/v1/patients", NewPatient(mrn) with { GivenName = " ", DateOfBirth = new DateOnly(2999, 1, 1), WeightKg = 2m, Sex = null });

        var errors = await response.FieldErrorsAsync();
        Assert.Contains("givenName", errors.Keys);
        Assert.Contains("dateOfBirth", errors.Keys);
        Assert.Contains("weightKg", errors.Keys);
        Assert.Contains("sex", errors.Keys);
        var search = await (await nurse.GetAsync($"/api/v1/patients?search={mrn}")).ReadAsync<PatientPage>(HttpStatusCode.OK);
        Assert.Equal(0, search.Total);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_WithMalformedJson_Is400NamingTheField(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var content = new StringContent("""{"mrn":"X1","dateOfBirth":"31/12/1990"}""", System.Text.Encoding.UTF8, "application/json");

        var errors = await (await nurse.PostAsync("/api/v1/patients", content)).FieldErrorsAsync();

        Assert.Contains("dateOfBirth", errors.Keys);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_WithDuplicateMrn_Is400(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        await (await nurse.PostJsonAsync("/api/v1/patients", NewPatient($"D-{clinic.Tag}"))).ReadAsync<PatientDto>(HttpStatusCode.Created);

        var errors = await (await nurse.PostJsonAsync("/api/v1/patients", NewPatient($"D-{clinic.Tag}"))).FieldErrorsAsync();

        Assert.Contains("mrn", errors.Keys);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnotherClinicsPatient_Is404ForReadAndWrite(string provider)
    {
        var app = apps[provider];
        var mine = await app.NewClinicAsync();
        var theirs = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(mine, Roles.Nurse);

        var read = await nurse.GetAsync($"/api/v1/patients/{theirs.OtherPatientId}");
        var write = await nurse.PutJsonAsync($"/api/v1/patients/{theirs.OtherPatientId}", NewPatient("HIJACK", 0));
        var list = await (await nurse.GetAsync("/api/v1/patients?pageSize=100")).ReadAsync<PatientPage>(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.DoesNotContain(list.Items, p => p.Id == theirs.OtherPatientId || p.Id == theirs.PortalPatientId);
        Assert.Equal(2, list.Total);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PatientAccount_SeesOnlyItsOwnRecord(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var patient = await app.ClientAsAsync(clinic, Roles.Patient);

        var own = await (await patient.GetAsync($"/api/v1/patients/{clinic.PortalPatientId}")).ReadAsync<PatientDto>(HttpStatusCode.OK);
        var other = await patient.GetAsync($"/api/v1/patients/{clinic.OtherPatientId}");
        var list = await (await patient.GetAsync("/api/v1/patients")).ReadAsync<PatientPage>(HttpStatusCode.OK);

        Assert.Equal(clinic.PortalPatientId, own.Id);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(clinic.PortalPatientId, Assert.Single(list.Items).Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PortalLogin_CreatedByAdmin_SignsInAsThatPatientOnly(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);
        var email = $"portal-{clinic.Tag}@test.stillpoint";

        var weak = await admin.PostJsonAsync($"/api/v1/patients/{clinic.OtherPatientId}/portal-login", new PortalLoginRequest(email, "short"));
        var linked = await admin.PostJsonAsync($"/api/v1/patients/{clinic.OtherPatientId}/portal-login", new PortalLoginRequest(email, StillpointTestApp.Password));
        var again = await admin.PostJsonAsync($"/api/v1/patients/{clinic.OtherPatientId}/portal-login", new PortalLoginRequest($"x{email}", StillpointTestApp.Password));

        Assert.Contains("password", (await weak.FieldErrorsAsync()).Keys);
        Assert.True((await linked.ReadAsync<PatientDto>(HttpStatusCode.OK)).HasPortalLogin);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var portal = app.CreateClient();
        portal.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(email));
        var list = await (await portal.GetAsync("/api/v1/patients")).ReadAsync<PatientPage>(HttpStatusCode.OK);
        Assert.Equal(clinic.OtherPatientId, Assert.Single(list.Items).Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_WithBadPaging_Is400(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);

        var errors = await (await nurse.GetAsync("/api/v1/patients?page=0&pageSize=1000")).FieldErrorsAsync();

        Assert.Contains("page", errors.Keys);
        Assert.Contains("pageSize", errors.Keys);
    }
}
