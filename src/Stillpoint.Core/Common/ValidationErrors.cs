namespace Stillpoint.Core.Common;

/// <summary>
/// Field-level validation failures, keyed by field name (camelCase, as clients send it).
/// Collected in the domain and mapped once to RFC 9457 ProblemDetails by the web host.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }

        list.Add(message);
    }

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public IEnumerable<string> Messages => _errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"));
}
