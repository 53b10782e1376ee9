using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests.Infrastructure;

/// <summary>A thread-safe writer that records lines and lets a test wait for one.</summary>
internal sealed class CapturingWriter : TextWriter
{
    private readonly object _gate = new();
    private readonly List<string> _lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = new();
    private readonly StringBuilder _current = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return string.Join("\n", _lines.Append(_current.ToString()));
            }
        }
    }

    public Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        lock (_gate)
        {
            var line = _lines.FirstOrDefault(match);
            if (line is not null)
            {
                return Task.FromResult(line);
            }

            var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task;
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                var line = _current.ToString().TrimEnd('\r');
                _current.Clear();
                _lines.Add(line);
                foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
                {
                    waiter.Found.TrySetResult(line);
                    _waiters.Remove(waiter);
                }
            }
            else
            {
                _current.Append(value);
            }
        }
    }
}
