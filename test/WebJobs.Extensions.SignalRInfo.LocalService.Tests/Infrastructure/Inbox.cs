using System;
using System.Collections.Generic;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR.Client;

namespace WebJobs.Extensions.SignalRInfo.LocalService.Tests.Infrastructure;

/// <summary>The <c>newMessage(from, message)</c> events one connection receives, in order.</summary>
internal sealed class Inbox
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly Channel<(string From, string Message)> _messages = Channel.CreateUnbounded<(string, string)>();

    public Inbox(HubConnection connection) =>
        connection.On<string, string>(LocalServiceClientEvents.NewMessage, (from, message) => _messages.Writer.TryWrite((from, message)));

    public async Task<(string From, string Message)> NextAsync() =>
        await _messages.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    /// <summary>What arrived so far, without waiting.</summary>
    public List<(string From, string Message)> Drain()
    {
        var list = new List<(string, string)>();
        while (_messages.Reader.TryRead(out var item))
        {
            list.Add(item);
        }

        return list;
    }
}
