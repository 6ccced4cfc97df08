using Stillpoint.Core.FollowUp;
using Stillpoint.Core.Instruments;
using Stillpoint.Data;
using Stillpoint.Data.Alerts;
using Stillpoint.Data.Responses;
using Stillpoint.Web.Boosters;
using Stillpoint.Web.Live;
using Stillpoint.Web.Responses;

namespace Stillpoint.Web.Alerts;

/// <summary>
/// Raises alerts in the transaction that stores a response (issue 6 §4): suicide-risk answers at once (drafts too: a
/// PHQ-9 item 9 answered in a draft still counts), reliable deterioration of a completed response against the
/// patient's baseline, and a booster suggestion when a completed response shows the symptom returning (§5). If the
/// response is not stored, neither is anything raised here.
/// </summary>
internal sealed class ResponseAlertHandler(StillpointDbContext db, InstrumentLibrary library, ClinicEvents events) : IResponseStoredHandler
{
    private readonly List<CareAlert> _raised = [];

    public async Task OnStoredAsync(InstrumentResponse response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        var source = new AlertSource(AlertSource.Response, response.Id.ToString());
        if (AlertRules.SuicideRisk(MeasureHistory.From(response)) is { } risk)
        {
            await RaiseAsync(response, risk, source, ct);
        }

        if (response.Status != ResponseValues.Complete || !response.IsComplete || !library.TryGet(response.InstrumentId, out var definition))
        {
            return;
        }

        var history = await MeasureHistory.CompleteAsync(db, response.PatientId, response.InstrumentId, response, ct);
        if (AlertRules.Deterioration(definition, history) is { } worse && worse.SourceId == response.Id)
        {
            await RaiseAsync(response, worse, source, ct);
        }

        var rules = await AlertSettingsStore.LoadAsync(db, response.ClinicId, ct);
        await BoosterEvaluator.EvaluateAsync(db, response.ClinicId, response.PatientId, definition, history, rules.Booster, ct);
    }

    public void AfterCommit(InstrumentResponse response)
    {
        foreach (var alert in _raised)
        {
            events.Publish(alert.ClinicId, ClinicTopics.Alerts, alert.Id);
        }
    }

    private async Task RaiseAsync(InstrumentResponse response, FollowUpAlert alert, AlertSource source, CancellationToken ct)
    {
        if (await AlertRaiser.RaiseAsync(db, response.ClinicId, response.PatientId, alert, source, ct) is { } row)
        {
            _raised.Add(row);
        }
    }
}
