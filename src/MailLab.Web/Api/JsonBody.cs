using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MailLab.Web.Api;

/// <summary>Reads a request's JSON body, turning malformed JSON or a wrong type into a 400 that names the field.</summary>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request)
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, JsonSerializerOptions.Web, request.HttpContext.RequestAborted);
            return value is null ? (default, BadRequest("The request body must be a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            var field = e.Path is null or "$" ? null : e.Path.TrimStart('$', '.');
            return (default, BadRequest(field is null
                ? "The request body is not valid JSON."
                : $"{field} has the wrong type or is malformed."));
        }
    }

    public static IResult BadRequest(string error) => Results.BadRequest(new ProblemDto(error));

    public static IResult Conflict(string error) => Results.Conflict(new ProblemDto(error));
}
