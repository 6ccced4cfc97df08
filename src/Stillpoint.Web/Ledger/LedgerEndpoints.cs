using Stillpoint.Web.Api;
using Stillpoint.Web.Auth;

namespace Stillpoint.Web.Ledger;

internal static class LedgerEndpoints
{
    public static void MapLedgerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/ledger").WithTags("Controlled-substance ledger");
        group.MapGet("/balances", async (LedgerService ledger, CancellationToken ct) => TypedResults.Ok(await ledger.BalancesAsync(ct)))
            .RequireAuthorization(Policies.SessionRecorders)
            .WithSummary("Running balance per lot, in mg.");
        group.MapGet("/reconciliation", async (LedgerService ledger, CancellationToken ct, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
                (await ledger.ReconcileAsync(from, to, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.SessionRecorders)
            .WithSummary("Reconciliation for a date range: opening, movements by kind and closing balance per lot, and every entry.");
        group.MapPost("/entries", async (LedgerRequest body, LedgerService ledger, CancellationToken ct) =>
                (await ledger.RecordAsync(body, ct)).ToHttpResult(e => TypedResults.Created($"/api/v1/ledger/entries/{e.Id}", e)))
            .RequireAuthorization(Policies.SessionRecorders)
            .WithSummary("Record stock received, dispensed, wasted (witness) or adjusted (reason). A balance never goes negative (409).");
    }
}
