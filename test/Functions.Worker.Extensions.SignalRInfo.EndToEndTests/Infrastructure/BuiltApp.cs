using System.IO;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>One built app: its project folder, output folder and build output.</summary>
public sealed record BuiltApp(HttpModel Model, string ProjectFolder, string OutputFolder, string BuildOutput)
{
    public string AssemblyPath => Path.Combine(OutputFolder, "Functions.Worker.Extensions.SignalRInfo.IsolatedApp.dll");
}
