using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Stillpoint.Data;

/// <summary>Stores a DateTimeOffset as UTC ticks (SQLite only) and reads it back as UTC.</summary>
internal sealed class UtcTicksConverter : ValueConverter<DateTimeOffset, long>
{
    public UtcTicksConverter()
        : base(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero))
    {
    }
}
