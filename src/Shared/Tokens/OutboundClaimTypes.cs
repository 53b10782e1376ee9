using System;
using System.Collections.Generic;

namespace SignalRInfo.Core;

/// <summary>
/// The short JWT names of the long (URI) claim types of <see cref="System.Security.Claims.ClaimTypes"/> and of
/// Microsoft Entra ID / AD FS, as JWT writers (and the Azure SignalR SDK) write them: a claim
/// <c>ClaimTypes.NameIdentifier</c> from an app's <c>ClaimsPrincipal</c> is written <c>nameid</c>, <c>ClaimTypes.Name</c>
/// <c>unique_name</c>, <c>ClaimTypes.Role</c> <c>role</c>. The match is exact (case-sensitive); other types are
/// written as they are.
/// </summary>
internal static class OutboundClaimTypes
{
    private static readonly Dictionary<string, string> ShortNames = Build();

    /// <summary>The name to write for <paramref name="claimType"/>.</summary>
    public static string ShortName(string claimType) =>
        claimType.StartsWith("http://", StringComparison.Ordinal) && ShortNames.TryGetValue(claimType, out var name) ? name : claimType;

    private static Dictionary<string, string> Build()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(names, "http://schemas.microsoft.com/2012/01/devicecontext/claims/",
            "displayname", "devicedispname",
            "identifier", "deviceid",
            "ismanaged", "deviceismanaged",
            "isregistereduser", "isregistereduser",
            "ostype", "deviceostype",
            "osversion", "deviceosver",
            "registrationid", "deviceregid",
            "userowner", "deviceowner");
        Add(names, "http://schemas.microsoft.com/2012/01/requestcontext/claims/",
            "relyingpartytrustid", "relyingpartytrustid",
            "x-ms-client-application", "clientapplication",
            "x-ms-client-ip", "clientip",
            "x-ms-client-user-agent", "clientuseragent",
            "x-ms-endpoint-absolute-path", "endpointpath",
            "x-ms-forwarded-client-ip", "forwardedclientip",
            "x-ms-proxy", "proxy");
        Add(names, "http://schemas.microsoft.com/2012/12/certificatecontext/extension/",
            "applicationpolicy", "certapppolicy",
            "authoritykeyidentifier", "certauthoritykeyidentifier",
            "basicconstraints", "certbasicconstraints",
            "certificatepolicy", "certpolicy",
            "certificatetemplateinformation", "certtemplateinformation",
            "certificatetemplatename", "certtemplatename",
            "eku", "certeku",
            "keyusage", "certkeyusage",
            "san", "certsubjectaltname",
            "subjectkeyidentifier", "certsubjectkeyidentifier");
        Add(names, "http://schemas.microsoft.com/2012/12/certificatecontext/field/",
            "issuer", "certissuer",
            "issuername", "certissuername",
            "notafter", "certnotafter",
            "notbefore", "certnotbefore",
            "rawdata", "certrawdata",
            "signaturealgorithm", "certsignaturealgorithm",
            "subject", "certsubject",
            "subjectname", "certsubjectname",
            "x509version", "certx509version");
        Add(names, "http://schemas.microsoft.com/claims/",
            "authnclassreference", "acr",
            "authnmethodsreferences", "amr");
        Add(names, "http://schemas.microsoft.com/identity/claims/",
            "identityprovider", "idp",
            "objectidentifier", "oid",
            "scope", "scp",
            "tenantid", "tid");
        Add(names, "http://schemas.microsoft.com/ws/2008/06/identity/claims/",
            "authenticationmethod", "authmethod",
            "denyonlyprimarygroupsid", "denyonlyprimarygroupsid",
            "denyonlyprimarysid", "denyonlyprimarysid",
            "groupsid", "groupsid",
            "primarygroupsid", "primarygroupsid",
            "primarysid", "primarysid",
            "role", "role",
            "serialnumber", "certserialnumber",
            "windowsaccountname", "winaccountname");
        Add(names, "http://schemas.microsoft.com/ws/2012/01/",
            "insidecorporatenetwork", "insidecorporatenetwork",
            "passwordchangeurl", "pwdchgurl",
            "passwordexpirationdays", "pwdexpdays",
            "passwordexpirationtime", "pwdexptime");
        Add(names, "http://schemas.xmlsoap.org/claims/",
            "CommonName", "commonname",
            "EmailAddress", "adfs1email",
            "Group", "group",
            "UPN", "adfs1upn");
        Add(names, "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/",
            "dateofbirth", "birthdate",
            "denyonlysid", "denyonlysid",
            "emailaddress", "email",
            "gender", "gender",
            "givenname", "given_name",
            "name", "unique_name",
            "nameidentifier", "nameid",
            "privatepersonalidentifier", "ppid",
            "rsa", "certpublickey",
            "surname", "family_name",
            "thumbprint", "certthumbprint",
            "upn", "upn",
            "webpage", "website");
        Add(names, "http://schemas.xmlsoap.org/ws/2009/09/identity/claims/",
            "actor", "actort");
        return names;
    }

    /// <summary>Adds the types under <paramref name="prefix"/>: pairs of the last path segment and the short name.</summary>
    private static void Add(Dictionary<string, string> names, string prefix, params string[] segmentsAndNames)
    {
        for (var i = 0; i < segmentsAndNames.Length; i += 2)
        {
            names.Add(prefix + segmentsAndNames[i], segmentsAndNames[i + 1]);
        }
    }
}
