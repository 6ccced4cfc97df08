using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillpoint.Data;
using Stillpoint.Data.Outcomes;
using Stillpoint.Web.Dashboard;
using Stillpoint.Web.Tests.Infrastructure;

namespace Stillpoint.Web.Tests.Dashboard;

/// <summary>Test helpers around the outcome summaries: their rows as text, a rebuild, and a call made on the streamed path.</summary>
internal static class OutcomeSummaryProbe
{
    /// <summary>Every summary row of the clinic as one line (the surrogate id left out), in a stable order.</summary>
    public static Task<List<string>> RowsAsync(StillpointTestApp app, Guid clinicId) => app.AsSystemAsync(async services =>
    {
        var rows = await services.GetRequiredService<StillpointDbContext>().Set<OutcomeSummaryRow>().AsNoTracking()
            .Where(s => s.ClinicId == clinicId).ToListAsync();
        return rows
            .Select(s => $"{s.PatientId} {s.InstrumentId} n={s.Measures} first={s.FirstTotal:0.##}@{s.FirstAt.UtcTicks} latest={s.LatestTotal:0.##}@{s.LatestAt.UtcTicks} "
                + $"baseline={s.BaselineTotal:0.##}@{s.BaselineDate} response={s.ResponseDate} remission={s.RemissionDate} relapse={s.RelapseDate} end={s.DurabilityEnd}")
            .Order(StringComparer.Ordinal)
            .ToList();
    });

    public static async Task<string> RowAsync(StillpointTestApp app, Guid clinicId, Guid patientId, string instrument) =>
        (await RowsAsync(app, clinicId)).Single(r => r.StartsWith($"{patientId} {instrument} ", StringComparison.Ordinal));

    public static Task<int> RebuildAsync(StillpointTestApp app, Guid clinicId) =>
        app.AsSystemAsync(services => new OutcomeSummaryRebuild(services.GetRequiredService<StillpointDbContext>()).RebuildAsync(clinicId, CancellationToken.None));

    /// <summary>
    /// Runs <paramref name="call"/> with the summaries switched off (the streamed reference path). The switch is the
    /// app's singleton: the tests of one app share a collection and so never run at the same time.
    /// </summary>
    public static async Task<T> StreamedAsync<T>(StillpointTestApp app, Func<Task<T>> call)
    {
        var settings = app.Services.GetRequiredService<OutcomeSourceSettings>();
        settings.UseSummaries = false;
        try
        {
            return await call();
        }
        finally
        {
            settings.UseSummaries = true;
        }
    }
}
