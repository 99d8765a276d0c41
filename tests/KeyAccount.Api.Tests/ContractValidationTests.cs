using System.Net;
using System.Text;
using KeyAccount.Api.Tests.Infrastructure;

namespace KeyAccount.Api.Tests;

/// <summary>The response check itself: a response that disagrees with the document is reported, one that agrees is not.</summary>
public sealed class ContractValidationTests : ApiTestBase
{
    [Test]
    public async Task A_response_matching_the_document_has_no_violations()
    {
        using var client = await As("director");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        using var response = await ApiFixture.Factory.CreateClient().SendAsync(Authorized(request, client));
        Assert.That(await ContractValidator.CheckAsync(request, response, record: false), Is.Empty);
    }

    [Test]
    public async Task A_wrong_body_an_undocumented_status_and_a_missing_header_are_violations()
    {
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        using var wrongBody = JsonResponse(HttpStatusCode.OK, """{ "id": 5, "email": null }""");
        Assert.That(await ContractValidator.CheckAsync(me, wrongBody, record: false), Has.Some.Contains("body at '/id'"));

        using var teapot = JsonResponse((HttpStatusCode)418, "{}");
        Assert.That(await ContractValidator.CheckAsync(me, teapot, record: false), Has.Some.Contains("status 418 is not documented"));

        using var get = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/accounts/{Guid.NewGuid()}");
        using var noETag = JsonResponse(HttpStatusCode.OK, "{}");
        Assert.That(await ContractValidator.CheckAsync(get, noETag, record: false), Has.Some.Contains("header ETag is documented as required but not sent"));
    }

    private static HttpRequestMessage Authorized(HttpRequestMessage request, HttpClient signedIn)
    {
        request.Headers.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return request;
    }

    private static HttpResponseMessage JsonResponse(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
