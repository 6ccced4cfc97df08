using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// Times the outcome endpoints of a running server: sign in, WARMUP untimed calls, then RUNS timed calls per endpoint,
// one at a time; prints median, p95 and max wall-clock milliseconds. Usage: BASE_URL EMAIL PASSWORD [RUNS] [WARMUP].
var baseUrl = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5098");
var email = args.Length > 1 ? args[1] : "admin@network.stillpoint.test";
var password = args.Length > 2 ? args[2] : "Stillpoint-Demo-1";
var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30;
var warmup = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5;

using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
login.EnsureSuccessStatusCode();
var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

string[] paths =
[
    "/api/v1/outcomes/dashboard",
    "/api/v1/outcomes/durability",
    "/api/v1/outcomes/durability?groupBy=route",
];
foreach (var path in paths)
{
    for (var i = 0; i < warmup; i++)
    {
        await TimeAsync(path);
    }

    var times = new List<double>(runs);
    for (var i = 0; i < runs; i++)
    {
        times.Add(await TimeAsync(path));
    }

    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{path,-45} runs {runs}  median {times[times.Count / 2],7:F1} ms  p95 {times[(int)Math.Ceiling(times.Count * 0.95) - 1],7:F1} ms  max {times[^1],7:F1} ms"));
}

async Task<double> TimeAsync(string path)
{
    var clock = Stopwatch.StartNew();
    using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
    var body = await response.Content.ReadAsByteArrayAsync();
    clock.Stop();
    if (!response.IsSuccessStatusCode || body.Length == 0)
    {
        throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
    }

    return clock.Elapsed.TotalMilliseconds;
}
