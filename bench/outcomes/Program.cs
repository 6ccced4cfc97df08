using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// Times the outcome endpoints of a running server: sign in, WARMUP untimed calls, then RUNS timed calls per endpoint,
// one at a time; prints median, p95 and max wall-clock milliseconds, and with SERVER_PID (a server on this machine)
// the server's CPU time per timed call, from /proc. Usage: BASE_URL EMAIL PASSWORD [RUNS] [WARMUP] [SERVER_PID].
var baseUrl = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5098");
var email = args.Length > 1 ? args[1] : "admin@network.stillpoint.test";
var password = args.Length > 2 ? args[2] : "Stillpoint-Demo-1";
var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30;
var warmup = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 20;
int? serverPid = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : null;

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
    var cpuBefore = ServerCpuMilliseconds();
    for (var i = 0; i < runs; i++)
    {
        times.Add(await TimeAsync(path));
    }

    var cpu = serverPid is null ? "" : string.Create(CultureInfo.InvariantCulture, $"  server CPU {(ServerCpuMilliseconds() - cpuBefore) / runs,6:F0} ms/call");
    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{path,-45} runs {runs}  median {times[times.Count / 2],7:F1} ms  p95 {times[(int)Math.Ceiling(times.Count * 0.95) - 1],7:F1} ms  max {times[^1],7:F1} ms{cpu}"));
}

// User plus system time of the server process (fields 14 and 15 of /proc/PID/stat, in clock ticks of 10 ms).
double ServerCpuMilliseconds()
{
    if (serverPid is not { } pid)
    {
        return 0;
    }

    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
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
