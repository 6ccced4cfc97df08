using System.Net;
using System.Text.Json;
using Stillpoint.Core.Access;
using Stillpoint.Web.Audit;
using Stillpoint.Web.Instruments;
using Stillpoint.Web.Responses;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests;

/// <summary>Stored questionnaire responses, stateless scoring and reliable change through the API, on every provider.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class ResponseApiTests(AppsFixture apps)
{
    private static string Responses(Guid patientId) => $"/api/v1/patients/{patientId}/responses";

    /// <summary>A body as a client sends it; answers may hold nulls and non-integers on purpose.</summary>
    private static object Body(string instrument, object?[] answers, string context = "baseline", string? status = null, Guid? draftId = null, string? answeredAt = null) =>
        new { instrumentId = instrument, answers, context, status, draftId, answeredAt };

    private static object?[] Phq9(params int[] values) => [.. values.Select(v => (object?)v)];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Store_List_Get_RoundTrip_NewestFirst(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var patient = clinic.OtherPatientId;

        // PHQ-9 sum 8 is "mild" (clinical-reference §1 bands 5–9).
        var older = await (await nurse.PostJsonAsync(Responses(patient), Body("phq9", Phq9(1, 1, 1, 1, 1, 1, 1, 1, 0), answeredAt: "2026-01-05T09:00:00Z")))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);
        // GAD-7 sum 12 is "moderate" (§2 bands 10–14).
        var newer = await (await nurse.PostJsonAsync(Responses(patient), Body("gad7", [2, 2, 2, 2, 2, 1, 1], context: "pre-dose")))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);

        Assert.Equal(8m, older.Total);
        Assert.Equal("mild", older.Severity);
        Assert.True(older.Complete);
        Assert.Equal("staff", older.EnteredBy);
        Assert.Equal("complete", older.Status);
        Assert.Equal("moderate", newer.Severity);

        var list = await (await nurse.GetAsync(Responses(patient))).ReadAsync<List<ResponseDto>>(HttpStatusCode.OK);
        Assert.Equal([newer.Id, older.Id], list.Select(r => r.Id));
        Assert.All(list, r => Assert.False(r.Superseded));

        var fetched = await (await nurse.GetAsync($"{Responses(patient)}/{older.Id}")).ReadAsync<ResponseDto>(HttpStatusCode.OK);
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 0], fetched.Answers);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), fetched.AnsweredAt);
        Assert.Contains(fetched.Explanation, line => line.Contains("Total", StringComparison.Ordinal));

        // Every read is audited.
        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);
        var trail = await (await admin.GetAsync($"/api/v1/audit?patientId={patient}&pageSize=200")).ReadAsync<AuditPage>(HttpStatusCode.OK);
        Assert.Contains(trail.Items, e => e is { Action: "read", EntityType: "InstrumentResponse" } && e.EntityId == older.Id.ToString());
        Assert.Contains(trail.Items, e => e is { Action: "read", EntityType: "InstrumentResponse", EntityId: null });
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Phq9_WithItem9AtLeast1_RaisesTheSuicideRiskFlag_WhateverTheTotal(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);

        // Total 1 ("minimal"), but item 9 = 1: flagged (clinical-reference §1 item-9 flag).
        var stored = await (await nurse.PostJsonAsync(Responses(clinic.OtherPatientId), Body("phq9", Phq9(0, 0, 0, 0, 0, 0, 0, 0, 1))))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);

        Assert.Equal("minimal", stored.Severity);
        var flag = Assert.Single(stored.Flags);
        Assert.Contains("suicid", flag.Name, StringComparison.Ordinal);
        Assert.True(flag.SuicideRisk);
        var listed = Assert.Single(await (await nurse.GetAsync(Responses(clinic.OtherPatientId))).ReadAsync<List<ResponseDto>>(HttpStatusCode.OK));
        Assert.Contains(listed.Flags, f => f.SuicideRisk);
    }

    /// <summary>Instrument, answers as JSON, and the field the 400 must name.</summary>
    private static readonly (string Instrument, string Answers, string Field)[] BadAnswers =
    [
        ("phq9", "[4,0,0,0,0,0,0,0,0]", "answers[1]"),
        ("phq9", "[0,0,0]", "answers"),
        ("phq9", "[0,0,1.5,0,0,0,0,0,0]", "answers[3]"),
        ("phq9", "[0,0,\"x\",0,0,0,0,0,0]", "answers[3]"),
        ("nope", "[0]", "instrumentId"),

        // C-SSRS: item 3 answered although item 2 = no (skip logic, clinical-reference §7).
        ("cssrs-screen", "[0,0,1,null,null,0,null]", "answers[3]"),

        // A complete response may not miss more than the PHQ-9 prorating rule allows (§14.5: at most 2).
        ("phq9", "[0,null,null,null,0,0,0,0,0]", "answers[2]"),
    ];

    public static TheoryData<string, string, string, string> BadAnswersEveryProvider
    {
        get
        {
            var data = new TheoryData<string, string, string, string>();
            foreach (var provider in TestDatabase.Providers())
            {
                foreach (var (instrument, answers, name) in BadAnswers)
                {
                    data.Add(provider, instrument, answers, name);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BadAnswersEveryProvider))]
    public async Task BadAnswers_Are400_NamingTheField_AndStoreNothing(string provider, string instrument, string answersJson, string field)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var json = $$"""{"instrumentId":"{{instrument}}","answers":{{answersJson}},"context":"baseline"}""";
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var response = await nurse.PostAsync(Responses(clinic.OtherPatientId), content);

        var errors = await response.FieldErrorsAsync();
        Assert.True(errors.ContainsKey(field), $"Expected '{field}' in {string.Join(", ", errors.Keys)}");
        Assert.All(errors[field], message => Assert.False(string.IsNullOrWhiteSpace(message)));
        Assert.Empty(await (await nurse.GetAsync(Responses(clinic.OtherPatientId))).ReadAsync<List<ResponseDto>>(HttpStatusCode.OK));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MissingContextOrBadStatus_Is400(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);

        var errors = await (await nurse.PostJsonAsync(Responses(clinic.OtherPatientId), new { instrumentId = "gad7", answers = new[] { 0, 0, 0, 0, 0, 0, 0 }, status = "final" })).FieldErrorsAsync();

        Assert.Contains("context", errors.Keys);
        Assert.Contains("status", errors.Keys);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Correction_KeepsBoth_MarksTheOldSuperseded_AndBothAreAudited(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var patient = clinic.OtherPatientId;
        var original = await (await nurse.PostJsonAsync(Responses(patient), Body("phq9", Phq9(3, 3, 3, 3, 3, 3, 3, 3, 0), context: "follow-up")))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);

        var noReason = await nurse.PostJsonAsync($"{Responses(patient)}/{original.Id}/corrections", new { answers = Phq9(1, 1, 1, 1, 1, 1, 1, 1, 0) });
        Assert.Contains("reason", (await noReason.FieldErrorsAsync()).Keys);

        var corrected = await (await nurse.PostJsonAsync($"{Responses(patient)}/{original.Id}/corrections", new { answers = Phq9(1, 1, 1, 1, 1, 1, 1, 1, 0), reason = "Transcribed from the wrong form" }))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);
        Assert.Equal(original.Id, corrected.SupersedesId);
        Assert.Equal("Transcribed from the wrong form", corrected.CorrectionReason);
        Assert.Equal(8m, corrected.Total);
        Assert.Equal("follow-up", corrected.Context);
        Assert.Equal(original.AnsweredAt, corrected.AnsweredAt);

        var list = await (await nurse.GetAsync(Responses(patient))).ReadAsync<List<ResponseDto>>(HttpStatusCode.OK);
        Assert.Equal(2, list.Count);
        var old = Assert.Single(list, r => r.Id == original.Id);
        Assert.True(old.Superseded);
        Assert.Equal(corrected.Id, old.SupersededById);
        Assert.Equal(24m, old.Total);
        Assert.False(Assert.Single(list, r => r.Id == corrected.Id).Superseded);

        // Correcting the superseded one again is a conflict: correct the newest.
        var again = await nurse.PostJsonAsync($"{Responses(patient)}/{original.Id}/corrections", new { answers = Phq9(0, 0, 0, 0, 0, 0, 0, 0, 0), reason = "again" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        using var admin = await app.ClientAsAsync(clinic, Roles.ClinicAdmin);
        var trail = await (await admin.GetAsync($"/api/v1/audit?patientId={patient}&pageSize=200")).ReadAsync<AuditPage>(HttpStatusCode.OK);
        var creates = trail.Items.Where(e => e is { Action: "create", EntityType: "InstrumentResponse" }).Select(e => e.EntityId).ToList();
        Assert.Contains(original.Id.ToString(), creates);
        Assert.Contains(corrected.Id.ToString(), creates);
        Assert.Equal(2, creates.Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Draft_IsNeverScoredAsComplete_AndCompletingItSupersedesIt(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var patient = clinic.OtherPatientId;

        // Even fully answered, a draft has no total; its item-9 flag is kept.
        var draft = await (await nurse.PostJsonAsync(Responses(patient), Body("phq9", [2, null, null, null, null, null, null, null, 1], status: "draft")))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);
        Assert.Equal("draft", draft.Status);
        Assert.Null(draft.Total);
        Assert.Null(draft.Severity);
        Assert.False(draft.Complete);
        Assert.Contains(draft.Flags, f => f.SuicideRisk);

        var completed = await (await nurse.PostJsonAsync(Responses(patient), Body("phq9", Phq9(2, 2, 2, 2, 2, 2, 2, 2, 1), draftId: draft.Id)))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);
        Assert.Equal(draft.Id, completed.SupersedesId);
        Assert.Equal(17m, completed.Total);
        Assert.Equal("moderately severe", completed.Severity);

        var twice = await nurse.PostJsonAsync(Responses(patient), Body("phq9", Phq9(2, 2, 2, 2, 2, 2, 2, 2, 1), draftId: draft.Id));
        Assert.Contains("draftId", (await twice.FieldErrorsAsync()).Keys);
        var list = await (await nurse.GetAsync(Responses(patient))).ReadAsync<List<ResponseDto>>(HttpStatusCode.OK);
        Assert.True(Assert.Single(list, r => r.Id == draft.Id).Superseded);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Patient_SeesAndEntersOnlyItsOwnResponses(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var portal = await app.ClientAsAsync(clinic, Roles.Patient);
        var other = await (await nurse.PostJsonAsync(Responses(clinic.OtherPatientId), Body("phq9", Phq9(0, 0, 0, 0, 0, 0, 0, 0, 0))))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync(Responses(clinic.OtherPatientId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"{Responses(clinic.OtherPatientId)}/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"{Responses(clinic.PortalPatientId)}/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.PostJsonAsync(Responses(clinic.OtherPatientId), Body("phq9", Phq9(0, 0, 0, 0, 0, 0, 0, 0, 0)))).StatusCode);

        var own = await (await portal.PostJsonAsync(Responses(clinic.PortalPatientId), Body("gad7", [0, 1, 0, 1, 0, 1, 0])))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);
        Assert.Equal("patient", own.EnteredBy);
        Assert.Equal(own.Id, Assert.Single(await (await portal.GetAsync(Responses(clinic.PortalPatientId))).ReadAsync<List<ResponseDto>>(HttpStatusCode.OK)).Id);

        // Clinician-rated instruments are entered by staff.
        var rated = await portal.PostJsonAsync(Responses(clinic.PortalPatientId), Body("moaas", [5]));
        Assert.Equal(HttpStatusCode.Forbidden, rated.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReliableChange_FirstVsLatest_AndBetweenChosenResponses(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        var patient = clinic.OtherPatientId;
        var url = $"{Responses(patient)}/reliable-change?instrument=phq9";

        Assert.Contains("instrument", (await (await nurse.GetAsync(url)).FieldErrorsAsync()).Keys);
        var baseline = await (await nurse.PostJsonAsync(Responses(patient), Body("phq9", Phq9(2, 2, 2, 2, 2, 2, 2, 2, 2), answeredAt: "2026-01-01T10:00:00Z")))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);
        var middle = await (await nurse.PostJsonAsync(Responses(patient), Body("phq9", Phq9(2, 2, 2, 2, 2, 2, 2, 1, 0), answeredAt: "2026-01-08T10:00:00Z")))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);
        var latest = await (await nurse.PostJsonAsync(Responses(patient), Body("phq9", Phq9(1, 0, 1, 0, 0, 0, 0, 0, 0), answeredAt: "2026-01-15T10:00:00Z", context: "follow-up")))
            .ReadAsync<ResponseDto>(HttpStatusCode.Created);

        // 18 → 2 with SD 3.5 and r .84: S_diff = √2·3.5·√0.16 = 1.98, RCI = −16/1.98 ≈ −8.08 (clinical-reference §1 RCI).
        var change = await (await nurse.GetAsync(url)).ReadAsync<ReliableChangeDto>(HttpStatusCode.OK);
        Assert.Equal(baseline.Id, change.From.Id);
        Assert.Equal(latest.Id, change.To.Id);
        Assert.Equal(-16m, change.Change);
        Assert.Equal("reliably improved", change.Label);
        Assert.InRange(change.Index!.Value, -8.09, -8.07);
        Assert.Contains("RCI", change.Explanation, StringComparison.Ordinal);

        // 18 → 15: |RCI| = 3/1.98 ≈ 1.52 ≤ 1.96.
        var small = await (await nurse.GetAsync($"{url}&from={baseline.Id}&to={middle.Id}")).ReadAsync<ReliableChangeDto>(HttpStatusCode.OK);
        Assert.Equal("no reliable change", small.Label);

        var unknown = await nurse.GetAsync($"{url}&from={Guid.NewGuid()}");
        Assert.Contains("from", (await unknown.FieldErrorsAsync()).Keys);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StatelessScore_ScoresWithoutStoring_AndRefusesBadAnswers(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);

        // RRS-22 all 2s: total 44, brooding 10 (clinical-reference §3 subscales).
        var rrs = await (await nurse.PostJsonAsync("/api/v1/instruments/rrs22/score", new { answers = Enumerable.Repeat(2, 22) })).ReadAsync<ScoreDto>(HttpStatusCode.OK);
        Assert.Equal(44m, rrs.Total);
        Assert.Equal(10m, rrs.Subscales["brooding"]);
        Assert.True(rrs.Complete);

        var phq = await (await nurse.PostJsonAsync("/api/v1/instruments/phq9/score", new { answers = Phq9(0, 0, 0, 0, 0, 0, 0, 0, 2) })).ReadAsync<ScoreDto>(HttpStatusCode.OK);
        Assert.Contains(phq.Flags, f => f.SuicideRisk);

        var bad = await nurse.PostJsonAsync("/api/v1/instruments/phq9/score", new { answers = Phq9(0, 0, 0, 0, 0, 0, 0, 0, 9) });
        Assert.Contains("answers[9]", (await bad.FieldErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.PostJsonAsync("/api/v1/instruments/nope/score", new { answers = new[] { 0 } })).StatusCode);
        Assert.Contains("answers", (await (await nurse.PostJsonAsync("/api/v1/instruments/phq9/score", new { })).FieldErrorsAsync()).Keys);
        Assert.Empty(await (await nurse.GetAsync(Responses(clinic.OtherPatientId))).ReadAsync<List<ResponseDto>>(HttpStatusCode.OK));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task InstrumentList_IsReadableByPatients_WithUnofficialWordingMarked(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var portal = await app.ClientAsAsync(clinic, Roles.Patient);

        var list = await (await portal.GetAsync("/api/v1/instruments")).ReadAsync<List<InstrumentDto>>(HttpStatusCode.OK);

        var phq9 = Assert.Single(list, i => i.Id == "phq9");
        Assert.Equal(9, phq9.Items.Count);
        Assert.All(phq9.Items, item => Assert.False(item.OfficialWording));
        Assert.Equal(phq9.Items[0].Label, phq9.Items[0].Text);
        Assert.Equal([0, 1, 2, 3], phq9.Items[0].Options.Select(o => o.Value));
        Assert.Contains(list, i => i.Id == "cssrs-screen" && i.Items[2].AskedWhen != null);
        using var raw = JsonDocument.Parse(await (await portal.GetAsync("/api/v1/instruments/phq9")).Content.ReadAsStringAsync());
        Assert.False(raw.RootElement.GetProperty("items")[0].GetProperty("officialWording").GetBoolean());
    }
}
