using System.Net;
using System.Xml.Linq;
using Stillpoint.Core.Access;
using Stillpoint.Web.Audit;
using Stillpoint.Web.Outcomes;
using Stillpoint.Web.Responses;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Outcomes;

/// <summary>The patient outcome figures through the API and the pages, for a patient built response by response, on every provider.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class PatientOutcomeTests(AppsFixture apps)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string Outcomes(Guid patientId) => $"/api/v1/patients/{patientId}/outcomes";

    /// <summary>PHQ-9 answers summing to <paramref name="total"/> with item 9 at 0 (no suicide flag in these tests).</summary>
    private static int[] Phq9(int total) => [.. Enumerable.Range(0, 9).Select(i => i == 8 ? 0 : Math.Min(3, Math.Max(0, total - (3 * i))))];

    private static async Task<ResponseDto> PostAsync(HttpClient client, Guid patient, string instrument, int[] answers, string answeredAt, string context = "follow-up", Guid? sessionId = null) =>
        await (await client.PostJsonAsync($"/api/v1/patients/{patient}/responses", new { instrumentId = instrument, answers, answeredAt, context, dosingSessionId = sessionId }))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);

    /// <summary>
    /// PHQ-9 at the boundaries of the §1 rules [U]: baseline 20; 11 is a 45 % drop (no response); 10 is exactly 50 %
    /// (response); 5 is not &lt; 5 (no remission); 4 is remission; 11 again no longer meets the response rule (relapse,
    /// the clinic's default loss-of-response rule). A response of 2 on 12 Jan is corrected to 19: superseded, it must not count.
    /// </summary>
    private static async Task<(ResponseDto Superseded, ResponseDto Correction)> BuildPhq9CourseAsync(HttpClient nurse, Guid patient)
    {
        await PostAsync(nurse, patient, "phq9", Phq9(20), "2026-01-05T09:00:00Z", "baseline");
        var wrong = await PostAsync(nurse, patient, "phq9", Phq9(2), "2026-01-12T09:00:00Z");
        var correction = await (await nurse.PostJsonAsync($"/api/v1/patients/{patient}/responses/{wrong.Id}/corrections", new { answers = Phq9(19), reason = "Entered from the wrong form" }))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);
        foreach (var (total, day) in new[] { (11, "2026-01-19"), (10, "2026-02-02"), (5, "2026-02-16"), (4, "2026-03-02"), (11, "2026-03-16") })
        {
            await PostAsync(nurse, patient, "phq9", Phq9(total), $"{day}T09:00:00Z");
        }

        return (wrong, correction);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Api_BaselineLatestAndLabels_AtTheRuleBoundaries_WithoutSupersededResponses(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var patient = clinic.OtherPatientId;
        var (superseded, correction) = await BuildPhq9CourseAsync(nurse, patient);

        var outcomes = await (await nurse.GetAsync(Outcomes(patient))).ReadAsync<PatientOutcomesDto>(HttpStatusCode.OK);

        var phq9 = Assert.Single(outcomes.Instruments);
        Assert.Equal("phq9", phq9.Instrument);
        Assert.Equal((0, 27), (phq9.RangeMin, phq9.RangeMax));
        Assert.Equal(["minimal", "mild", "moderate", "moderately severe", "severe"], phq9.Bands.Select(b => b.Name));
        Assert.DoesNotContain(phq9.Scores, s => s.ResponseId == superseded.Id);
        Assert.Contains(phq9.Scores, s => s.ResponseId == correction.Id && s.Total == 19);
        Assert.Equal(7, phq9.Scores.Count);
        Assert.Equal(20, phq9.Baseline!.Total);
        Assert.Equal(11, phq9.Latest!.Total);
        Assert.Equal(-9, phq9.Change);

        var labels = phq9.Labels.ToDictionary(l => l.Kind, StringComparer.Ordinal);
        // Response: 11 (45 %) is not enough, 10 (exactly 50 %) is.
        Assert.Equal("met", labels["response"].Status);
        Assert.Equal(new DateOnly(2026, 2, 2), labels["response"].Date);
        Assert.True(labels["response"].Unverified);
        Assert.Contains("§1", labels["response"].Rule, StringComparison.Ordinal);
        // Remission: 5 is not < 5; 4 is. The latest (11) is not in remission.
        Assert.Equal("not-met", labels["remission"].Status);
        Assert.Equal(new DateOnly(2026, 3, 2), labels["remission"].Date);
        // Relapse after response: 11 on 16 Mar no longer meets the 50 % rule against 20.
        Assert.Equal("met", labels["relapse"].Status);
        Assert.Equal(new DateOnly(2026, 3, 16), labels["relapse"].Date);
        // RCI: −9 / (√2 × 3.5 × √(1 − 0.84)) ≈ −4.5, |RCI| > 1.96 (PHQ-9 defaults, §1).
        Assert.Equal("reliably-improved", labels["reliable-change"].Status);
        Assert.Contains("1.96", labels["reliable-change"].Rule, StringComparison.Ordinal);

        // Every read is audited (ids only).
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);
        var trail = await (await admin.GetAsync($"/api/v1/audit?patientId={patient}&pageSize=200")).ReadAsync<AuditPage>(HttpStatusCode.OK);
        Assert.Contains(trail.Items, e => e is { Action: "read", EntityType: "PatientOutcomes" } && e.EntityId == patient.ToString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Api_OtherClinicsPatient_Is404_PatientRole_Is403_UnknownPatient_Is404(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var other = await app.NewClinicAsync();
        using var otherNurse = await app.ClientAsAsync(other, Roles.Nurse);
        using var patientAccount = await app.ClientAsAsync(clinic, Roles.Patient);
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);

        Assert.Equal(HttpStatusCode.NotFound, (await otherNurse.GetAsync(Outcomes(clinic.OtherPatientId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patientAccount.GetAsync(Outcomes(clinic.PortalPatientId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.GetAsync(Outcomes(Guid.NewGuid()))).StatusCode);
        var empty = await (await nurse.GetAsync(Outcomes(clinic.PortalPatientId))).ReadAsync<PatientOutcomesDto>(HttpStatusCode.OK);
        Assert.Empty(empty.Instruments);
        Assert.Empty(empty.Sessions);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Api_DosedSession_IsMarked_AndItsBsriPairedPreAndPost(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var patient = clinic.OtherPatientId;
        var doseAt = DateTimeOffset.UtcNow.AddHours(-1); // answers may not be dated in the future
        var (session, _) = await SessionFlow.StartDosingAsync(app, clinic, nurse, patient, doseAt);
        var pre = await PostAsync(nurse, patient, "bsri", [60, 60, 60, 60, 60, 60, 60, 60], doseAt.AddMinutes(-20).ToString("O"), "pre-dose", session);
        var post = await PostAsync(nurse, patient, "bsri", [45, 45, 45, 45, 45, 45, 45, 45], doseAt.AddMinutes(40).ToString("O"), "post-dose", session);

        var outcomes = await (await nurse.GetAsync(Outcomes(patient))).ReadAsync<PatientOutcomesDto>(HttpStatusCode.OK);

        var mark = Assert.Single(outcomes.Sessions);
        Assert.Equal((session, 1, false), (mark.SessionId, mark.Number, mark.Booster));
        var pair = Assert.Single(outcomes.StateRumination.Pairs);
        Assert.Equal((480m, 360m, -120m), (pair.PreDose!.Value, pair.PostDose!.Value, pair.Change!.Value));
        Assert.Equal((pre.Id, post.Id), (pair.PreResponseId!.Value, pair.PostResponseId!.Value));
        // The trajectory leaves the post-dose answer out (it is in the pre/post chart).
        var bsri = Assert.Single(outcomes.Instruments);
        Assert.Equal([pre.Id], bsri.Scores.Select(s => s.ResponseId));
        Assert.Equal("not-applicable", bsri.Labels.Single(l => l.Kind == "reliable-change").Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pages_OutcomeViewAndReport_ShowChartsWithBandsAndLabels(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var patient = clinic.OtherPatientId;
        await BuildPhq9CourseAsync(nurse, patient);
        using var browser = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Therapist]);

        Assert.Contains($"/patients/{patient}/outcomes", await browser.GetHtmlAsync($"/patients/{patient}"), StringComparison.Ordinal);
        var html = await browser.GetHtmlAsync($"/patients/{patient}/outcomes");
        var svg = ChartIn(html, "trajectory-phq9");
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("PHQ-9 total over time", svg.Element(Svg + "title")!.Value);
        Assert.Equal(5, svg.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "band"));
        Assert.Contains(svg.Descendants(Svg + "title"), t => t.Value.StartsWith("5 Jan 2026: PHQ-9 20 (severe), baseline — baseline", StringComparison.Ordinal));
        Assert.Contains("Relapse after response", html, StringComparison.Ordinal);
        Assert.Contains("Reliable improvement", html, StringComparison.Ordinal);

        var report = await browser.GetHtmlAsync($"/patients/{patient}/outcomes/report");
        Assert.Contains("Progress report", report, StringComparison.Ordinal);
        Assert.Contains("id=\"generated-at\"", report, StringComparison.Ordinal);
        Assert.Contains("<caption>PHQ-9 scores</caption>", report, StringComparison.Ordinal);
        Assert.NotNull(ChartIn(report, "trajectory-phq9"));
    }

    /// <summary>The inline SVG with the given id prefix, parsed on its own: the component writes well-formed XML into the HTML page.</summary>
    private static XElement ChartIn(string html, string id)
    {
        var start = html.IndexOf($"aria-labelledby=\"{id}-title", StringComparison.Ordinal);
        Assert.True(start > 0, $"No chart {id} on the page.");
        start = html.LastIndexOf("<svg", start, StringComparison.Ordinal);
        var end = html.IndexOf("</svg>", start, StringComparison.Ordinal) + "</svg>".Length;
        return XElement.Parse(html[start..end]);
    }
}
