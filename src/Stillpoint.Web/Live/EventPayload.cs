using System.Globalization;

namespace Stillpoint.Web.Live;

/// <summary>
/// The NOTIFY payload between web nodes: "node|clinic|topic|id" — the sending node (to skip its own echo) and the
/// event's ids and topic. Nothing else: a payload is visible to every LISTENer of the database, so it never carries
/// clinical values.
/// </summary>
internal static class EventPayload
{
    public static string Format(Guid node, ClinicEvent change) =>
        string.Create(CultureInfo.InvariantCulture, $"{node:N}|{change.ClinicId:N}|{change.Topic}|{change.Id:N}");

    public static bool TryParse(string? payload, out Guid node, out ClinicEvent change)
    {
        node = Guid.Empty;
        change = default;
        var parts = payload?.Split('|');
        if (parts is not { Length: 4 } || !ClinicTopics.IsValid(parts[2])
            || !Guid.TryParseExact(parts[0], "N", out node) || !Guid.TryParseExact(parts[1], "N", out var clinic) || !Guid.TryParseExact(parts[3], "N", out var id))
        {
            return false;
        }

        change = new ClinicEvent(clinic, parts[2], id);
        return true;
    }
}
