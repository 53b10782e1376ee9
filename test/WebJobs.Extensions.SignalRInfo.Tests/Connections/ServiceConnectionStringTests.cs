using System;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

public class ServiceConnectionStringTests
{
    private const string Setting = "MySignalR";
    private const string Key = "SECRETkeyABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789=";

    [Fact]
    public void Parse_AccessKeyConnectionString_ReadsEveryPart()
    {
        var parsed = ServiceConnectionString.Parse($"Endpoint=https://contoso.service.signalr.net;AccessKey={Key};Version=1.0;", Setting);

        Assert.Equal(Key, parsed.AccessKey);
        Assert.Null(parsed.Identity);
        Assert.Equal(new Uri("https://contoso.service.signalr.net"), parsed.Endpoint.Endpoint);
        Assert.Empty(parsed.UnknownKeys);
    }

    [Fact]
    public void Parse_KeysInAnyCaseWithSpacesAndEmptyEntries_AreTrimmedAndMatched()
    {
        var parsed = ServiceConnectionString.Parse($" ;; endpoint = https://contoso.service.signalr.net/ ; ACCESSKEY = {Key} ;version=1.1-preview;", Setting);

        Assert.Equal(Key, parsed.AccessKey);
        Assert.Equal("https://contoso.service.signalr.net/client/?hub=", parsed.Endpoint.ClientUrlPrefix);
    }

    [Fact]
    public void Parse_ValueContainingEquals_SplitsAtFirstEquals()
    {
        var parsed = ServiceConnectionString.Parse("Endpoint=https://a.b;AccessKey=abc==def=", Setting);

        Assert.Equal("abc==def=", parsed.AccessKey);
    }

    [Fact]
    public void Parse_EntryWithoutEquals_IsIgnored()
    {
        var parsed = ServiceConnectionString.Parse($"Endpoint=https://a.b;garbage;AccessKey={Key}", Setting);

        Assert.Equal(Key, parsed.AccessKey);
        Assert.Empty(parsed.UnknownKeys);
    }

