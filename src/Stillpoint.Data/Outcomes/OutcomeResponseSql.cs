using System.Data.Common;

namespace Stillpoint.Data.Outcomes;

/// <summary>What the raw outcome reads over responses share: which rows count, and how a stored time comes back.</summary>
public static class OutcomeResponseSql
{
    /// <summary>The responses that count, over alias r: complete, scored and not superseded by a correction or completion.</summary>
    public const string Valid = """
        r."IsComplete" AND r."Total" IS NOT NULL
        AND r."Id" NOT IN (SELECT s."SupersedesId" FROM "InstrumentResponses" s WHERE s."SupersedesId" IS NOT NULL)
        """;

    /// <summary>A time column as read raw: SQLite returns the stored UTC ticks, PostgreSQL a timestamptz.</summary>
    public static DateTimeOffset ReadTime(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.GetFieldType(ordinal) == typeof(long)
            ? new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero)
            : reader.GetFieldValue<DateTimeOffset>(ordinal);
    }
}
