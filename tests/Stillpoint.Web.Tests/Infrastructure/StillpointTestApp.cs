using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Core.Access;
using Stillpoint.Data;
using Stillpoint.Data.Accounts;
using Stillpoint.Data.Entities;
using Stillpoint.Web.Auth;

namespace Stillpoint.Web.Tests.Infrastructure;

/// <summary>One running server over one throwaway database, with intent methods for tests.</summary>
public sealed class StillpointTestApp : WebApplicationFactory<Program>
{
    public const string Password = "Test-Password-1";

    private readonly TestDatabase _database;
    private readonly bool _demo;
    private readonly bool _ownsDatabase;

    private StillpointTestApp(TestDatabase database, bool demo = false, bool ownsDatabase = true)
    {
        _database = database;
        _demo = demo;
        _ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database => _database;

    public string Provider => _database.Provider;

    public static async Task<StillpointTestApp> StartAsync(string provider)
    {
        var app = new StillpointTestApp(await TestDatabase.CreateAsync(provider));
        _ = app.Server; // starts the host: migrations run here
        return app;
    }

    /// <summary>A server over an existing database (not deleted on dispose), with demo mode on or off.</summary>
    public static StillpointTestApp Over(TestDatabase database, bool demo)
    {
        var app = new StillpointTestApp(database, demo, ownsDatabase: false);
        _ = app.Server;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", _database.Provider);
        builder.UseSetting("ConnectionStrings:Stillpoint", _database.ConnectionString);
        // Tests make their own clinics; the demo clinic is exercised by the demo-mode tests.
        builder.UseSetting("Demo:Enabled", _demo ? "true" : "false");
        // Tests sweep overdue vitals checks by hand with their own clock (OverdueAlertTests); no background sweep.
        builder.UseSetting("Sessions:OverdueSweepSeconds", "0");
        // Test clinics have two patients: three lets ExportApiTests show a clinic above the download limit.
        builder.UseSetting("Export:MaxPatientsPerDownload", "3");
    }

    /// <summary>Runs work as the trusted system caller (like the CLI), outside any request.</summary>
    public async Task<T> AsSystemAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().UseSystem();
        return await work(scope.ServiceProvider);
    }

    /// <summary>A new clinic with one account per role and two patients (the first has the portal login).</summary>
    public Task<TestClinic> NewClinicAsync() => AsSystemAsync(async services =>
    {
        var db = services.GetRequiredService<StillpointDbContext>();
        var accounts = services.GetRequiredService<AccountService>();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var clinic = new Clinic { Name = $"Clinic {tag}", CreatedAt = DateTimeOffset.UtcNow };
        db.Clinics.Add(clinic);
        var patients = new[] { NewPatient(clinic.Id, $"A-{tag}", "Alex"), NewPatient(clinic.Id, $"B-{tag}", "Blair") };
        db.Patients.AddRange(patients);
        await db.SaveChangesAsync();
        var emails = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in Roles.All)
        {
            var email = $"{role.ToLowerInvariant()}-{tag}@test.stillpoint";
            var patientId = role == Roles.Patient ? patients[0].Id : (Guid?)null;
            var created = await accounts.CreateAsync(new NewAccount(clinic.Id, role, email, Password, $"{role} {tag}", patientId), CancellationToken.None);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors?.Messages ?? []));
            if (patientId is not null)
            {
                patients[0].UserId = created.Value!.Id;
                await db.SaveChangesAsync();
            }

            emails[role] = email;
        }

        return new TestClinic(clinic.Id, tag, emails, patients[0].Id, patients[1].Id);
    });

    public async Task<string> TokenAsync(string email, string password = Password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    /// <summary>An API client signed in as the clinic's account for <paramref name="role"/>.</summary>
    public async Task<HttpClient> ClientAsAsync(TestClinic clinic, string role)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(clinic.Emails[role]));
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }

    internal static Patient NewPatient(Guid clinicId, string mrn, string given)
    {
        var patient = new Patient { ClinicId = clinicId, Mrn = mrn, GivenName = given, FamilyName = "Testperson" };
        patient.Apply(new Core.Patients.PatientInput(mrn, given, "Testperson", new DateOnly(1980, 5, 1), Core.Patients.Sex.Unknown, null, null, 70m, new DateOnly(2026, 1, 1)));
        return patient;
    }

    private sealed record TokenResponse(string AccessToken, int ExpiresIn);
}

public sealed record TestClinic(Guid Id, string Tag, IReadOnlyDictionary<string, string> Emails, Guid PortalPatientId, Guid OtherPatientId);
