using System.Globalization;
using Stillpoint.Core.Common;
using Stillpoint.Web.Instruments;

namespace Stillpoint.Web.Responses;

/// <summary>What the response and correction forms post: raw text, so every problem can be shown beside its item.</summary>
internal sealed class ResponseForm
{
    public string? InstrumentId { get; set; }

    /// <summary>Item number → the chosen value ("" = not answered).</summary>
    public Dictionary<int, string>? Answers { get; set; }

    public string? Context { get; set; }

    /// <summary>UTC, as a datetime-local input sends it (yyyy-MM-ddTHH:mm); empty = now.</summary>
    public string? AnsweredAt { get; set; }

    public string? DosingSessionId { get; set; }

    public string? DraftId { get; set; }

    /// <summary>"complete" or "draft": which submit button was pressed.</summary>
    public string? Action { get; set; }

    public string? Reason { get; set; }

    public static ResponseForm From(ResponseDto response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var answers = new Dictionary<int, string>();
        for (var index = 0; index < response.Answers.Count; index++)
        {
            answers[index + 1] = response.Answers[index]?.ToString(CultureInfo.InvariantCulture) ?? "";
        }

        return new ResponseForm
        {
            InstrumentId = response.Instrument,
            Answers = answers,
            Context = response.Context,
            AnsweredAt = response.AnsweredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            DosingSessionId = response.DosingSessionId?.ToString(),
        };
    }

    /// <summary>Parses the text fields; problems are reported with the API's field names.</summary>
    public ResponseInput ToInput(int itemCount, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var answers = AnswerInput.FromText(itemCount, Answers, errors);
        DateTimeOffset? answeredAt = null;
        if (!string.IsNullOrWhiteSpace(AnsweredAt))
        {
            if (DateTime.TryParseExact(AnsweredAt.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                answeredAt = new DateTimeOffset(parsed, TimeSpan.Zero);
            }
            else
            {
                errors.Add("answeredAt", "Enter a date and time as YYYY-MM-DDTHH:MM (UTC).");
            }
        }

        Guid? session = null;
        if (!string.IsNullOrWhiteSpace(DosingSessionId))
        {
            if (Guid.TryParse(DosingSessionId.Trim(), out var id))
            {
                session = id;
            }
            else
            {
                errors.Add("dosingSessionId", "Not a session id.");
            }
        }

        var draft = Guid.TryParse(DraftId, out var draftId) ? draftId : (Guid?)null;
        var status = string.Equals(Action, "draft", StringComparison.Ordinal) ? "draft" : "complete";
        return new ResponseInput(InstrumentId, answers, answeredAt, Context, session, status, draft, Reason);
    }
}