    [Fact]
    public void Parse_UnknownKey_IsReportedByNameOnly()
    {
        var parsed = ServiceConnectionString.Parse($"Endpoint=https://a.b;AccesKey={Key};AuthType=azure", Setting);

        Assert.Equal(new[] { "AccesKey" }, parsed.UnknownKeys);
        Assert.Null(parsed.AccessKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Endpoint=https://a.b")]
    [InlineData("Endpoint=https://a.b;;;")]
    [InlineData(";;")]
    public void Parse_FewerThanTwoEntries_FailsWithMissingEndpointMessage(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceConnectionString.Parse(value, Setting));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.ConnectionStringTooShort, Setting), error.Message);
    }

    [Fact]
    public void Parse_RepeatedKey_FailsNamingTheKey()
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceConnectionString.Parse($"Endpoint=https://a.b;AccessKey={Key};accesskey={Key}", Setting));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.DuplicateKey, Setting, "accesskey"), error.Message);
        Assert.DoesNotContain(Key, error.Message);
    }

    [Theory]
    [InlineData("AccessKey=abc;Version=1.0")]
    [InlineData("Endpoint=;AccessKey=abc")]
    public void Parse_NoEndpoint_Fails(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceConnectionString.Parse(value, Setting));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.MissingEndpoint, Setting), error.Message);
    }

    [Theory]
    [InlineData("Endpoint", "contoso.service.signalr.net")]
    [InlineData("Endpoint", "ftp://contoso")]
    [InlineData("Endpoint", "/relative")]
    [InlineData("Endpoint", "https://contoso?x=1")]
    [InlineData("Endpoint", "https://contoso#frag")]
    [InlineData("ClientEndpoint", "not a url")]
    [InlineData("ServerEndpoint", "ws://contoso")]
    public void Parse_InvalidUri_FailsNamingTheProperty(string property, string value)
    {
        var text = property == "Endpoint" ? $"Endpoint={value};AccessKey={Key}" : $"Endpoint=https://a.b;AccessKey={Key};{property}={value}";

        var error = Assert.Throws<ArgumentException>(() => ServiceConnectionString.Parse(text, Setting));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.InvalidEndpointUri, Setting, property), error.Message);
        Assert.DoesNotContain(Key, error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("80a")]
    [InlineData("")]
    public void Parse_InvalidPort_Fails(string port)
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceConnectionString.Parse($"Endpoint=https://a.b;AccessKey={Key};Port={port}", Setting));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.InvalidPort, Setting), error.Message);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("65535", true)]
    [InlineData("8888", true)]
    public void Parse_ValidPort_OverridesEndpointPort(string port, bool _)
    {
        var parsed = ServiceConnectionString.Parse($"Endpoint=http://localhost:1234;AccessKey={Key};Port={port}", Setting);

        Assert.Equal(int.Parse(port), parsed.Endpoint.Endpoint.Port);
    }

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("1.1", true)]
    [InlineData("1.1-preview", true)]
    [InlineData("1.10", true)]
    [InlineData("2.0", false)]
    [InlineData("1.x", false)]
    [InlineData("1", false)]
    [InlineData("v1.0", false)]
    public void Parse_Version_AcceptsOnly1x(string version, bool valid)
    {
        var text = $"Endpoint=https://a.b;AccessKey={Key};Version={version}";
        if (valid)
        {
            Assert.NotNull(ServiceConnectionString.Parse(text, Setting));
        }
        else
        {
            var error = Assert.Throws<ArgumentException>(() => ServiceConnectionString.Parse(text, Setting));
            Assert.Equal(ErrorMessages.Format(ErrorMessages.InvalidVersion, Setting), error.Message);
        }
    }

    [Theory]
    [InlineData("Endpoint=https://a.b;AccessKey=;Version=1.0")]
    [InlineData("Endpoint=https://a.b;AccessKey= ;Version=1.0")]
    [InlineData("Endpoint=https://a.b;AccessKey=;AuthType=;Version=1.0")]
    public void Parse_EmptyAccessKeyWithoutAuthType_FailsAsAKeyNeverPasted(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceConnectionString.Parse(value, Setting));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.EmptyAccessKey, Setting), error.Message);
    }

    [Theory]
    [InlineData("Endpoint=https://a.b;AccessKey=;AuthType=azure.msi;Version=1.0", "ManagedIdentity")]
    [InlineData("Endpoint=https://a.b;AuthType=azure;AccessKey= ", "Default")]
    public void Parse_EmptyAccessKeyWithAuthType_TheAuthTypeDecides(string value, string kind)
    {
        // Only a non-empty AccessKey wins.
        var parsed = ServiceConnectionString.Parse(value, Setting);

        Assert.Null(parsed.AccessKey);
        Assert.Equal(kind, parsed.Identity!.Kind.ToString());
    }

    [Fact]
    public void Parse_AccessKeyAndAuthType_AccessKeyWins()
    {
        var parsed = ServiceConnectionString.Parse($"Endpoint=https://a.b;AccessKey={Key};AuthType=azure.msi", Setting);

        Assert.Equal(Key, parsed.AccessKey);
        Assert.Null(parsed.Identity);
    }

    [Theory]
    [InlineData("AuthType=azure", "Default", null, true)]
    [InlineData("AuthType=Azure", "Default", null, true)]
    [InlineData("Version=1.0", "Default", null, true)]
    [InlineData("AuthType=unknown", "Default", null, false)]
    [InlineData("AuthType=azure.msi", "ManagedIdentity", null, true)]
    [InlineData("AuthType=AZURE.MSI;ClientId=cid", "ManagedIdentity", "cid", true)]
    [InlineData("AuthType=aad", "ManagedIdentity", null, true)]
    [InlineData("AuthType=aad;ClientId=cid", "ManagedIdentity", "cid", true)]
    [InlineData("AuthType=aad;ClientId=cid;TenantId=tid;ClientSecret=s3cr3t", "ServicePrincipal", "cid", true)]
    [InlineData("AuthType=azure.app;ClientId=cid;TenantId=tid;ClientSecret=s3cr3t", "ServicePrincipal", "cid", true)]
    [InlineData("AuthType=azure.app;ClientId=cid;TenantId=tid;ClientCert=/certs/app.pfx", "ServicePrincipal", "cid", true)]
    public void Parse_IdentityForms_SelectTheCredential(string rest, string kind, string? clientId, bool recognised)
    {
        var parsed = ServiceConnectionString.Parse("Endpoint=https://a.b;" + rest, Setting);

        Assert.Null(parsed.AccessKey);
        Assert.NotNull(parsed.Identity);
        Assert.Equal(kind, parsed.Identity!.Kind.ToString());
        Assert.Equal(clientId, parsed.Identity.ClientId);
        Assert.Equal(recognised, parsed.Identity.RecognisedAuthType);
        Assert.DoesNotContain("s3cr3t", parsed.Identity.Description);
        Assert.DoesNotContain("s3cr3t", parsed.Identity.ToString());
    }

    [Fact]
    public void Parse_ServicePrincipalWithCertificate_KeepsThePath()
    {
        var identity = ServiceConnectionString.Parse("Endpoint=https://a.b;AuthType=azure.app;ClientId=cid;TenantId=tid;ClientCert=/certs/app.pfx", Setting).Identity!;

        Assert.Equal("/certs/app.pfx", identity.ClientCertificatePath);
        Assert.Null(identity.ClientSecret);
        Assert.Equal("tid", identity.TenantId);
        Assert.StartsWith("ClientCertificateCredential", identity.Description);
    }

    [Theory]
    [InlineData("AuthType=azure.app", "ClientId")]
    [InlineData("AuthType=azure.app;TenantId=tid;ClientSecret=s3cr3t", "ClientId")]
    [InlineData("AuthType=azure.app;ClientId=cid", "TenantId")]
    [InlineData("AuthType=azure.app;ClientId=cid;ClientSecret=s3cr3t", "TenantId")]
    [InlineData("AuthType=azure.app;ClientId=cid;TenantId=tid", "ClientSecret or ClientCert")]
    [InlineData("AuthType=aad;ClientId=cid;TenantId=tid", "ClientSecret or ClientCert")]
    [InlineData("AuthType=aad;ClientId=cid;ClientSecret=s3cr3t", "TenantId")]
    public void Parse_IncompleteServicePrincipal_FailsNamingTheMissingKey(string rest, string missing)
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceConnectionString.Parse("Endpoint=https://a.b;" + rest, Setting));

        var authType = rest.Substring("AuthType=".Length).Split(';')[0];
        Assert.Equal(ErrorMessages.Format(ErrorMessages.AuthTypeMissingKey, Setting, authType, missing), error.Message);
        Assert.DoesNotContain("s3cr3t", error.Message);
    }

    [Fact]
    public void Parse_SecretAndCertificate_Fails()
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceConnectionString.Parse("Endpoint=https://a.b;AuthType=azure.app;ClientId=c;TenantId=t;ClientSecret=s3cr3t;ClientCert=/c.pfx", Setting));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.AuthTypeSecretAndCert, Setting, "azure.app"), error.Message);
        Assert.DoesNotContain("s3cr3t", error.Message);
    }

    [Fact]
    public void Parse_ServerAndClientEndpoints_AreKept()
    {
        var parsed = ServiceConnectionString.Parse($"Endpoint=https://a.b;AccessKey={Key};ClientEndpoint=https://proxy.contoso.com;ServerEndpoint=https://internal.contoso.com:8443", Setting);

        Assert.Equal(new Uri("https://proxy.contoso.com"), parsed.Endpoint.ClientEndpoint);
        Assert.Equal(new Uri("https://internal.contoso.com:8443/api/v1/auth/accessKey"), parsed.Endpoint.AccessKeyUri);
    }

    [Theory]
    [InlineData("Endpoint=http://contoso.service.signalr.net;AuthType=azure.msi;Version=1.0", "Endpoint")]
    [InlineData("Endpoint=http://contoso.service.signalr.net;Version=1.0", "Endpoint")]
    [InlineData("Endpoint=HTTP://10.0.0.7;Port=8080;AuthType=azure", "Endpoint")]
    [InlineData("Endpoint=https://contoso.service.signalr.net;ServerEndpoint=http://internal.contoso.com;AuthType=azure", "ServerEndpoint")]
    [InlineData("Endpoint=http://localhost;ServerEndpoint=http://internal.contoso.com;AuthType=azure", "ServerEndpoint")]
    [InlineData("Endpoint=http://localhost.contoso.com;AuthType=azure", "Endpoint")]
    [InlineData("Endpoint=http://128.0.0.1;AuthType=azure", "Endpoint")]
    public void Parse_IdentityOverPlainHttp_FailsNamingTheProperty(string value, string property)
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceConnectionString.Parse(value, Setting));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.IdentityRequiresHttps, Setting, property), error.Message);
    }

    [Theory]
    [InlineData("Endpoint=http://localhost;Port=8888;AuthType=azure")]
    [InlineData("Endpoint=http://LOCALHOST;AuthType=azure.msi")]
    [InlineData("Endpoint=http://127.0.0.1;Port=8888;AuthType=azure")]
    [InlineData("Endpoint=http://127.10.0.3;AuthType=azure")]
    [InlineData("Endpoint=http://[::1];Port=5000;AuthType=azure")]
    [InlineData("Endpoint=https://contoso.service.signalr.net;ServerEndpoint=http://127.0.0.1:5000;AuthType=azure")]
    [InlineData("Endpoint=http://contoso.service.signalr.net;ServerEndpoint=https://contoso.service.signalr.net;AuthType=azure")]
    public void Parse_IdentityOverHttpsOrLoopback_IsAccepted(string value)
    {
        Assert.NotNull(ServiceConnectionString.Parse(value, Setting).Identity);
    }

    [Fact]
    public void Parse_AccessKeyOverPlainHttp_IsAccepted()
    {
        // No Entra token travels with an access key: the key signs locally.
        Assert.Equal(Key, ServiceConnectionString.Parse($"Endpoint=http://contoso.service.signalr.net;AccessKey={Key}", Setting).AccessKey);
    }

    [Theory]
    [InlineData("AccessKey:{0}=", "AccessKey")]
    [InlineData("accesskey :{0}=", "AccessKey")]
    [InlineData("ClientSecret/{0}=", "ClientSecret")]
    public void Parse_KnownKeyFollowedByTheValueWithoutEquals_FailsNamingTheKeyNotTheEntry(string entry, string known)
    {
        var text = "Endpoint=https://a.b;" + string.Format(System.Globalization.CultureInfo.InvariantCulture, entry, Key) + ";Version=1.0";

        var error = Assert.Throws<ArgumentException>(() => ServiceConnectionString.Parse(text, Setting));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.MalformedKnownKey, Setting, known), error.Message);
        Assert.DoesNotContain(Key.TrimEnd('='), error.Message);
    }

    [Theory]
    [InlineData("SECRETkeyABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789=x")]
    [InlineData("Acces Key=x")]
    [InlineData("a+b/c=x")]
    public void Parse_EntryWhoseNameIsNotAKeyName_IsCountedButNeverNamed(string entry)
    {
        var parsed = ServiceConnectionString.Parse($"Endpoint=https://a.b;AccessKey={Key};{entry}", Setting);

        Assert.Empty(parsed.UnknownKeys);
        Assert.Equal(1, parsed.UnnamedEntries);
    }

    [Fact]
    public void Parse_RepeatedEntryWhoseNameIsNotAKeyName_DoesNotEchoIt()
    {
        var parsed = ServiceConnectionString.Parse($"Endpoint=https://a.b;AccessKey={Key};{Key}x=1;{Key}x=2", Setting);

        Assert.Equal(2, parsed.UnnamedEntries);
    }

    [Theory]
    [InlineData("Endpoint=https://a.b;AccessKey;Version=1.0")]
    [InlineData("Endpoint=https://a.b; accesskey ;Version=1.0")]
    public void Parse_BareAccessKeyWithoutAuthType_FailsAsAKeyNeverPasted(string value)
    {
        // 'AccessKey' without '=' is 'AccessKey=' (a key never pasted), not a wish for DefaultAzureCredential.
        var error = Assert.Throws<ArgumentException>(() => ServiceConnectionString.Parse(value, Setting));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.EmptyAccessKey, Setting), error.Message);
    }

    [Fact]
    public void Parse_BareAccessKeyWithAuthType_TheAuthTypeDecides()
    {
        var parsed = ServiceConnectionString.Parse("Endpoint=https://a.b;AccessKey;AuthType=azure.msi", Setting);

        Assert.Null(parsed.AccessKey);
        Assert.Equal(IdentityCredentialKind.ManagedIdentity, parsed.Identity!.Kind);
    }

    [Theory]
    [InlineData("AccessKey;Version=1.0", "MissingEndpoint")]
    [InlineData("Endpoint;AccessKey=abc", "MissingEndpoint")]
    [InlineData("Endpoint=https://a.b;AccessKey=abc;Port", "InvalidPort")]
    [InlineData("Endpoint=https://a.b;AccessKey=abc;Version", "InvalidVersion")]
    public void Parse_BareKnownKey_IsReadAsAnEmptyValue(string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceConnectionString.Parse(value, Setting));

        var expected = message switch
        {
            "MissingEndpoint" => ErrorMessages.MissingEndpoint,
            "InvalidPort" => ErrorMessages.InvalidPort,
            _ => ErrorMessages.InvalidVersion,
        };
        Assert.Equal(ErrorMessages.Format(expected, Setting), error.Message);
    }

    [Fact]
    public void Parse_BareAccessKeyAndAnAccessKey_IsARepeatedKey()
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceConnectionString.Parse($"Endpoint=https://a.b;AccessKey;AccessKey={Key}", Setting));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.DuplicateKey, Setting, "AccessKey"), error.Message);
    }

    [Fact]
    public void Parse_ClientIdWithControlCharacters_IsEscapedInTheDescription()
    {
        // Found by ServiceConnectionStringFuzzTests: the description goes into log lines and messages.
        var identity = ServiceConnectionString.Parse("Endpoint=https://a.b;AuthType=azure.app;ClientId=c\nforged;TenantId=t\u2028x;ClientSecret=s3cr3t", Setting).Identity!;

        Assert.Equal("ClientSecretCredential (client id c\\nforged, tenant t\\u2028x)", identity.Description);
    }

    [Theory]
    [InlineData("Endpoint=https://a.b;AccessKey:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG;Version=1.0", "AccessKey")]
    [InlineData("Endpoint=https://a.b;AuthType=azure.app;ClientId=c;TenantId=t;ClientSecret abcdefghijklmnop", "ClientSecret")]
    public void Parse_KnownKeyFollowedByTheValueWithNoEqualsAtAll_FailsNamingTheKeyNotTheEntry(string value, string known)
    {
        // Without any '=' the entry used to be ignored, and the connection silently became DefaultAzureCredential.
        var error = Assert.Throws<ArgumentException>(() => ServiceConnectionString.Parse(value, Setting));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.MalformedKnownKey, Setting, known), error.Message);
        Assert.DoesNotContain("abcdefghijklmnop", error.Message);
    }
}
