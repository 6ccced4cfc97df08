using Microsoft.EntityFrameworkCore.Infrastructure;
using Stillpoint.Core.Instruments;
using Stillpoint.Data.Instruments;

namespace Stillpoint.Data.Outcomes;

/// <summary>
/// The instrument library the summaries are computed with: the host's own (the web server registers the one its
/// outcome pages use, so both paths apply the same definitions), else the shipped definitions (CLI).
/// </summary>
internal static class OutcomeDefinitions
{
    private static readonly Lazy<InstrumentLibrary> Shipped = new(() => InstrumentDirectoryLoader.Load());

    public static InstrumentLibrary Of(StillpointDbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(InstrumentLibrary)) as InstrumentLibrary
        ?? Shipped.Value;
}
