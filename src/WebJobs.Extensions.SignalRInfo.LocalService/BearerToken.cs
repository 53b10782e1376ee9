using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace WebJobs.Extensions.SignalRInfo.LocalService;

/// <summary>Where a client's token travels: <c>Authorization: Bearer …</c>, or the <c>access_token</c> query parameter.</summary>
internal static class BearerToken
{
    public const string QueryParameter = "access_token";

    public static string? FromHeader(HttpRequest request)
    {
        foreach (var value in request.Headers[HeaderNames.Authorization])
        {
            if (value is not null && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                var token = value.Substring("Bearer ".Length).Trim();
                if (token.Length > 0)
                {
                    return token;
                }
            }
        }

        return null;
    }

    public static string? FromHeaderOrQuery(HttpRequest request)
    {
        var token = FromHeader(request);
        if (token is not null)
        {
            return token;
        }

        var query = request.Query[QueryParameter];
        return query.Count == 1 && !string.IsNullOrEmpty(query[0]) ? query[0] : null;
    }
}
