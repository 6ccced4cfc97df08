using System.Net;
using System.Text.RegularExpressions;

namespace Stillpoint.Web.Tests.Infrastructure;

/// <summary>A cookie-carrying client that signs in through the real login form, antiforgery token and all.</summary>
internal sealed partial class BrowserSession : IDisposable
{
    private readonly HttpClient _client;

    private BrowserSession(HttpClient client) => _client = client;

    public static async Task<BrowserSession> SignInAsync(StillpointTestApp app, string email, string password = StillpointTestApp.Password)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var session = new BrowserSession(client);
        var response = await session.PostFormAsync("/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(url);

    public async Task<string> GetHtmlAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Loads the page for its antiforgery token, then posts the named form with the given fields.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, string formName, Dictionary<string, string> fields)
    {
        var page = await _client.GetStringAsync(url);
        var token = TokenPattern().Match(page).Groups[1].Value;
        var body = new Dictionary<string, string>(fields, StringComparer.Ordinal)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        };
        using var content = new FormUrlEncodedContent(body);
        return await _client.PostAsync(url, content);
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
