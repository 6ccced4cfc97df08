using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Live;

/// <summary>A test that needs PostgreSQL itself (several nodes on one database). Skipped without STILLPOINT_TEST_PG, never on CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresServer is null && !TestDatabase.InCi)
        {
            Skip = $"{TestDatabase.PostgresVariable} is not set.";
        }
    }
}
