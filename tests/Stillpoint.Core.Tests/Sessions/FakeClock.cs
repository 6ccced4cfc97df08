namespace Stillpoint.Core.Tests.Sessions;

/// <summary>A settable clock (Microsoft.Extensions.TimeProvider.Testing is not on the package mirror).</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset at) => _now = at;
}
