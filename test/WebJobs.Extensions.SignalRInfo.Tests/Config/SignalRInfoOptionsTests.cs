using System;
using Newtonsoft.Json.Linq;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

public class SignalRInfoOptionsTests
{
    [Fact]
    public void TokenLifetime_DefaultsToOneHour()
    {
        Assert.Equal(TimeSpan.FromHours(1), new SignalRInfoOptions().TokenLifetime);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3600)]
    [InlineData(86400)]
    public void TokenLifetime_InRange_IsKept(int seconds)
    {
        var options = new SignalRInfoOptions { TokenLifetime = TimeSpan.FromSeconds(seconds) };

        Assert.Equal(TimeSpan.FromSeconds(seconds), options.TokenLifetime);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(86401)]
    public void TokenLifetime_OutOfRange_ThrowsNamingTheSetting(int seconds)
    {
        var options = new SignalRInfoOptions();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.TokenLifetime = TimeSpan.FromSeconds(seconds));

        Assert.Equal("TokenLifetime", error.ParamName);
        Assert.StartsWith(ErrorMessages.Format(ErrorMessages.TokenLifetimeOutOfRange, "SignalRInfoOptions.TokenLifetime (host.json 'extensions:signalRInfo:tokenLifetime')", TimeSpan.FromSeconds(seconds)), error.Message);
        Assert.Equal(TimeSpan.FromHours(1), options.TokenLifetime);
    }

    [Fact]
    public void Format_IsJsonOfTheOptions()
    {
        var formatted = JObject.Parse(new SignalRInfoOptions { TokenLifetime = TimeSpan.FromMinutes(5) }.Format());

        Assert.Equal("00:05:00", (string?)formatted["TokenLifetime"]);
    }
}
