using System.Net;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Trust;

/// <summary>Production refuses development secrets and open CORS, naming the setting; developer surfaces are off.</summary>
[Collection(TrustStackCollection.Name)]
public sealed class ProductionTests(TrustStack stack)
{
    private const string StrongKey = "q8Vd2mZ0rT6yLw3NcJ9pXb5KfH1sUe7AoG4iRlMtYzQ";
    private const string WorkerKey = "Wk7Jb3Xc9Lq2Vn6Rt0Hy4Md8Fs1Pg5ZaEuTiOo";

    public static TheoryData<string, string, string, string> Refusals => new()
    {
        { "development-only-signing-key-change-me-in-production-0123456789", WorkerKey, "https://live.shenyang.gov.cn", "Auth:SigningKey" },
        { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", WorkerKey, "https://live.shenyang.gov.cn", "Auth:SigningKey" },
        { StrongKey, "development-worker-key", "https://live.shenyang.gov.cn", "Media:WorkerKeys" },
        { StrongKey, WorkerKey, "*", "Media:CorsOrigins" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Production_WithADevelopmentSecretOrOpenCors_RefusesToStartNamingTheSetting(string signingKey, string workerKey, string cors, string setting)
    {
        var api = new LiveApiProcess(stack.Azurite, stack.ClusterId, Production(signingKey, workerKey, cors));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(api.StartAsync);
        await api.DisposeAsync();
        Assert.Contains(setting, refused.Message);
    }

    [Fact]
    public async Task Production_WithItsOwnSecrets_StartsWithoutOpenApiApiPageOrReflection_UnlessSwitchedOn()
    {
        await using (var api = new LiveApiProcess(stack.Azurite, stack.ClusterId, Production(StrongKey, WorkerKey, "https://live.shenyang.gov.cn")))
        {
            await api.StartAsync();
            using var http = api.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/districts")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/openapi/v1.json")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api-docs/index.html")).StatusCode);
            using var channel = GrpcChannel.ForAddress(api.GrpcAddress);
            var reflection = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
            try
            {
                await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
            }
            catch (Grpc.Core.RpcException)
            {
                // the server may answer before the request is written; its answer is read below
            }
            var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => reflection.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(Grpc.Core.StatusCode.Unimplemented, refused.StatusCode);
        }

        var settings = Production(StrongKey, WorkerKey, "https://live.shenyang.gov.cn");
        settings["Security__DeveloperSurfaces"] = "true";
        await using var open = new LiveApiProcess(stack.Azurite, stack.ClusterId, settings);
        await open.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await open.CreateClient().GetAsync("/openapi/v1.json")).StatusCode);
    }

    private static Dictionary<string, string> Production(string signingKey, string workerKey, string cors) => new()
    {
        [LiveApiProcess.ProductionLimits] = "",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Auth__SigningKey"] = signingKey,
        ["Media__WorkerKeys__0"] = workerKey,
        ["Media__CorsOrigins__0"] = cors,
    };
}
