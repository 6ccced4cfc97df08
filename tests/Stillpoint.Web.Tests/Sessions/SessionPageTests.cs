using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Stillpoint.Core.Access;
using Stillpoint.Core.Sessions;
using Stillpoint.Web.Sessions.Pages;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Sessions;

/// <summary>The session pages with a real cookie sign-in and antiforgery, the chart component, and the live stream.</summary>
[Collection(WebAppsDefinition.Name)]
public sealed class SessionPageTests(AppsFixture apps)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task Chart_HasTitleDesc_ValuesInEveryPointTitle_AndDoseMarkers()
    {
        var zero = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        var vitals = new List<VitalSigns>
        {
            new(zero.AddMinutes(-5), 122, 78, 70, 98, 14),
            new(zero.AddMinutes(40), 190, 95, 90, null, 16), // SpO2 missing: not plotted
        };
        var html = await RenderChartAsync(vitals, [new VitalsChart.DoseMark(zero, 36m, "ketamine", "Intravenous")], zero);

        var svg = XElement.Parse(html);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Vital signs over the session clock", svg.Element(Svg + "title")!.Value);
        Assert.Contains("2 reading(s) from -5 to 40 min; 1 dose(s) marked", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        var titles = svg.Descendants(Svg + "circle").Select(c => c.Element(Svg + "title")!.Value).ToList();
        Assert.Contains("-5 min: Systolic BP 122 mm Hg", titles);
        Assert.Contains("40 min: Systolic BP 190 mm Hg", titles);
        Assert.Contains("40 min: Heart rate 90 bpm", titles);
        Assert.Single(titles, t => t.Contains("SpO2", StringComparison.Ordinal));
        var dose = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "doses").Elements(Svg + "line").Single();
        Assert.Equal("0 min: dose 36 mg ketamine (Intravenous)", dose.Element(Svg + "title")!.Value);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pages_ScheduleRunAndRefuseDischarge_WithFieldErrorsNeverA500(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var browser = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Nurse]);
        var patient = clinic.OtherPatientId;

        // The patient page links to the sessions; scheduling an unready patient shows every missing prerequisite.
        Assert.Contains($"/patients/{patient}/sessions", await browser.GetHtmlAsync($"/patients/{patient}"), StringComparison.Ordinal);
        var refused = await browser.PostFormAsync($"/patients/{patient}/sessions", "schedule", new() { ["scheduledFor"] = "2026-11-22T09:30" });
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Eligibility has not been signed", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("No active treatment plan", refusedHtml, StringComparison.Ordinal);
        var bad = await browser.PostFormAsync($"/patients/{patient}/sessions", "schedule", new() { ["scheduledFor"] = "tomorrow-ish" });
        Assert.Contains("Enter a date and time", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await ReadyToDose.PrepareAsync(app, clinic, patient);
        var scheduled = await browser.PostFormAsync($"/patients/{patient}/sessions", "schedule", new() { ["scheduledFor"] = "2026-11-22T09:30" });
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var location = scheduled.Headers.Location!;
        var page = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;
        Assert.Contains("36 mg", await browser.GetHtmlAsync(page), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(page, "transition", new() { ["to"] = "CheckedIn" })).StatusCode);

        // Bad vitals: the field messages, a 200, and nothing stored.
        var invalid = await browser.PostFormAsync(page, "vitals", new() { ["systolic"] = "120", ["diastolic"] = "abc", ["spO2"] = "140", ["key"] = "k1" });
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Enter a whole number.", invalidHtml, StringComparison.Ordinal);
        Assert.Contains("Must be between 50 and 100.", invalidHtml, StringComparison.Ordinal);
        var good = new Dictionary<string, string> { ["systolic"] = "122", ["diastolic"] = "78", ["heartRate"] = "70", ["spO2"] = "98", ["respiratoryRate"] = "14", ["key"] = "k2" };
        var stored = await browser.PostFormAsync(page, "vitals", good);
        Assert.True(stored.StatusCode == HttpStatusCode.Redirect, await stored.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(page, "vitals", good)).StatusCode); // a double submit stores once
        var html = await browser.GetHtmlAsync(page);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "class=\"entry-vitals\""));
        Assert.Contains("<title>", html, StringComparison.Ordinal);

        // A refused transition shows the reason; the monitor lists the session; the monitoring form has the REMS fields.
        var skip = await browser.PostFormAsync(page, "transition", new() { ["to"] = "Discharged" });
        var skipHtml = await skip.Content.ReadAsStringAsync();
        Assert.True(skipHtml.Contains("cannot move to Discharged", StringComparison.Ordinal), skipHtml[Math.Max(0, skipHtml.IndexOf("<main", StringComparison.Ordinal))..]);
        var monitor = await browser.GetHtmlAsync("/monitor");
        Assert.Contains(page, monitor, StringComparison.Ordinal);
        Assert.Contains("BP 122/78", monitor, StringComparison.Ordinal);
        Assert.Contains("js/live-board.js", monitor, StringComparison.Ordinal);
        var form = await browser.GetHtmlAsync($"{page}/monitoring-form");
        Assert.Contains("Blood pressure about 40 min after the dose", form, StringComparison.Ordinal);
        Assert.Contains("Lot number(s)", form, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LedgerPage_ReceivesWithFieldErrors_AndShowsBalanceAndReconciliation(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        using var browser = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Nurse]);
        var lot = $"PG-{clinic.Tag}";

        var bad = await browser.PostFormAsync("/ledger", "ledger-entry", new() { ["kind"] = "Received", ["lotNumber"] = lot, ["amountMg"] = "lots" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Enter a number", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var received = await browser.PostFormAsync("/ledger", "ledger-entry", new()
        {
            ["kind"] = "Received", ["lotNumber"] = lot, ["amountMg"] = "250.5", ["expiry"] = "2030-01-31", ["concentrationMgPerMl"] = "50",
        });
        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        var waste = await browser.PostFormAsync("/ledger", "ledger-entry", new() { ["kind"] = "Wasted", ["lotNumber"] = lot, ["amountMg"] = "1000" });
        Assert.Contains("witness", await waste.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var html = await browser.GetHtmlAsync("/ledger?from=2020-01-01&to=2099-12-31");
        Assert.Contains($"data-lot=\"{lot}\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong>250.5</strong>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"reconciliation\"", html, StringComparison.Ordinal);
        Assert.Contains("Enter dates as yyyy-mm-dd.", await browser.GetHtmlAsync("/ledger?from=yesterday"), StringComparison.Ordinal);
        using var therapist = await BrowserSession.SignInAsync(app, clinic.Emails[Roles.Therapist]);
        Assert.NotEqual(HttpStatusCode.OK, (await therapist.GetAsync("/ledger")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LiveStream_IsStaffOnly_AndCarriesOnlyTheCallersClinic(string provider)
    {
        var app = apps[provider];
        var clinic = await app.NewClinicAsync();
        var other = await app.NewClinicAsync();
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync("/live/sessions", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/login", refused.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        using var patientLogin = await app.ClientAsAsync(clinic, Roles.Patient);
        Assert.Equal(HttpStatusCode.Forbidden, (await patientLogin.GetAsync("/live/sessions", HttpCompletionOption.ResponseHeadersRead)).StatusCode);

        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var otherNurse = await app.ClientAsAsync(other, Roles.Nurse);
        var mine = await SessionFlow.ScheduleAsync(app, clinic, nurse, clinic.OtherPatientId);
        var theirs = await SessionFlow.ScheduleAsync(app, other, otherNurse, other.OtherPatientId);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/live/sessions");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var stream = await nurse.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal("retry: 2000", await reader.ReadLineAsync());

        await SessionFlow.MoveAsync(otherNurse, theirs, "CheckedIn");
        await SessionFlow.MoveAsync(nurse, mine, "CheckedIn");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? line;
        do
        {
            line = await reader.ReadLineAsync(timeout.Token);
        }
        while (line is not null && !line.StartsWith("data: ", StringComparison.Ordinal));

        // The first event is my clinic's session: the other clinic's change never reaches this stream.
        Assert.Equal($"data: {mine}", line);
    }

    [Fact]
    public async Task LiveStream_EndsWhenTheServerStops()
    {
        await using var app = await StillpointTestApp.StartAsync("sqlite");
        var clinic = await app.NewClinicAsync();
        using var nurse = await app.ClientAsAsync(clinic, Roles.Nurse);
        using var stream = await nurse.GetAsync("/live/sessions", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal("retry: 2000", await reader.ReadLineAsync());

        app.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().StopApplication();

        // The open stream completes promptly instead of holding the shutdown until its timeout.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await reader.ReadLineAsync(timeout.Token) is not null)
        {
        }
    }

    private static async Task<string> RenderChartAsync(IReadOnlyList<VitalSigns> vitals, IReadOnlyList<VitalsChart.DoseMark> doses, DateTimeOffset zero)
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<VitalsChart>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(VitalsChart.Vitals)] = vitals,
                [nameof(VitalsChart.DoseMarks)] = doses,
                [nameof(VitalsChart.ClockZero)] = zero,
            }));
            return output.ToHtmlString();
        });
    }
}
