using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stillpoint.Data.Assessment;

/// <summary>How intake answers, plan content and evaluations are stored: the same camelCase JSON the API uses.</summary>
public static class AssessmentJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"Stored {typeof(T).Name} JSON is empty.");
}
