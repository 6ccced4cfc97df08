using System.Net;
using System.Text;
using System.Text.Json;
using Stillpoint.Core.Access;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests;

/// <summary>
/// Walks every /api/v1 operation in the OpenAPI document with every role and with no token, and checks the
/// answer against the declared policy below. A new endpoint missing from this table fails the build.
/// </summary>
[Collection(WebAppsDefinition.Name)]
public sealed class AuthorizationMatrixTests(AppsFixture apps)
{
    private const string Anonymous = "anonymous";

    private static readonly string[] Everyone = [.. Roles.All];
    private static readonly string[] Editors = [Roles.ClinicAdmin, Roles.Prescriber, Roles.Nurse];
    private static readonly string[] Admin = [Roles.ClinicAdmin];
    private static readonly string[] Staff = [.. Roles.Staff];
    private static readonly string[] Recorders = [Roles.Prescriber, Roles.Nurse];
    private static readonly string[] NoteTakers = [Roles.Prescriber, Roles.Nurse, Roles.Therapist];
    private static readonly string[] StaffOnly = [.. Roles.Staff];
    private static readonly string[] Research = [Roles.ClinicAdmin, Roles.Prescriber];
    private static readonly string[] PrescriberOnly = [Roles.Prescriber];
    private static readonly string[] ConsentSigners = [Roles.ClinicAdmin, Roles.Prescriber, Roles.Nurse, Roles.Patient];

