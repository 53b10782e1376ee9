using System;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests;

public class LocalSignalRServiceOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new LocalSignalRServiceOptions();

        Assert.Equal(8888, options.Port);
        Assert.Null(options.AccessKey);
        Assert.Equal("localhost", options.HostName);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ClockSkew);
        Assert.Same(TimeProvider.System, options.TimeProvider);
        Assert.False(options.StartUnhealthy);
        Assert.Null(options.ConfigureLogging);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Port_OutOfRange_Throws(int port)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LocalSignalRServiceOptions { Port = port });

        Assert.StartsWith(LocalServiceMessages.PortOutOfRange, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("secret;part")]
    public void AccessKey_EmptyOrWithSemicolon_ThrowsWithoutEchoingIt(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => new LocalSignalRServiceOptions { AccessKey = key });

        Assert.StartsWith(LocalServiceMessages.AccessKeyEmpty, error.Message);
        Assert.DoesNotContain("secret;part", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("local host")]
    [InlineData("::1")]
    [InlineData("http://localhost")]
    public void HostName_Invalid_Throws(string hostName)
    {
        var error = Assert.Throws<ArgumentException>(() => new LocalSignalRServiceOptions { HostName = hostName });

        Assert.StartsWith(LocalServiceMessages.HostNameInvalid, error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(31)]
    public void ClockSkew_OutOfRange_Throws(int seconds)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LocalSignalRServiceOptions { ClockSkew = TimeSpan.FromSeconds(seconds) });

        Assert.StartsWith(LocalServiceMessages.ClockSkewOutOfRange, error.Message);
    }

    [Fact]
    public void TimeProvider_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new LocalSignalRServiceOptions { TimeProvider = null! });
    }
}
