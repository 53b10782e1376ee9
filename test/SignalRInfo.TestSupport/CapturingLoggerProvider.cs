using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace SignalRInfo.TestSupport;

/// <summary>
/// Keeps every log entry at every level (category, level, event id, message, state values and exception text) for
/// assertions: <see cref="Entries"/> one by one, <see cref="AllText"/> one entry a line, <see cref="Contains"/> to search them.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <summary>Every entry as <see cref="LogEntry.ToString"/> writes it, one a line.</summary>
    public string AllText => string.Join("\n", _entries.Select(e => e.ToString()));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    /// <summary>Whether an entry's text (<see cref="LogEntry.ToString"/>: message, state values or exception included) contains <paramref name="value"/> (ordinal).</summary>
    public bool Contains(string value) => _entries.Any(e => e.ToString().Contains(value, StringComparison.Ordinal));

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, string State, string? Exception)
    {
        public override string ToString() => $"{Level} {Category} [{EventId}] {Message} | {State} | {Exception}";
    }

    private sealed class Logger : ILogger
    {
        private readonly string _category;
        private readonly ConcurrentQueue<LogEntry> _entries;

        public Logger(string category, ConcurrentQueue<LogEntry> entries)
        {
            _category = category;
            _entries = entries;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : state?.ToString() ?? string.Empty;
            _entries.Enqueue(new LogEntry(_category, logLevel, eventId, formatter(state, exception), values, exception?.ToString()));
        }
    }
}