    /// <summary>The declared policy: which roles may call each operation ("anonymous" = no sign-in needed).</summary>
    private static readonly Dictionary<string, string[]> Policy = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/auth/login"] = [Anonymous],
        ["GET /api/v1/patients"] = Everyone,
        ["POST /api/v1/patients"] = Editors,
        ["GET /api/v1/patients/{id}"] = Everyone,
        ["PUT /api/v1/patients/{id}"] = Editors,
        ["POST /api/v1/patients/{id}/portal-login"] = Admin,
        ["GET /api/v1/audit"] = Admin,
        ["GET /api/v1/instruments"] = Everyone,
        ["GET /api/v1/instruments/{id}"] = Everyone,
        ["POST /api/v1/instruments/{id}/score"] = StaffOnly,
        ["GET /api/v1/patients/{id}/responses"] = Everyone,
        ["POST /api/v1/patients/{id}/responses"] = Everyone,
        ["GET /api/v1/patients/{id}/responses/{responseId}"] = Everyone,
        ["POST /api/v1/patients/{id}/responses/{responseId}/corrections"] = StaffOnly,
        ["GET /api/v1/patients/{id}/responses/reliable-change"] = Everyone,
        ["GET /api/v1/patients/{id}/outcomes"] = Staff,
        ["POST /api/v1/patients/{id}/sessions"] = Recorders,
        ["GET /api/v1/patients/{id}/sessions"] = Staff,
        ["GET /api/v1/sessions/in-progress"] = Staff,
        ["GET /api/v1/sessions/{id}"] = Staff,
        ["POST /api/v1/sessions/{id}/transitions"] = Recorders,
        ["PUT /api/v1/sessions/{id}/preparation"] = Recorders,
        ["POST /api/v1/sessions/{id}/go-no-go"] = Recorders,
        ["POST /api/v1/sessions/{id}/administrations"] = Recorders,
        ["POST /api/v1/sessions/{id}/administrations/{entryId}/end"] = Recorders,
        ["POST /api/v1/sessions/{id}/vitals"] = Recorders,
        ["POST /api/v1/sessions/{id}/vitals/batch"] = Recorders,
        ["POST /api/v1/sessions/{id}/ratings"] = Recorders,
        ["POST /api/v1/sessions/{id}/observations"] = NoteTakers,
        ["POST /api/v1/sessions/{id}/notes"] = NoteTakers,
        ["POST /api/v1/sessions/{id}/adverse-events"] = Recorders,
        ["POST /api/v1/sessions/{id}/alerts/{alertId}/acknowledge"] = Recorders,
        ["GET /api/v1/sessions/{id}/discharge"] = Staff,
        ["POST /api/v1/sessions/{id}/discharge-score"] = Recorders,
        ["POST /api/v1/sessions/{id}/discharge"] = Recorders,
        ["GET /api/v1/ledger/balances"] = Recorders,
        ["GET /api/v1/ledger/reconciliation"] = Recorders,
        ["POST /api/v1/ledger/entries"] = Recorders,
        ["POST /api/v1/patients/{patientId}/connectivity/scans"] = Research,
        ["GET /api/v1/patients/{patientId}/connectivity/scans"] = StaffOnly,
        ["GET /api/v1/patients/{patientId}/connectivity/scans/{scanId}"] = StaffOnly,
        ["GET /api/v1/patients/{patientId}/connectivity/comparison"] = StaffOnly,
        ["GET /api/v1/patients/{patientId}/connectivity/export"] = Research,
        ["GET /api/v1/connectivity/label-sets"] = StaffOnly,
        ["POST /api/v1/connectivity/label-sets"] = Research,
        ["GET /api/v1/connectivity/control-sets"] = StaffOnly,
        ["POST /api/v1/connectivity/control-sets"] = Research,
        ["GET /api/v1/connectivity/export"] = Research,
        ["GET /api/v1/patients/{id}/assessment"] = StaffOnly,
        ["GET /api/v1/patients/{id}/intake"] = StaffOnly,
        ["POST /api/v1/patients/{id}/intake"] = Editors,
        ["GET /api/v1/patients/{id}/eligibility"] = StaffOnly,
        ["POST /api/v1/patients/{id}/eligibility/sign-off"] = PrescriberOnly,
        ["GET /api/v1/patients/{id}/consents"] = Everyone,
        ["POST /api/v1/patients/{id}/consents"] = ConsentSigners,
        ["POST /api/v1/patients/{id}/consents/{consentId}/withdraw"] = ConsentSigners,
        ["GET /api/v1/patients/{id}/plans"] = StaffOnly,
        ["POST /api/v1/patients/{id}/plans"] = PrescriberOnly,
        ["GET /api/v1/patients/{id}/plans/{planId}"] = StaffOnly,
        ["PUT /api/v1/patients/{id}/plans/{planId}"] = PrescriberOnly,
        ["POST /api/v1/patients/{id}/plans/{planId}/status"] = PrescriberOnly,
        ["POST /api/v1/patients/{id}/sessions/schedule-check"] = StaffOnly,
        ["GET /api/v1/consent-documents"] = Everyone,
        ["POST /api/v1/consent-documents"] = Admin,
        ["GET /api/v1/eligibility-rules"] = StaffOnly,
        ["GET /api/v1/outcomes/dashboard"] = StaffOnly,
        ["GET /api/v1/outcomes/durability"] = StaffOnly,
        ["PUT /api/v1/eligibility-rules"] = Admin,
        ["GET /api/v1/patients/{id}/export"] = Research,
        ["GET /api/v1/export/clinic"] = Research,
        ["GET /api/v1/export/research"] = Research,
        ["GET /api/v1/portal/journal"] = [Roles.Patient],
        ["POST /api/v1/portal/journal"] = [Roles.Patient],
        ["GET /api/v1/portal/journal/{entryId}"] = [Roles.Patient],
        ["PUT /api/v1/portal/journal/{entryId}"] = [Roles.Patient],
        ["PUT /api/v1/portal/journal/{entryId}/sharing"] = [Roles.Patient],
        ["GET /api/v1/patients/{id}/journal/shared"] = Staff,
        ["GET /api/v1/patients/{id}/journal/shared/{entryId}"] = Staff,
        ["GET /api/v1/patients/{id}/integration-notes"] = Staff,
        ["GET /api/v1/patients/{id}/integration-notes/{noteId}"] = Staff,
        ["POST /api/v1/patients/{id}/integration-notes"] = [Roles.Therapist, Roles.Prescriber],
        ["PUT /api/v1/patients/{id}/integration-notes/{noteId}"] = [Roles.Therapist, Roles.Prescriber],
        ["GET /api/v1/journal-prompts"] = Everyone,
        ["PUT /api/v1/journal-prompts"] = Admin,
        ["GET /api/v1/patients/{id}/follow-up/schedule"] = Everyone,
        ["GET /api/v1/alerts"] = Staff,
        ["POST /api/v1/alerts/{id}/acknowledge"] = Staff,
        ["POST /api/v1/alerts/{id}/resolve"] = Staff,
        ["GET /api/v1/alerts/settings"] = Staff,
        ["PUT /api/v1/alerts/settings"] = Admin,
        ["GET /api/v1/boosters"] = Staff,
        ["POST /api/v1/boosters/{id}/accept"] = PrescriberOnly,
        ["POST /api/v1/boosters/{id}/dismiss"] = PrescriberOnly,
        ["GET /api/v1/follow-up/templates"] = StaffOnly,
        ["GET /api/v1/follow-up/templates/{scope}"] = StaffOnly,
        ["PUT /api/v1/follow-up/templates/{scope}"] = Admin,
        ["GET /api/v1/portal/notifications"] = [Roles.Patient],
        ["POST /api/v1/portal/notifications/{id}/read"] = [Roles.Patient],
    };

    [Fact]
    public async Task EveryApiOperation_AnswersAsTheDeclaredPolicySays()
    {
        var app = apps["sqlite"];
        var clinic = await app.NewClinicAsync();
        var operations = await ReadOperationsAsync(app, clinic);

        var undeclared = operations.Where(o => !Policy.ContainsKey(o)).ToList();
        Assert.True(undeclared.Count == 0, $"Declare a policy for: {string.Join(", ", undeclared)}");
        Assert.Empty(Policy.Keys.Except(operations));

        var failures = new List<string>();
        foreach (var operation in operations)
        {
            await CheckAsync(app, clinic, operation, null, failures);
            foreach (var role in Roles.All)
            {
                await CheckAsync(app, clinic, operation, role, failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task CheckAsync(StillpointTestApp app, TestClinic clinic, string operation, string? role, List<string> failures)
    {
        var allowed = Policy[operation];
        using var client = role is null ? app.CreateClient() : await app.ClientAsAsync(clinic, role);
        var status = await CallAsync(client, operation);
        var anonymous = allowed.Contains(Anonymous);
        var expectation = role switch
        {
            _ when anonymous => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) || operation.EndsWith("login", StringComparison.Ordinal),
            null => status == HttpStatusCode.Unauthorized,
            _ when allowed.Contains(role) => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
            _ => status == HttpStatusCode.Forbidden,
        };
        if (!expectation)
        {
            failures.Add($"{operation} as {role ?? "no token"}: got {(int)status}");
        }
    }

    private static async Task<HttpStatusCode> CallAsync(HttpClient client, string operation)
    {
        var space = operation.IndexOf(' ', StringComparison.Ordinal);
        var method = new HttpMethod(operation[..space]);
        var path = System.Text.RegularExpressions.Regex.Replace(operation[(space + 1)..], "{[^}]+}", Guid.NewGuid().ToString());
        using var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<List<string>> ReadOperationsAsync(StillpointTestApp app, TestClinic clinic)
    {
        using var client = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);
        var document = await (await client.GetAsync("/openapi/v1.json")).ReadAsync<JsonElement>(HttpStatusCode.OK);
        var operations = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1", StringComparison.Ordinal)))
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                operations.Add($"{method.Name.ToUpperInvariant()} {path.Name}");
            }
        }

        return operations;
    }
}
