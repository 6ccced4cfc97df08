using Stillpoint.Data.Responses;

namespace Stillpoint.Web.Responses;

/// <summary>
/// Reacts to a response being stored, inside the same transaction: whatever a handler adds to the (scoped)
/// context is saved with the response, or not at all. Follow-up uses it to raise a suicide-risk alert in the
/// very request that stored the answer. Handlers run for drafts too (a safety item in a draft still counts);
/// each decides what it cares about. Register as scoped: <c>services.AddScoped&lt;IResponseStoredHandler, X&gt;()</c>.
/// </summary>
internal interface IResponseStoredHandler
{
    /// <summary>Called after the row is added and before SaveChanges. Must not call SaveChanges itself.</summary>
    Task OnStoredAsync(InstrumentResponse response, CancellationToken ct);

    /// <summary>Called after the transaction committed (e.g. to wake live views). Must not throw.</summary>
    void AfterCommit(InstrumentResponse response)
    {
    }
}
