using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Realtime.LiveApi.Auth;

public static class AuthHosting
{
    /// <summary>JWT bearer authentication for REST, SignalR (token in the query string) and gRPC; role policies.</summary>
    public static IServiceCollection AddRealtimeAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthSettings>().BindConfiguration(AuthSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<StaffDirectory>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            if (!string.IsNullOrWhiteSpace(settings.Authority))
            {
                o.Authority = settings.Authority;
                o.RequireHttpsMetadata = settings.Authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            }
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuers = string.IsNullOrWhiteSpace(settings.Authority) ? [settings.Issuer] : [settings.Issuer, settings.Authority],
                ValidAudience = settings.Audience,
                IssuerSigningKey = settings.SigningKey.Length >= 32 ? TokenIssuer.KeyOf(settings) : null,
                RoleClaimType = settings.RoleClaim,
                NameClaimType = "name",
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            o.Events = new JwtBearerEvents
            {
                // Browsers cannot set headers on WebSockets: SignalR sends the token as access_token.
                OnMessageReceived = context =>
                {
                    var token = context.Request.Query["access_token"];
                    if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                        context.Token = token;
                    return Task.CompletedTask;
                },
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Staff))
            .AddPolicy(Policies.Department, p => p.RequireRole(Roles.Department, Roles.Admin));
        return services;
    }
}
