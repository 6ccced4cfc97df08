namespace Stillpoint.Web.Tests.Infrastructure;

/// <summary>One server per database provider, shared by every test in the "web" collection.</summary>
public sealed class AppsFixture : IAsyncLifetime
{
    private readonly Dictionary<string, StillpointTestApp> _apps = new(StringComparer.Ordinal);

    public StillpointTestApp this[string provider] => _apps[provider];

    public async Task InitializeAsync()
    {
        if (TestDatabase.InCi && TestDatabase.PostgresServer is null)
        {
            throw new InvalidOperationException($"CI=true but {TestDatabase.PostgresVariable} is not set: PostgreSQL tests must run in CI.");
        }

        foreach (var provider in TestDatabase.Providers())
        {
            _apps[provider] = await StillpointTestApp.StartAsync(provider);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebAppsDefinition : ICollectionFixture<AppsFixture>
{
    public const string Name = "web";
}

/// <summary>Theory data: every configured provider.</summary>
public static class Providers
{
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var provider in TestDatabase.Providers())
            {
                data.Add(provider);
            }

            return data;
        }
    }
}
