using System.IO;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

internal static class PathExtensions
{
    /// <summary>Creates the file's folder if needed and returns the path.</summary>
    public static string EnsureParent(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
