using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Xunit;

namespace Functions.Worker.Extensions.SignalRInfo.Tests;

/// <summary>
/// Both worker attributes, <see cref="SignalRConnectionInfoInputAttribute"/> and <see cref="SignalRInfoInputAttribute"/>:
/// the shape the worker's metadata generator accepts, and the host attribute's properties (names and types).
/// </summary>
public class SignalRConnectionInfoInputAttributeTests
{
    /// <summary>The documented properties of the host's SignalRConnectionInfoAttributeBase (README, Microsoft Learn).</summary>
    private static readonly string[] HostProperties =
    {
        "ClaimTypeList:String[]",
        "ConnectionStringSetting:String",
        "HubName:String",
        "IdToken:String",
        "TokenLifetimeSeconds:Int32",
        "UserId:String",
    };

    public static TheoryData<Type> Attributes => new() { typeof(SignalRConnectionInfoInputAttribute), typeof(SignalRInfoInputAttribute) };

    private static string[] DeclaredProperties(Type type) => type
        .GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
        .Select(p => p.Name + ":" + p.PropertyType.Name)
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToArray();

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Attribute_DerivesDirectlyFromInputBindingAttribute(Type type)
    {
        // The worker's source generator requires BaseType.BaseType == BindingAttribute.
        Assert.Equal(typeof(InputBindingAttribute), type.BaseType);
        Assert.Equal(typeof(BindingAttribute), type.BaseType!.BaseType);
        Assert.True(type.IsSealed);
        Assert.True(type.IsPublic);
    }

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Attribute_HasTheHostAttributesPropertiesAndTypes(Type type)
    {
        Assert.Equal(HostProperties, DeclaredProperties(type));
        foreach (var property in type.GetProperties().Where(p => p.DeclaringType == type))
        {
            Assert.True(property.CanRead && property.CanWrite, property.Name);
        }
    }

    [Fact]
    public void HostSource_DocumentedListMatchesSignalRConnectionInfoAttributeBase()
    {
        // Parsed from the host's source so the hard-coded list cannot drift from it.
        var source = File.ReadAllText(Path.Combine(WorkerPackageTests.RepositoryRoot, "src", "WebJobs.Extensions.SignalRInfo", "SignalRConnectionInfoAttributeBase.cs"));
        var clrNames = new System.Collections.Generic.Dictionary<string, string> { ["string"] = "String", ["string[]"] = "String[]", ["int"] = "Int32" };

        var parsed = Regex.Matches(source, @"public\s+(?<type>[\w\[\]]+)\??\s+(?<name>\w+)\s*\{\s*get;\s*set;\s*\}")
            .Select(m => m.Groups["name"].Value + ":" + clrNames[m.Groups["type"].Value])
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(HostProperties, parsed);
    }

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Attribute_Defaults_LeaveEverythingToTheHost(Type type)
    {
        dynamic attribute = Activator.CreateInstance(type)!;

        Assert.Null((string?)attribute.HubName);
        Assert.Null((string?)attribute.ConnectionStringSetting);
        Assert.Null((string?)attribute.UserId);
        Assert.Null((string?)attribute.IdToken);
        Assert.Null((string[]?)attribute.ClaimTypeList);
        Assert.Equal(0, (int)attribute.TokenLifetimeSeconds);
    }
}
