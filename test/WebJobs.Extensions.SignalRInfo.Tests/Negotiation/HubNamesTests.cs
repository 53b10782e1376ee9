using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

public class HubNamesTests
{
    [Theory]
    [InlineData("chat", true)]
    [InlineData("Chat_Room.v1", true)]
    [InlineData("a`b,c.d[e]f", true)]
    [InlineData("h0123456789", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("1chat", false)]
    [InlineData("_chat", false)]
    [InlineData("chat room", false)]
    [InlineData("chat-room", false)]
    [InlineData("chat/room", false)]
    [InlineData("chät", false)]
    public void IsValid_FollowsTheServicePattern(string? hub, bool valid)
    {
        Assert.Equal(valid, HubNames.IsValid(hub));
    }

    [Fact]
    public void IsValid_LengthLimitIs128()
    {
        Assert.True(HubNames.IsValid("a" + new string('b', 127)));
        Assert.False(HubNames.IsValid("a" + new string('b', 128)));
    }
}
