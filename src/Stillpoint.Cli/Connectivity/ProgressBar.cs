namespace Stillpoint.Cli.Connectivity;

/// <summary>
/// A one-line text progress bar redrawn with a carriage return. Thread-safe; redraws only when the
/// drawn width changes so a thousand fast items do not flood the terminal.
/// </summary>
internal sealed class ProgressBar(TextWriter writer, int total, int width = 30)
{
    private readonly Lock _gate = new();
    private int _done;
    private int _lastFilled = -1;

    public void Advance()
    {
        lock (_gate)
        {
            _done++;
            var filled = total == 0 ? width : (int)((long)_done * width / total);
            if (filled == _lastFilled && _done != total)
            {
                return;
            }

            _lastFilled = filled;
            writer.Write(FormattableString.Invariant($"\r[{new string('#', filled)}{new string('.', width - filled)}] {_done}/{total}"));
            if (_done == total)
            {
                writer.WriteLine();
            }
        }
    }
}
