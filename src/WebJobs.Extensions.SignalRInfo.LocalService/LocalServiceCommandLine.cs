using System;
using System.Globalization;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>The command line: <c>[--port N] [--access-key K] [--host-name H] [--unhealthy] [--help]</c>, values also as <c>--name=value</c>.</summary>
internal static class LocalServiceCommandLine
{
    public const string Usage =
        "Usage: dotnet run --project src/WebJobs.Extensions.SignalRInfo.LocalService -- [--port N] [--access-key K] [--host-name H] [--unhealthy]\n" +
        "  --port N         port on 127.0.0.1 (default 8888; 0 = any free port)\n" +
        "  --access-key K   access key tokens are signed with (default: 32 random bytes, base64)\n" +
        "  --host-name H    host name in the connection string and the token audience (default localhost)\n" +
        "  --unhealthy      start unhealthy: HEAD/GET /api/health answer 503 (every other route works)\n" +
        "  --help           this text";

    /// <summary>Parses <paramref name="args"/>; on failure <paramref name="error"/> says why (never echoing a key).</summary>
    public static bool TryParse(string[] args, out LocalSignalRServiceOptions options, out bool help, out string? error)
    {
        options = new LocalSignalRServiceOptions();
        help = false;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? value = null;
            var equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                value = arg.Substring(equals + 1);
                arg = arg.Substring(0, equals);
            }

            if (arg is "--help" or "-h" or "-?")
            {
                help = true;
                continue;
            }

            if (arg is "--unhealthy")
            {
                if (value is not null)
                {
                    error = "--unhealthy takes no value.";
                    return false;
                }

                options.StartUnhealthy = true;
                continue;
            }

            if (arg is not ("--port" or "--access-key" or "--host-name"))
            {
                error = $"Unknown argument '{arg}'.";
                return false;
            }

            if (value is null)
            {
                if (i + 1 >= args.Length)
                {
                    error = $"{arg} needs a value.";
                    return false;
                }

                value = args[++i];
            }

            try
            {
                switch (arg)
                {
                    case "--port":
                        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
                        {
                            error = "--port must be a number between 0 and 65535.";
                            return false;
                        }

                        options.Port = port;
                        break;
                    case "--access-key":
                        options.AccessKey = value;
                        break;
                    default:
                        options.HostName = value;
                        break;
                }
            }
            catch (ArgumentException ex)
            {
                // The option setters' messages name the option and never contain the value.
                error = $"{arg}: {ex.Message.Split(" (Parameter", 2)[0]}";
                return false;
            }
        }

        return true;
    }
}
