using System;
using System.Collections.Generic;
using Azure.Identity;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// The default credential factory builds the credential each shape asks for, with a real AzureComponentFactory
/// (AddAzureClientsCore) for sections. Nothing here asks for a token, so nothing touches the network.
/// </summary>
public class ServiceCredentialFactoryTests
{
    private const string Setting = "AzureSignalRConnectionString";

    public static TheoryData<string, Type> Sections => new()
    {
        { "credential=managedidentity;clientId=00000000-0000-0000-0000-000000000001", typeof(ManagedIdentityCredential) },
        { "credential=managedidentity", typeof(ManagedIdentityCredential) },
        { "tenantId=00000000-0000-0000-0000-0000000000aa;clientId=00000000-0000-0000-0000-000000000001;clientSecret=section-secret", typeof(ClientSecretCredential) },
        { string.Empty, typeof(DefaultAzureCredential) },
    };

    public static TheoryData<string, Type> ConnectionStrings => new()
    {
        { "AuthType=azure", typeof(DefaultAzureCredential) },
        { "Version=1.0", typeof(DefaultAzureCredential) },
        { "AuthType=azure.msi", typeof(ManagedIdentityCredential) },
        { "AuthType=azure.msi;ClientId=00000000-0000-0000-0000-000000000001", typeof(ManagedIdentityCredential) },
        { "AuthType=aad", typeof(ManagedIdentityCredential) },
        { "AuthType=azure.app;ClientId=00000000-0000-0000-0000-000000000001;TenantId=00000000-0000-0000-0000-0000000000aa;ClientSecret=s3cr3t", typeof(ClientSecretCredential) },
        { "AuthType=aad;ClientId=00000000-0000-0000-0000-000000000001;TenantId=00000000-0000-0000-0000-0000000000aa;ClientSecret=s3cr3t", typeof(ClientSecretCredential) },
        { "AuthType=azure.app;ClientId=00000000-0000-0000-0000-000000000001;TenantId=00000000-0000-0000-0000-0000000000aa;ClientCert=/certs/app.pfx", typeof(ClientCertificateCredential) },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void CreateCredential_SectionWithRealComponentFactory_BuildsTheCredentialTheKeysAskFor(string entries, Type expected)
    {
        var settings = new Dictionary<string, string?> { [Setting + ":serviceUri"] = "https://contoso.service.signalr.net" };
        foreach (var entry in entries.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('=', 2);
            settings[Setting + ":" + parts[0]] = parts[1];
        }

        var section = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(Setting);

        var credential = Factory().CreateCredential(IdentityCredentialSpec.ConfigurationSection(), section);

        Assert.IsType(expected, credential);
    }

    [Theory]
    [MemberData(nameof(ConnectionStrings))]
    public void CreateCredential_ConnectionStringAuthType_BuildsTheMatchingAzureIdentityCredential(string authentication, Type expected)
    {
        var spec = ServiceConnectionString.Parse("Endpoint=https://contoso.service.signalr.net;" + authentication, Setting).Identity!;

        var credential = Factory().CreateCredential(spec, null);

        Assert.IsType(expected, credential);
    }

    [Fact]
    public void AddSignalRConnectionInfo_RegistersTheDefaultFactory()
    {
        var services = new ServiceCollection();
        services.AddAzureClientsCore();
        services.AddSingleton<IServiceCredentialFactory, ServiceCredentialFactory>();

        using var provider = services.BuildServiceProvider();

        Assert.IsType<ServiceCredentialFactory>(provider.GetRequiredService<IServiceCredentialFactory>());
    }

    private static ServiceCredentialFactory Factory()
    {
        var services = new ServiceCollection();
        services.AddAzureClientsCore();
        var provider = services.BuildServiceProvider();
        return new ServiceCredentialFactory(provider.GetRequiredService<AzureComponentFactory>());
    }
}
