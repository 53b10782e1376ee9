using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Security.Claims;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Functions.Worker.Extensions.SignalRInfo.Tests;

/// <summary>A hand-written <see cref="HttpRequestData"/> whose responses keep their body in memory.</summary>
internal sealed class FakeHttpRequestData : HttpRequestData
{
    public FakeHttpRequestData(FunctionContext context)
        : base(context)
    {
    }

    public override Stream Body { get; } = new MemoryStream();

    public override HttpHeadersCollection Headers { get; } = new();

    public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = Array.Empty<IHttpCookie>();

    public override Uri Url { get; } = new("http://localhost:7071/api/negotiate");

    public override IEnumerable<ClaimsIdentity> Identities { get; } = Array.Empty<ClaimsIdentity>();

    public override string Method => "POST";

    public override HttpResponseData CreateResponse() => new Response(FunctionContext);

    /// <summary>A response with a <see cref="MemoryStream"/> body.</summary>
    internal sealed class Response : HttpResponseData
    {
        public Response(FunctionContext context)
            : base(context)
        {
        }

        public override HttpStatusCode StatusCode { get; set; }

        public override HttpHeadersCollection Headers { get; set; } = new();

        public override Stream Body { get; set; } = new MemoryStream();

        public override HttpCookies Cookies => throw new NotSupportedException();

        public byte[] BodyBytes() => ((MemoryStream)Body).ToArray();
    }
}
