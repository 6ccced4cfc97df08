using Stillpoint.Core.Instruments.Parsing;
using Stillpoint.Data.Instruments;
using Stillpoint.Web.Api;
using Stillpoint.Web.Auth;
using Stillpoint.Web.Responses;

namespace Stillpoint.Web.Instruments;

internal static class InstrumentEndpoints
{
    /// <summary>
    /// Loads the instrument library once, now, as a singleton: a broken definition throws
    /// <see cref="InstrumentDefinitionException"/> (naming file and field) and the server does not start.
    /// <c>Instruments:Directory</c> overrides where the definitions are read from.
    /// </summary>
    public static void AddInstruments(this WebApplicationBuilder builder)
    {
        var library = InstrumentDirectoryLoader.Load(builder.Configuration["Instruments:Directory"]);
        builder.Services.AddSingleton(library);
        builder.Services.AddScoped<InstrumentCatalog>();
        builder.Services.AddScoped<ResponseService>();
    }

    public static void MapInstrumentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/instruments").WithTags("Instruments");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.StaffOrPatient)
            .WithSummary("The instrument library with items and options; each item's text is the clinic's official wording "
                + "(officialWording: true) where loaded, else our own label.");
        group.MapGet("/{id}", GetAsync).RequireAuthorization(Policies.StaffOrPatient)
            .WithSummary("One instrument definition with the clinic's wording.");
        group.MapPost("/{id}/score", Score).RequireAuthorization(Policies.Staff)
            .WithSummary("Score answers without storing them. Bad answers: 400 naming answers[n] (item n, 1-based).");
        app.MapResponseEndpoints();
    }

    private static async Task<IResult> ListAsync(InstrumentCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(await catalog.ListAsync(ct));

    private static async Task<IResult> GetAsync(string id, InstrumentCatalog catalog, CancellationToken ct) =>
        (await catalog.GetAsync(id, ct)).ToHttpResult(TypedResults.Ok);

    private static IResult Score(string id, ScoreRequest? body, InstrumentCatalog catalog) =>
        catalog.Score(id, body).ToHttpResult(TypedResults.Ok);
}
